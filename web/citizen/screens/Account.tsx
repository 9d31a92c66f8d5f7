/**
 * My data: download everything stored about me (GET /v1/me/export, one JSON file), and delete my
 * account (DELETE /v1/me → 202, then GET /v1/me/erasure/{id} until done) behind a confirmation
 * that says what goes and what stays. The pending erasure's id is kept on the phone, so a reload
 * goes on waiting for it; once done the phone forgets the caller's data and signs out.
 */
import { signal } from '@preact/signals';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, problemText, type Schemas } from '../../shared/api/client';
import { saveBlob } from '../../shared/api/download';
import { session, signOut } from '../../shared/auth/session';
import { fmt } from '../../shared/i18n/index';
import { outboxStore } from '../lib/idb';
import { loadOutbox } from '../lib/outbox';
import { forget, forgetPersonal, recall, remember } from '../lib/store';
import { t } from '../messages';
import { NeedSignIn } from '../ui';
import { forgetDraft } from './Report';

type Erasure = Pick<Schemas['Erasure'], 'erasureId' | 'status' | 'finishedAt'>;

const ERASURE_KEY = 'erasure';
const erasure = signal<Erasure | undefined>(recall<Erasure>(ERASURE_KEY));

export function Account() {
  const e = erasure.value;
  if (e) return <ErasureStatus erasure={e} />;
  if (!session.value) return <NeedSignIn />;
  return (
    <>
      <h1>{t('account.title')}</h1>
      <ExportData />
      <DeleteAccount />
    </>
  );
}

function ExportData() {
  const [state, setState] = useState<{ busy?: boolean; done?: string; error?: string }>({});
  const download = async () => {
    setState({ busy: true });
    const { data, error } = await api.GET('/v1/me/export').catch((e: unknown) => ({ data: undefined, error: e }));
    if (!data) return setState({ error: problemText(error) });
    saveBlob(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), `civic-feedback-my-data-${data.exportedAt.slice(0, 10)}.json`);
    setState({ done: t('account.exported', { tickets: data.tickets.length, notifications: data.notifications.length }) });
  };
  return (
    <section class="card" aria-labelledby="export-title">
      <h2 id="export-title">{t('account.exportTitle')}</h2>
      <p>{t('account.exportIntro')}</p>
      <button type="button" class="primary" disabled={state.busy} onClick={() => void download()}>{state.busy ? t('account.preparing') : t('account.export')}</button>
      <p role="status" class="ok">{state.done ?? ''}</p>
      {state.error && <p role="alert" class="error">{state.error}</p>}
    </section>
  );
}

function DeleteAccount() {
  const [asking, setAsking] = useState(false);
  const [sure, setSure] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const confirmRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => void (asking && confirmRef.current?.focus()), [asking]);
  const erase = async () => {
    if (!sure) return setError(t('account.confirmRequired'));
    setBusy(true);
    setError(undefined);
    const { data, error: problem } = await api.DELETE('/v1/me').catch((e: unknown) => ({ data: undefined, error: e }));
    setBusy(false);
    if (!data) return setError(problemText(problem));
    // Reports still waiting on the phone would bring the data back: they go with the account.
    for (const entry of await outboxStore.all<{ key: string }>()) await outboxStore.delete(entry.key);
    await loadOutbox();
    const pending: Erasure = { erasureId: data.erasureId, status: data.status, ...(data.finishedAt ? { finishedAt: data.finishedAt } : {}) };
    remember(ERASURE_KEY, pending);
    erasure.value = pending;
  };
  return (
    <section class="card danger-zone" aria-labelledby="delete-title">
      <h2 id="delete-title">{t('account.deleteTitle')}</h2>
      <p>{t('account.deleteIntro')}</p>
      <ul>
        <li>{t('account.deleteGoes')}</li>
        <li>{t('account.deleteStays')}</li>
        <li>{t('account.deleteFinal')}</li>
      </ul>
      {!asking ? (
        <button type="button" class="danger" onClick={() => setAsking(true)}>{t('account.delete')}</button>
      ) : (
        <div class="confirm" role="group" aria-labelledby="confirm-title">
          <h3 id="confirm-title" ref={confirmRef} tabIndex={-1}>{t('account.confirmTitle')}</h3>
          <label class="check">
            <input type="checkbox" name="confirm-erasure" checked={sure} aria-invalid={error && !sure ? true : undefined} onChange={(e) => { setSure((e.target as HTMLInputElement).checked); setError(undefined); }} />
            <span>{t('account.confirmLabel')}</span>
          </label>
          {error && <p role="alert" class="error">{error}</p>}
          <div class="row">
            <button type="button" class="danger primary" disabled={busy} onClick={() => void erase()}>{busy ? t('account.deleting') : t('account.confirmDelete')}</button>
            <button type="button" onClick={() => { setAsking(false); setSure(false); setError(undefined); }}>{t('account.cancel')}</button>
          </div>
        </div>
      )}
    </section>
  );
}

const POLL_MS = 2_000;

function ErasureStatus({ erasure: e }: { erasure: Erasure }) {
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    if (e.status === 'done' || !session.value) return;
    let live = true;
    const poll = async () => {
      const { data, error: problem } = await api.GET('/v1/me/erasure/{id}', { params: { path: { id: e.erasureId } } }).catch((x: unknown) => ({ data: undefined, error: x }));
      if (!live) return;
      if (!data) setError(problemText(problem));
      else if (data.status === 'done') {
        forget(ERASURE_KEY);
        forgetDraft();
        forgetPersonal();
        signOut();
        erasure.value = { erasureId: data.erasureId, status: 'done', ...(data.finishedAt ? { finishedAt: data.finishedAt } : {}) };
        return;
      }
      timer = setTimeout(() => void poll(), POLL_MS);
    };
    let timer = setTimeout(() => void poll(), 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [e.erasureId, e.status]);
  const done = e.status === 'done';
  return (
    <section class="card erasure" aria-labelledby="erasure-title" data-erasure={e.status}>
      <h1 id="erasure-title">{done ? t('account.erasedTitle') : t('account.erasingTitle')}</h1>
      <p role="status">{done ? t('account.erased', { when: e.finishedAt ? fmt.dateTime(e.finishedAt) : '' }) : session.value ? t('account.erasing') : t('account.erasingSignedOut')}</p>
      {error && <p role="alert" class="error">{error}</p>}
      {done && <p><a href="/" onClick={() => (erasure.value = undefined)}>{t('nav.home')}</a></p>}
    </section>
  );
}
