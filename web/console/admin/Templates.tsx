/**
 * Response templates: the prepared answers, questions and rejection texts staff insert into the
 * action forms, per category (or `*` for all) and kind, in Vietnamese and English. Listed,
 * created, edited and deleted through the API's own routes, so its rules (a respond text of at
 * least 20 characters, a reason only on reject templates) come back as field errors here.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, problemText, type Problem, type Schemas } from '../../shared/api/client';
import { allPages } from '../../shared/api/pages';
import { localName, type Lang } from '../../shared/i18n/index';
import { rejectReasons } from '../../../shared/domain/workflow.js';
import { ANY_CATEGORY } from '../../../shared/domain/category.js';
import { t, type MessageKey } from '../messages';
import { categories, categoryName } from '../lib/reference';

type Template = Schemas['ResponseTemplate'];
type Input = Schemas['ResponseTemplateInput'];
const kinds = ['respond', 'request_info', 'reject'] as const;

const allTemplates = () => allPages((cursor) => api.GET('/v1/response-templates', { params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } } }));

const blank = (): Template => ({ id: '', category: ANY_CATEGORY, kind: 'respond', title: { vi: '', en: '' }, body: { vi: '', en: '' }, updatedAt: '' });
const kindText = (k: Template['kind']) => t(`admin.templates.kind.${k}` as MessageKey);
const categoryText = (c: string) => (c === ANY_CATEGORY ? t('admin.rules.anyCategory') : categoryName(c));

export function Templates() {
  const [items, setItems] = useState<Template[] | undefined>();
  const [filter, setFilter] = useState({ category: '', kind: '' });
  const [editing, setEditing] = useState<{ template: Template; isNew: boolean } | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();

  const load = () => allTemplates().then(setItems).catch((e: unknown) => setError(problemText(e)));
  useEffect(() => void load(), []);

  const save = async (tpl: Template) => {
    setError(undefined);
    setProblem(undefined);
    const body: Input = { category: tpl.category, kind: tpl.kind, title: tpl.title, body: tpl.body, ...(tpl.kind === 'reject' && tpl.reasonCode ? { reasonCode: tpl.reasonCode } : {}) };
    const { error: e } = await api.PUT('/v1/response-templates/{id}', { params: { path: { id: tpl.id.trim() } }, body });
    if (e) return setProblem(e as Problem);
    setMessage(t('admin.templates.saved', { id: tpl.id.trim() }));
    setEditing(undefined);
    await load();
  };

  const remove = async (tpl: Template) => {
    if (!confirm(t('admin.templates.confirmDelete', { id: tpl.id }))) return;
    setError(undefined);
    const { error: e } = await api.DELETE('/v1/response-templates/{id}', { params: { path: { id: tpl.id } } });
    if (e) return setError(problemText(e));
    // Announced once the list no longer shows it, so "deleted" never sits beside the row.
    await load();
    setMessage(t('admin.templates.deleted', { id: tpl.id }));
  };

  const shown = (items ?? []).filter((i) => (!filter.category || i.category === filter.category) && (!filter.kind || i.kind === filter.kind));

  return (
    <section aria-labelledby="tpl-h">
      <h1 id="tpl-h">{t('admin.templates.title')}</h1>
      <p>{t('admin.templates.intro')}</p>
      {message && <p role="status" class="ok">{message}</p>}
      {error && <p role="alert" class="error">{error}</p>}
      <div class="filters card">
        <div class="field">
          <label for="t-cat">{t('admin.rules.filterCategory')}</label>
          <select id="t-cat" value={filter.category} onChange={(e) => setFilter({ ...filter, category: e.currentTarget.value })}>
            <option value="">{t('queue.all')}</option>
            <option value={ANY_CATEGORY}>{t('admin.rules.anyCategory')}</option>
            {categories.value.map((c) => <option key={c.code} value={c.code}>{localName(c.name)}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="t-kind">{t('admin.templates.kind')}</label>
          <select id="t-kind" value={filter.kind} onChange={(e) => setFilter({ ...filter, kind: e.currentTarget.value })}>
            <option value="">{t('queue.all')}</option>
            {kinds.map((k) => <option key={k} value={k}>{kindText(k)}</option>)}
          </select>
        </div>
        <button type="button" class="primary field" onClick={() => { setProblem(undefined); setEditing({ template: blank(), isNew: true }); }}>{t('admin.templates.new')}</button>
      </div>
      {editing && (
        <TemplateForm key={editing.template.id || 'new'} template={editing.template} isNew={editing.isNew} problem={problem} onSave={(tpl) => void save(tpl)} onCancel={() => { setEditing(undefined); setProblem(undefined); }} />
      )}
      {!items && <p aria-live="polite">{t('dash.loading')}</p>}
      {items && (
        <div class="scroll">
          <table class="templates responsive">
            <caption class="visually-hidden">{t('admin.templates.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.templates.id')}</th>
                <th scope="col">{t('admin.rules.col.category')}</th>
                <th scope="col">{t('admin.templates.kind')}</th>
                <th scope="col">{t('admin.templates.titleCol')}</th>
                <th scope="col">{t('admin.rules.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((i) => (
                <tr key={i.id} data-template={i.id}>
                  <td data-label={t('admin.templates.id')}><code>{i.id}</code></td>
                  <td data-label={t('admin.rules.col.category')}>{categoryText(i.category)}</td>
                  <td data-label={t('admin.templates.kind')}>{kindText(i.kind)}{i.reasonCode ? ` · ${t(`reject.${i.reasonCode}` as MessageKey)}` : ''}</td>
                  <td data-label={t('admin.templates.titleCol')}>{localName(i.title)}</td>
                  <td data-label={t('admin.rules.col.actions')} class="row-actions">
                    <button type="button" aria-label={`${t('admin.rules.edit')} ${i.id}`} onClick={() => { setProblem(undefined); setEditing({ template: i, isNew: false }); }}>{t('admin.rules.edit')}</button>
                    <button type="button" class="danger" aria-label={`${t('admin.rules.delete')} ${i.id}`} onClick={() => void remove(i)}>{t('admin.rules.delete')}</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function TemplateForm(props: { template: Template; isNew: boolean; problem: Problem | undefined; onSave: (t: Template) => void; onCancel: () => void }) {
  const [tpl, setTpl] = useState(props.template);
  const err = (path: string) => {
    const m = props.problem?.errors?.find((e) => e.path === path || e.path.startsWith(`${path}.`))?.message;
    return m ? <p class="error">{m}</p> : null;
  };
  const text = (part: 'title' | 'body', l: Lang) => {
    const id = `tf-${part}-${l}`;
    const set = (v: string) => setTpl({ ...tpl, [part]: { ...tpl[part], [l]: v } });
    return (
      <div class="field grow">
        <label for={id}>{t(`admin.templates.${part}.${l}` as MessageKey)}</label>
        {part === 'title' ? (
          <input id={id} lang={l} required maxLength={150} value={tpl.title[l]} onInput={(e) => set(e.currentTarget.value)} />
        ) : (
          <textarea id={id} lang={l} required rows={5} maxLength={4000} value={tpl.body[l]} onInput={(e) => set(e.currentTarget.value)} />
        )}
        {err(`body.${part}.${l}`)}
      </div>
    );
  };
  return (
    <form class="card template-form" aria-labelledby="tf-h" onSubmit={(e) => { e.preventDefault(); props.onSave(tpl); }}>
      <h2 id="tf-h">{props.isNew ? t('admin.templates.new') : t('admin.templates.editing', { id: tpl.id })}</h2>
      {props.problem && <p role="alert" class="error">{problemText(props.problem)}</p>}
      <div class="row">
        <div class="field">
          <label for="tf-id">{t('admin.templates.id')}</label>
          <input id="tf-id" required pattern="[a-z0-9][a-z0-9\-]{1,63}" readOnly={!props.isNew} aria-describedby="tf-id-hint" value={tpl.id} onInput={(e) => setTpl({ ...tpl, id: e.currentTarget.value })} />
          <p id="tf-id-hint" class="hint">{t('admin.templates.idHint')}</p>
          {err('path.id')}
        </div>
        <div class="field">
          <label for="tf-cat">{t('admin.rules.col.category')}</label>
          <select id="tf-cat" value={tpl.category} onChange={(e) => setTpl({ ...tpl, category: e.currentTarget.value })}>
            <option value={ANY_CATEGORY}>{t('admin.rules.anyCategory')}</option>
            {categories.value.map((c) => <option key={c.code} value={c.code}>{localName(c.name)}</option>)}
          </select>
          {err('body.category')}
        </div>
        <div class="field">
          <label for="tf-kind">{t('admin.templates.kind')}</label>
          <select id="tf-kind" value={tpl.kind} onChange={(e) => setTpl({ ...tpl, kind: e.currentTarget.value as Template['kind'] })}>
            {kinds.map((k) => <option key={k} value={k}>{kindText(k)}</option>)}
          </select>
        </div>
        {tpl.kind === 'reject' && (
          <div class="field">
            <label for="tf-reason">{t('form.reasonCode')}</label>
            <select id="tf-reason" value={tpl.reasonCode ?? ''} onChange={(e) => setTpl({ ...tpl, reasonCode: (e.currentTarget.value || undefined) as Template['reasonCode'] })}>
              <option value="">{t('admin.templates.anyReason')}</option>
              {rejectReasons.map((r) => <option key={r} value={r}>{t(`reject.${r}` as MessageKey)}</option>)}
            </select>
          </div>
        )}
      </div>
      <div class="row">{text('title', 'vi')}{text('title', 'en')}</div>
      <div class="row">{text('body', 'vi')}{text('body', 'en')}</div>
      <button type="submit" class="primary">{t('form.save')}</button>{' '}
      <button type="button" onClick={props.onCancel}>{t('admin.rules.cancel')}</button>
    </form>
  );
}
