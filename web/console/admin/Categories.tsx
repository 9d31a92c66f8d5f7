/** Categories: names in both languages, deadlines per severity in working hours, evidence rule, active. */
import { useState } from 'preact/hooks';
import { api, problemText } from '../../shared/api/client';
import { localName } from '../../shared/i18n/index';
import { t } from '../messages';
import { categories, loadReference, type Category } from '../lib/reference';
import { severityText } from '../lib/labels';

export function Categories() {
  const [editing, setEditing] = useState<Category | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();

  const save = async (c: Category) => {
    setError(undefined);
    const { code, ...body } = c;
    const { error: e } = await api.PUT('/v1/categories/{code}', { params: { path: { code } }, body });
    if (e) return setError(problemText(e));
    setMessage(t('admin.categories.saved', { code }));
    setEditing(undefined);
    await loadReference(true);
  };

  return (
    <section aria-labelledby="cat-h">
      <h1 id="cat-h">{t('admin.categories.title')}</h1>
      {message && <p role="status" class="ok">{message}</p>}
      {error && <p role="alert" class="error">{error}</p>}
      {editing && <CategoryForm category={editing} onSave={(c) => void save(c)} onCancel={() => setEditing(undefined)} />}
      <div class="scroll">
        <table class="responsive">
          <thead>
            <tr>
              <th scope="col">{t('admin.categories.code')}</th>
              <th scope="col">{t('queue.category')}</th>
              <th scope="col" class="num">{t('admin.categories.ack')}</th>
              <th scope="col" class="num">{t('admin.categories.urgent')}</th>
              <th scope="col" class="num">{t('admin.categories.complex')}</th>
              <th scope="col" class="num">{t('admin.categories.normal')}</th>
              <th scope="col">{t('admin.categories.evidence')}</th>
              <th scope="col">{t('admin.categories.active')}</th>
              <th scope="col">{t('admin.rules.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {categories.value.map((c) => (
              <tr key={c.code}>
                <td data-label={t('admin.categories.code')}><code>{c.code}</code></td>
                <td data-label={t('queue.category')}>{localName(c.name)}</td>
                <td data-label={t('admin.categories.ack')} class="num">{c.policy.acknowledgeHours}</td>
                <td data-label={t('admin.categories.urgent')} class="num">{c.policy.answerHours.urgent}</td>
                <td data-label={t('admin.categories.complex')} class="num">{c.policy.answerHours.complex}</td>
                <td data-label={t('admin.categories.normal')} class="num">{c.policy.answerHours.normal}</td>
                <td data-label={t('admin.categories.evidence')}>{c.evidenceRequired ? t('yes') : t('no')}</td>
                <td data-label={t('admin.categories.active')}>{c.active ? t('yes') : t('no')}</td>
                <td data-label={t('admin.rules.col.actions')}><button type="button" aria-label={`${t('admin.rules.edit')} ${localName(c.name)}`} onClick={() => setEditing(c)}>{t('admin.rules.edit')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function CategoryForm(props: { category: Category; onSave: (c: Category) => void; onCancel: () => void }) {
  const [c, setC] = useState(props.category);
  const hours = (value: number, set: (n: number) => void, id: string, label: string) => (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} type="number" min={1} max={2000} required value={value} onInput={(e) => set(Number(e.currentTarget.value))} />
    </div>
  );
  return (
    <form class="card" aria-labelledby="cf-h" onSubmit={(e) => { e.preventDefault(); props.onSave(c); }}>
      <h2 id="cf-h">{t('admin.rules.edit')} · {c.code}</h2>
      <div class="row">
        <div class="field">
          <label for="cf-vi">{t('admin.categories.nameVi')}</label>
          <input id="cf-vi" required lang="vi" value={c.name.vi} onInput={(e) => setC({ ...c, name: { ...c.name, vi: e.currentTarget.value } })} />
        </div>
        <div class="field">
          <label for="cf-en">{t('admin.categories.nameEn')}</label>
          <input id="cf-en" required lang="en" value={c.name.en} onInput={(e) => setC({ ...c, name: { ...c.name, en: e.currentTarget.value } })} />
        </div>
      </div>
      <div class="row">
        {hours(c.policy.acknowledgeHours, (n) => setC({ ...c, policy: { ...c.policy, acknowledgeHours: n } }), 'cf-ack', t('admin.categories.ack'))}
        {(['urgent', 'complex', 'normal'] as const).map((sev) =>
          hours(c.policy.answerHours[sev], (n) => setC({ ...c, policy: { ...c.policy, answerHours: { ...c.policy.answerHours, [sev]: n } } }), `cf-${sev}`, t(`admin.categories.${sev}`)),
        )}
      </div>
      <div class="row">
        <div class="field">
          <label for="cf-default">{t('admin.categories.default')}</label>
          <select id="cf-default" value={c.defaultSeverity} onChange={(e) => setC({ ...c, defaultSeverity: e.currentTarget.value as Category['defaultSeverity'] })}>
            {(['urgent', 'complex', 'normal'] as const).map((s) => <option key={s} value={s}>{severityText(s)}</option>)}
          </select>
        </div>
        <label class="inline"><input type="checkbox" checked={c.evidenceRequired} onChange={(e) => setC({ ...c, evidenceRequired: e.currentTarget.checked })} /> {t('admin.categories.evidence')}</label>
        <label class="inline"><input type="checkbox" checked={c.active} onChange={(e) => setC({ ...c, active: e.currentTarget.checked })} /> {t('admin.categories.active')}</label>
      </div>
      <button type="submit" class="primary">{t('form.save')}</button>{' '}
      <button type="button" onClick={props.onCancel}>{t('admin.rules.cancel')}</button>
    </form>
  );
}
