/** Notification preferences: channels, phone (E.164), e-mail, language; the API's validation messages beside the fields they name. */
import { useEffect, useState } from 'preact/hooks';
import { api, problemText, type Schemas } from '../../shared/api/client';
import { session } from '../../shared/auth/session';
import { t } from '../messages';
import { Loading, NeedSignIn } from '../ui';

type Input = Schemas['NotificationPreferencesInput'];
type FieldErrors = Record<string, string>;

export function Preferences() {
  const [form, setForm] = useState<Input | undefined>();
  const [loadError, setLoadError] = useState<string | undefined>();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<'idle' | 'saved' | 'invalid'>('idle');
  useEffect(() => {
    if (!session.value) return;
    void api.GET('/v1/me/preferences').then(({ data, error }) => {
      if (error || !data) return setLoadError(problemText(error));
      setForm({ channels: data.channels, language: data.language, ...(data.phone ? { phone: data.phone } : {}), ...(data.email ? { email: data.email } : {}) });
    }, (e: unknown) => setLoadError(problemText(e)));
  }, [session.value?.sub]);
  if (!session.value) return <NeedSignIn />;
  if (!form) return <Loading error={loadError} />;

  const set = (patch: Partial<Input>) => {
    setForm({ ...form, ...patch });
    setStatus('idle');
  };
  const save = async (e: Event) => {
    e.preventDefault();
    const body: Input = { channels: form.channels, language: form.language, ...(form.phone?.trim() ? { phone: form.phone.trim() } : {}), ...(form.email?.trim() ? { email: form.email.trim() } : {}) };
    const { error } = await api.PUT('/v1/me/preferences', { body });
    if (!error) {
      setErrors({});
      return setStatus('saved');
    }
    const found: FieldErrors = {};
    for (const fe of (error as { errors?: { path: string; message: string }[] }).errors ?? []) {
      const field = fe.path.replace(/^body\./, '').split('.')[0] ?? 'form';
      found[field] = found[field] ? `${found[field]}; ${fe.message}` : fe.message;
    }
    if (!Object.keys(found).length) found.form = problemText(error);
    setErrors(found);
    setStatus('invalid');
  };
  const fieldProps = (name: string) => (errors[name] ? { 'aria-invalid': true, 'aria-describedby': `${name}-error` } : {});
  const fieldError = (name: string) => errors[name] && <p id={`${name}-error`} class="error">{errors[name]}</p>;
  return (
    <form class="card prefs" onSubmit={(e) => void save(e)} noValidate>
      <h1>{t('prefs.title')}</h1>
      <fieldset>
        <legend>{t('prefs.channels')}</legend>
        <p class="hint">{t('prefs.inApp')}</p>
        {(['sms', 'email', 'push'] as const).map((c) => (
          <label key={c} class="check">
            <input type="checkbox" name={c} checked={form.channels[c]} onChange={(e) => set({ channels: { ...form.channels, [c]: (e.target as HTMLInputElement).checked } })} />
            <span>{t(`prefs.${c}`)}</span>
          </label>
        ))}
        {fieldError('channels')}
      </fieldset>
      <div class="field">
        <label for="phone">{t('prefs.phone')}</label>
        <input id="phone" type="tel" autoComplete="tel" value={form.phone ?? ''} {...fieldProps('phone')} onInput={(e) => set({ phone: (e.target as HTMLInputElement).value })} />
        {fieldError('phone')}
      </div>
      <div class="field">
        <label for="email">{t('prefs.emailAddress')}</label>
        <input id="email" type="email" autoComplete="email" value={form.email ?? ''} {...fieldProps('email')} onInput={(e) => set({ email: (e.target as HTMLInputElement).value })} />
        {fieldError('email')}
      </div>
      <div class="field">
        <label for="language">{t('prefs.language')}</label>
        <select id="language" value={form.language} onChange={(e) => set({ language: (e.target as HTMLSelectElement).value as Input['language'] })}>
          <option value="vi">Tiếng Việt</option>
          <option value="en">English</option>
        </select>
      </div>
      {errors.form && <p class="error">{errors.form}</p>}
      <p role="status" class={status === 'invalid' ? 'error' : 'ok'}>{status === 'saved' ? t('prefs.saved') : status === 'invalid' ? t('prefs.invalid') : ''}</p>
      <button type="submit" class="primary">{t('prefs.save')}</button>
      <p><a href="/account">{t('account.title')}</a></p>
    </form>
  );
}
