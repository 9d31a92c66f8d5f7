/** Departments: find, rename (vi/en), set the parent an escalation goes to, deactivate. */
import { useState } from 'preact/hooks';
import { api, problemText } from '../../shared/api/client';
import { localName } from '../../shared/i18n/index';
import { t, type MessageKey } from '../messages';
import { departmentName, departments, loadReference, type Department } from '../lib/reference';

const PAGE = 50;

export function Departments() {
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Department | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const q = search.trim().toLowerCase();
  const matching = departments.value.filter((d) => !q || d.id.includes(q) || d.name.vi.toLowerCase().includes(q) || d.name.en.toLowerCase().includes(q));

  const save = async (d: Department) => {
    setError(undefined);
    const { id, ...body } = d;
    const { error: e } = await api.PUT('/v1/departments/{id}', { params: { path: { id } }, body });
    if (e) return setError(problemText(e));
    setMessage(t('admin.departments.saved', { id }));
    setEditing(undefined);
    await loadReference(true);
  };

  return (
    <section aria-labelledby="dep-h">
      <h1 id="dep-h">{t('admin.departments.title')}</h1>
      <div class="field">
        <label for="dep-search">{t('admin.departments.search')}</label>
        <input id="dep-search" type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
      </div>
      <p class="hint" aria-live="polite">{t('admin.departments.shown', { n: Math.min(PAGE, matching.length), total: matching.length })}</p>
      {message && <p role="status" class="ok">{message}</p>}
      {error && <p role="alert" class="error">{error}</p>}
      {editing && <DepartmentForm department={editing} onSave={(d) => void save(d)} onCancel={() => setEditing(undefined)} />}
      <div class="scroll">
        <table class="responsive">
          <thead>
            <tr>
              <th scope="col">{t('admin.departments.id')}</th>
              <th scope="col">{t('admin.departments.title')}</th>
              <th scope="col">{t('admin.departments.kind')}</th>
              <th scope="col">{t('admin.departments.parent')}</th>
              <th scope="col">{t('admin.departments.active')}</th>
              <th scope="col">{t('admin.rules.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {matching.slice(0, PAGE).map((d) => (
              <tr key={d.id}>
                <td data-label={t('admin.departments.id')}><code>{d.id}</code></td>
                <td data-label={t('admin.departments.title')}>{localName(d.name)}</td>
                <td data-label={t('admin.departments.kind')}>{t(`kind.${d.kind}` as MessageKey)}</td>
                <td data-label={t('admin.departments.parent')}>{d.parentId ? departmentName(d.parentId) : '—'}</td>
                <td data-label={t('admin.departments.active')}>{d.active ? t('yes') : t('no')}</td>
                <td data-label={t('admin.rules.col.actions')}><button type="button" aria-label={`${t('admin.rules.edit')} ${d.id}`} onClick={() => setEditing(d)}>{t('admin.rules.edit')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function DepartmentForm(props: { department: Department; onSave: (d: Department) => void; onCancel: () => void }) {
  const [d, setD] = useState(props.department);
  return (
    <form class="card" aria-labelledby="df-h" onSubmit={(e) => { e.preventDefault(); props.onSave(d); }}>
      <h2 id="df-h">{t('admin.rules.edit')} · {d.id}</h2>
      <div class="row">
        <div class="field">
          <label for="df-vi">{t('admin.categories.nameVi')}</label>
          <input id="df-vi" required lang="vi" value={d.name.vi} onInput={(e) => setD({ ...d, name: { ...d.name, vi: e.currentTarget.value } })} />
        </div>
        <div class="field">
          <label for="df-en">{t('admin.categories.nameEn')}</label>
          <input id="df-en" required lang="en" value={d.name.en} onInput={(e) => setD({ ...d, name: { ...d.name, en: e.currentTarget.value } })} />
        </div>
      </div>
      <div class="row">
        <div class="field">
          <label for="df-parent">{t('admin.departments.parent')}</label>
          <select id="df-parent" value={d.parentId ?? ''} onChange={(e) => setD({ ...d, parentId: e.currentTarget.value || undefined })}>
            <option value="">—</option>
            {departments.value.filter((x) => x.kind !== 'ward' && x.id !== d.id).map((x) => <option key={x.id} value={x.id}>{localName(x.name)}</option>)}
          </select>
        </div>
        <label class="inline"><input type="checkbox" checked={d.active} onChange={(e) => setD({ ...d, active: e.currentTarget.checked })} /> {t('admin.departments.active')}</label>
      </div>
      <button type="submit" class="primary">{t('form.save')}</button>{' '}
      <button type="button" onClick={props.onCancel}>{t('admin.rules.cancel')}</button>
    </form>
  );
}
