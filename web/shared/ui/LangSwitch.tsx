import { lang, languages, setLang } from '../i18n/index';
import { tc } from '../i18n/common';

/** Two buttons, the current one pressed: a language switch a screen reader announces as such. */
export function LangSwitch() {
  return (
    <div class="lang-switch" role="group" aria-label={tc('lang.label')}>
      {languages.map((l) => (
        <button type="button" key={l} lang={l} aria-pressed={lang.value === l} onClick={() => setLang(l)}>
          {l === 'vi' ? 'VI' : 'EN'}
          <span class="visually-hidden"> {tc(`lang.${l}`)}</span>
        </button>
      ))}
    </div>
  );
}
