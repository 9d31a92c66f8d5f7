/**
 * Routing rules: filter by category and area, edit, delete, and "where would this go?" — the
 * API's own preview, so what it shows is what intake will do.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, problemText, type Schemas } from '../../shared/api/client';
import { allPages } from '../../shared/api/pages';
import { localName } from '../../shared/i18n/index';
import { ANY_CATEGORY } from '../../../shared/domain/category.js';
import { t } from '../messages';
import { categories, categoryName, departmentName, departments } from '../lib/reference';

type Rule = Schemas['RoutingRule'];
type Decision = Schemas['RoutingDecision'];

const allRules = (filter: { category: string; areaCode: string }) =>
  allPages((cursor) =>
    api.GET('/v1/routing-rules', {
      params: { query: { limit: 100, ...(filter.category ? { category: filter.category } : {}), ...(filter.areaCode ? { areaCode: filter.areaCode } : {}), ...(cursor ? { cursor } : {}) } },
    }),
  );

export function Rules() {
  const [filter, setFilter] = useState({ category: '', areaCode: '' });
  const [rules, setRules] = useState<Rule[] | undefined>();
  const [editing, setEditing] = useState<Rule | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [previewKey, setPreviewKey] = useState(0);

  const load = () => allRules(filter).then(setRules).catch((e: unknown) => setError(problemText(e)));
  useEffect(() => void load(), [filter.category, filter.areaCode]);

  const save = async (rule: Rule) => {
    setError(undefined);
    const { id, ...body } = rule;
    const { error: e } = await api.PUT('/v1/routing-rules/{id}', { params: { path: { id } }, body });
    if (e) return setError(problemText(e));
    setEditing(undefined);
    setMessage(t('admin.rules.saved', { id }));
    setPreviewKey((k) => k + 1);
    await load();
  };

  const remove = async (rule: Rule) => {
    if (!confirm(t('admin.rules.confirmDelete', { id: rule.id }))) return;
    const { error: e } = await api.DELETE('/v1/routing-rules/{id}', { params: { path: { id: rule.id } } });
    if (e) return setError(problemText(e));
    setMessage(t('admin.rules.deleted', { id: rule.id }));
    setPreviewKey((k) => k + 1);
    await load();
  };

  return (
    <section aria-labelledby="rules-h">
      <h1 id="rules-h">{t('admin.rules.title')}</h1>
      <p>{t('admin.rules.intro')}</p>
      <Preview refreshKey={previewKey} />
      <form class="filters card" onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="r-cat">{t('admin.rules.filterCategory')}</label>
          <select id="r-cat" value={filter.category} onChange={(e) => setFilter({ ...filter, category: e.currentTarget.value })}>
            <option value="">{t('queue.all')}</option>
            <option value={ANY_CATEGORY}>{t('admin.rules.anyCategory')}</option>
            {categories.value.map((c) => <option key={c.code} value={c.code}>{localName(c.name)}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="r-area">{t('admin.rules.filterArea')}</label>
          <input id="r-area" inputMode="numeric" value={filter.areaCode} onChange={(e) => setFilter({ ...filter, areaCode: e.currentTarget.value.trim() })} />
        </div>
        <button type="button" onClick={() => setEditing({ id: '', category: categories.value[0]?.code ?? ANY_CATEGORY, areaCode: '', departmentId: '' })}>{t('admin.rules.new')}</button>
      </form>
      {message && <p role="status" class="ok">{message}</p>}
      {error && <p role="alert" class="error">{error}</p>}
      {editing && <RuleForm rule={editing} onSave={(r) => void save(r)} onCancel={() => setEditing(undefined)} />}
      {rules && (
        <div class="scroll">
          <table class="responsive">
            <thead>
              <tr>
                <th scope="col">{t('admin.rules.id')}</th>
                <th scope="col">{t('admin.rules.col.category')}</th>
                <th scope="col">{t('admin.rules.col.area')}</th>
                <th scope="col">{t('admin.rules.col.department')}</th>
                <th scope="col">{t('admin.rules.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rules.map((r) => (
                <tr key={r.id} data-rule={r.id}>
                  <td data-label={t('admin.rules.id')}><code>{r.id}</code></td>
                  <td data-label={t('admin.rules.col.category')}>{r.category === ANY_CATEGORY ? t('admin.rules.anyCategory') : categoryName(r.category)}</td>
                  <td data-label={t('admin.rules.col.area')}>{r.areaCode}</td>
                  <td data-label={t('admin.rules.col.department')}>{departmentName(r.departmentId)}</td>
                  <td data-label={t('admin.rules.col.actions')} class="row-actions">
                    <button type="button" aria-label={`${t('admin.rules.edit')} ${r.id}`} onClick={() => setEditing(r)}>{t('admin.rules.edit')}</button>
                    <button type="button" class="danger" aria-label={`${t('admin.rules.delete')} ${r.id}`} onClick={() => void remove(r)}>{t('admin.rules.delete')}</button>
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

function RuleForm(props: { rule: Rule; onSave: (r: Rule) => void; onCancel: () => void }) {
  const [rule, setRule] = useState(props.rule);
  const [search, setSearch] = useState('');
  useEffect(() => setRule(props.rule), [props.rule]);
  const q = search.trim().toLowerCase();
  const options = departments.value.filter((d) => d.id === rule.departmentId || !q || d.id.includes(q) || d.name.vi.toLowerCase().includes(q) || d.name.en.toLowerCase().includes(q)).slice(0, 60);
  const isNew = props.rule.id === '';
  return (
    <form class="card rule-form" aria-labelledby="rule-form-h" onSubmit={(e) => { e.preventDefault(); props.onSave(rule); }}>
      <h2 id="rule-form-h">{isNew ? t('admin.rules.new') : t('admin.rules.editing', { id: rule.id })}</h2>
      {isNew && (
        <div class="field">
          <label for="rf-id">{t('admin.rules.id')}</label>
          <input id="rf-id" required pattern="[a-z0-9][a-z0-9-]{0,63}" value={rule.id} onInput={(e) => setRule({ ...rule, id: e.currentTarget.value })} />
        </div>
      )}
      <div class="field">
        <label for="rf-cat">{t('admin.rules.col.category')}</label>
        <select id="rf-cat" value={rule.category} onChange={(e) => setRule({ ...rule, category: e.currentTarget.value })}>
          <option value={ANY_CATEGORY}>{t('admin.rules.anyCategory')}</option>
          {categories.value.map((c) => <option key={c.code} value={c.code}>{localName(c.name)}</option>)}
        </select>
      </div>
      <div class="field">
        <label for="rf-area">{t('admin.rules.area')}</label>
        <input id="rf-area" required inputMode="numeric" value={rule.areaCode} onInput={(e) => setRule({ ...rule, areaCode: e.currentTarget.value.trim() })} />
      </div>
      <div class="field">
        <label for="rf-dept-search">{t('form.departmentSearch')}</label>
        <input id="rf-dept-search" type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="rf-dept">{t('admin.rules.col.department')}</label>
        <select id="rf-dept" size={6} required value={rule.departmentId} onChange={(e) => setRule({ ...rule, departmentId: e.currentTarget.value })}>
          {options.map((d) => <option key={d.id} value={d.id}>{localName(d.name)}</option>)}
        </select>
      </div>
      <button type="submit" class="primary">{t('form.save')}</button>{' '}
      <button type="button" onClick={props.onCancel}>{t('admin.rules.cancel')}</button>
    </form>
  );
}

function Preview({ refreshKey }: { refreshKey: number }) {
  const [category, setCategory] = useState('');
  const [ward, setWard] = useState('');
  const [decision, setDecision] = useState<Decision | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [asked, setAsked] = useState(false);

  const ask = async () => {
    setError(undefined);
    const { data, error: e } = await api.POST('/v1/routing/preview', { body: { category: category || categories.value[0]!.code, wardCode: ward } });
    if (e) {
      setDecision(undefined);
      return setError(problemText(e));
    }
    setDecision(data);
    setAsked(true);
  };
  // After a rule changes, the answer shown is asked again, so it never goes stale.
  useEffect(() => void (asked && ask()), [refreshKey]);

  return (
    <form class="card preview" aria-labelledby="preview-h" onSubmit={(e) => { e.preventDefault(); void ask(); }}>
      <h2 id="preview-h">{t('admin.preview.title')}</h2>
      <div class="row">
        <div class="field">
          <label for="p-cat">{t('queue.category')}</label>
          <select id="p-cat" value={category} onChange={(e) => setCategory(e.currentTarget.value)}>
            {categories.value.map((c) => <option key={c.code} value={c.code}>{localName(c.name)}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="p-ward">{t('admin.preview.ward')}</label>
          <input id="p-ward" required inputMode="numeric" pattern="\d{5}" value={ward} onInput={(e) => setWard(e.currentTarget.value.trim())} />
        </div>
        <button type="submit" class="primary">{t('admin.preview.go')}</button>
      </div>
      <p aria-live="polite" class="preview-result" data-department={decision?.departmentId ?? ''}>
        {decision && (
          <>
            <strong>{t('admin.preview.result', { dept: departmentName(decision.departmentId) })}</strong>{' '}
            ({decision.ruleId ? t('admin.preview.byRule', { rule: decision.ruleId }) : t('admin.preview.fallback')})
          </>
        )}
      </p>
      {error && <p role="alert" class="error">{error}</p>}
    </form>
  );
}
