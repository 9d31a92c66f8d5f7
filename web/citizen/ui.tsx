/** Small pieces several citizen screens share: status chips, the outbox panel, the area picker, loading states. */
import { useEffect, useState } from 'preact/hooks';
import { session } from '../shared/auth/session';
import { tc } from '../shared/i18n/common';
import { fmt } from '../shared/i18n/index';
import { problemText, type Schemas } from '../shared/api/client';
import { discard, outbox, send } from './lib/outbox';
import { areaChildren, type Area } from './lib/reference';
import { Offline } from './lib/store';
import { t } from './messages';

export type Status = Schemas['Ticket']['status'];

export function StatusChip({ status }: { status: Status }) {
  return <span class={`chip status-${status}`}>{t(`status.${status}`)}</span>;
}

export function NeedSignIn() {
  return (
    <section class="card">
      <p>{t('needSignIn')}</p>
      <p><a class="button primary" href="/signin">{tc('signin.title')}</a></p>
    </section>
  );
}

/** A load that may come from the phone's copy: shows loading, the error, or "offline, kept copy". */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { value?: T; error?: string; reload: () => void } {
  const [state, setState] = useState<{ value?: T; error?: string }>({});
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (value) => live && setState({ value }),
      (e: unknown) => live && setState({ error: e instanceof Offline ? t('offlineNoData') : problemText(e) }),
    );
    return () => void (live = false);
  }, [...deps, tick]);
  return { ...state, reload: () => setTick((n) => n + 1) };
}

export function Loading({ error }: { error?: string | undefined }) {
  return error ? <p role="alert" class="error">{error}</p> : <p aria-live="polite">{tc('loading')}</p>;
}

/** What is waiting on the phone to be sent; nothing when the outbox is empty. */
export function OutboxPanel() {
  const entries = outbox.value;
  if (!entries.length) return null;
  return (
    <section class="card outbox" aria-labelledby="outbox-title">
      <h2 id="outbox-title">{t('outbox.title')} ({entries.length})</h2>
      <p class="hint">{t('outbox.intro')}</p>
      <ul>
        {entries.map((e) => (
          <li key={e.key} data-outbox={e.key}>
            <strong>{e.body.title ?? e.body.description.slice(0, 60)}</strong>
            <span class="hint"> · {fmt.dateTime(e.createdAt)}{e.photos.length ? ` · ${t('outbox.photos', { n: e.photos.length })}` : ''}</span>
            <div class="outbox-state">
              {e.state === 'failed' ? <span class="error">{t('outbox.failed', { reason: e.error ?? '' })}</span> : e.state === 'sending' ? t('outbox.sending') : t('outbox.waiting')}
            </div>
            <div class="row">
              {e.state !== 'failed' && session.value && <button type="button" onClick={() => void send(e.key)}>{t('outbox.sendNow')}</button>}
              <button type="button" class="danger" onClick={() => void discard(e.key)}>{t('outbox.discard')}</button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Area by area down to a ward (province → district → ward, or province → ward: the depth is the
 * data's). `chain` holds the codes chosen so far; a single choice at a level is taken for the user.
 */
export function AreaPicker(props: { id: string; chain: string[]; onChain: (chain: string[], ward: Area | undefined) => void; error?: string | undefined }) {
  const [levels, setLevels] = useState<Area[][]>([]);
  const [error, setError] = useState<string | undefined>();
  const key = props.chain.join('/');
  useEffect(() => {
    let live = true;
    (async () => {
      const lists: Area[][] = [];
      const chain: string[] = [];
      let parent: string | undefined;
      let ward: Area | undefined;
      for (let depth = 0; depth < 6; depth++) {
        const items = await areaChildren(parent);
        lists.push(items);
        const code = props.chain[depth] ?? (items.length === 1 ? items[0]!.code : undefined);
        const area = items.find((a) => a.code === code);
        if (!area) break;
        chain.push(area.code);
        if (area.level === 'ward') {
          ward = area;
          break;
        }
        parent = area.code;
      }
      if (!live) return;
      setLevels(lists);
      setError(undefined);
      if (chain.join('/') !== key) props.onChain(chain, ward);
    })().catch((e: unknown) => live && setError(e instanceof Offline ? t('offlineNoData') : problemText(e)));
    return () => void (live = false);
  }, [key]);
  if (error) return <p role="alert" class="error">{error}</p>;
  if (!levels.length) return <Loading />;
  return (
    <div class="area-picker">
      {levels.map((items, depth) => {
        const level = items[0]?.level ?? 'ward';
        const id = `${props.id}-${depth}`;
        const isLast = depth === levels.length - 1;
        return (
          <div class="field" key={depth}>
            <label for={id}>{t(`report.level.${level}`)}</label>
            <select
              id={id}
              data-level={level}
              value={props.chain[depth] ?? ''}
              aria-invalid={isLast && props.error ? true : undefined}
              aria-describedby={isLast && props.error ? `${props.id}-error` : undefined}
              onChange={(e) => {
                const code = (e.target as HTMLSelectElement).value;
                const area = items.find((a) => a.code === code);
                props.onChain(code ? [...props.chain.slice(0, depth), code] : props.chain.slice(0, depth), area?.level === 'ward' ? area : undefined);
              }}
            >
              <option value="">{t('report.choose')}</option>
              {items.map((a) => <option key={a.code} value={a.code}>{a.nameWithType}</option>)}
            </select>
          </div>
        );
      })}
      {props.error && <p id={`${props.id}-error`} class="error">{props.error}</p>}
    </div>
  );
}
