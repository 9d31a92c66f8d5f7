/**
 * Prepared answers for the ticket's category and the action: inserted into the form, then edited
 * before sending. The text goes in the ticket's language (what the citizen wrote in), not the
 * console's: an officer reading English still answers a Vietnamese report in Vietnamese.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, type Schemas } from '../../shared/api/client';
import { localName } from '../../shared/i18n/index';
import { t } from '../messages';
import type { TicketLanguage } from '../lib/ticket-language';

type Template = Schemas['ResponseTemplate'];

export function TemplatePicker(props: { category: string; kind: Template['kind']; language: TicketLanguage; onInsert: (text: string, template: Template) => void }) {
  const [items, setItems] = useState<Template[]>([]);
  const [chosen, setChosen] = useState('');
  const [language, setLanguage] = useState<TicketLanguage>(props.language);
  useEffect(() => setLanguage(props.language), [props.language]);
  useEffect(() => {
    let live = true;
    api.GET('/v1/response-templates', { params: { query: { category: props.category, kind: props.kind, limit: 100 } } }).then(({ data }) => live && setItems(data?.items ?? []));
    return () => void (live = false);
  }, [props.category, props.kind]);
  if (items.length === 0) return null;
  const id = `tpl-${props.kind}`;
  const template = items.find((i) => i.id === chosen);
  return (
    <div class="row template-picker">
      <div class="field">
        <label for={id}>{t('form.template')}</label>
        <select id={id} value={chosen} onChange={(e) => setChosen(e.currentTarget.value)}>
          <option value="">{t('form.templateNone')}</option>
          {items.map((i) => <option key={i.id} value={i.id}>{localName(i.title)}</option>)}
        </select>
      </div>
      <div class="field">
        <label for={`${id}-lang`}>{t('form.templateLanguage')}</label>
        <select id={`${id}-lang`} value={language} onChange={(e) => setLanguage(e.currentTarget.value as TicketLanguage)}>
          <option value="vi" lang="vi">Tiếng Việt</option>
          <option value="en" lang="en">English</option>
        </select>
      </div>
      <button type="button" class="field" disabled={!template} onClick={() => template && props.onInsert(template.body[language], template)}>{t('form.templateInsert')}</button>
    </div>
  );
}
