/** Prepared answers for the ticket's category and the action: inserted into the form, then edited before sending. */
import { useEffect, useState } from 'preact/hooks';
import { api, type Schemas } from '../../shared/api/client';
import { localName } from '../../shared/i18n/index';
import { t } from '../messages';

type Template = Schemas['ResponseTemplate'];

export function TemplatePicker(props: { category: string; kind: Template['kind']; onInsert: (text: string, template: Template) => void }) {
  const [items, setItems] = useState<Template[]>([]);
  const [chosen, setChosen] = useState('');
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
      <button type="button" class="field" disabled={!template} onClick={() => template && props.onInsert(localName(template.body), template)}>{t('form.templateInsert')}</button>
    </div>
  );
}
