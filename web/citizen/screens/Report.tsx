/**
 * The report flow, one step per screen so a thumb can do it: category → place (ward picker,
 * "use my location", "already reported?") → what happened → photos → public or private →
 * review (privacy notice) → send. The draft lives in a module signal, so leaving the screen and
 * coming back keeps it, and on the phone (text and step in localStorage, photos in IndexedDB), so
 * a reload or a killed tab keeps it too; its Idempotency-Key is made with the draft and goes with it to the outbox.
 */
import { effect, signal } from '@preact/signals';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, problemText, type Schemas } from '../../shared/api/client';
import { fmt, lang, localName } from '../../shared/i18n/index';
import { draftPhotoStore } from '../lib/idb';
import { delivered, discard, enqueue, outbox, type Ticket } from '../lib/outbox';
import { shrinkPhoto } from '../../shared/api/photo-upload';
import { categories, departments, privacyNotice, type Area, type Category, type PrivacyNotice } from '../lib/reference';
import { forget, recall, remember } from '../lib/store';
import { visibleLength } from '../lib/text';
import { byWhen } from '../lib/words';
import { CategoryIcon } from '../icons';
import { rememberFollow } from '../lib/follows';
import { t } from '../messages';
import { AreaPicker, Loading, useLoad } from '../ui';

interface Photo {
  blob: Blob;
  url: string;
}

interface Draft {
  key: string;
  category?: string;
  chain: string[];
  ward?: Area;
  lat?: number;
  lng?: number;
  address: string;
  description: string;
  title: string;
  urgent: boolean;
  photos: Photo[];
  visibility: 'public' | 'private';
  accepted: boolean;
}

/** A 4 MB camera photo leaves the phone as at most 600 kB: data plans are small, 1600 px shows a pothole. */
const MAX_PHOTOS = 5;
const PHOTO_BUDGET = { maxEdge: 1600, maxBytes: 600 * 1024 };

const newDraft = (): Draft => ({ key: crypto.randomUUID(), chain: [], address: '', description: '', title: '', urgent: false, photos: [], visibility: 'public', accepted: false });

const steps = ['category', 'place', 'what', 'photos', 'visibility', 'review'] as const;
type Step = (typeof steps)[number];
const CONSENT_KEY = 'consent';
/** Under `me.`: signing out forgets it with the rest of the caller's data. */
const DRAFT_KEY = 'me.draft';
type SavedDraft = Omit<Draft, 'photos'> & { step: number };

/** The draft kept on the phone, back at the first step it still has to pass. */
function restoreDraft(): { draft: Draft; step: number } {
  const saved = recall<SavedDraft>(DRAFT_KEY);
  if (!saved?.key) return { draft: newDraft(), step: 0 };
  const { step: at, ...rest } = saved;
  const restored: Draft = { ...newDraft(), ...rest, photos: [] };
  let n = 0;
  while (n < Math.min(at, steps.length - 1) && !stepError(steps[n]!, restored)) n++;
  return { draft: restored, step: n };
}

const restored = restoreDraft();
const draft = signal<Draft>(restored.draft);
const step = signal(restored.step);
/** After send: the ticket, or the key of a report kept in the outbox. */
const outcome = signal<{ ticket: Ticket } | { queued: string } | undefined>(undefined);

effect(() => {
  if (outcome.value) return forget(DRAFT_KEY);
  const { photos: _photos, ...text } = draft.value;
  remember(DRAFT_KEY, { ...text, step: step.value } satisfies SavedDraft);
});

/** The draft's photos, in IndexedDB beside the text in localStorage; written when the list changes. */
const PHOTOS_KEY = 'current';
interface SavedPhotos {
  key: typeof PHOTOS_KEY;
  draftKey: string;
  blobs: Blob[];
}
// The list last written: the draft starts with this very array, so the first run writes nothing
// (and cannot delete what the restore below is about to read).
let savedPhotos: Photo[] = draft.value.photos;

effect(() => {
  const d = draft.value;
  const sent = !!outcome.value;
  if (d.photos === savedPhotos && !sent) return;
  savedPhotos = d.photos;
  const write = sent || !d.photos.length ? draftPhotoStore.delete(PHOTOS_KEY) : draftPhotoStore.put({ key: PHOTOS_KEY, draftKey: d.key, blobs: d.photos.map((p) => p.blob) } satisfies SavedPhotos);
  write.catch(() => undefined); // no IndexedDB (private mode): the text is still kept
});

if (typeof indexedDB !== 'undefined') {
  draftPhotoStore.get<SavedPhotos>(PHOTOS_KEY).then(
    (saved) => {
      if (!saved || saved.draftKey !== draft.value.key || draft.value.photos.length) return;
      const photos = saved.blobs.map((blob) => ({ blob, url: URL.createObjectURL(blob) }));
      savedPhotos = photos;
      draft.value = { ...draft.value, photos };
    },
    () => undefined,
  );
}

/** On sign-out and erasure: the next person on this phone starts from nothing. */
export function forgetDraft() {
  resetDraft();
  forget(DRAFT_KEY);
}

function resetDraft() {
  for (const p of draft.value.photos) URL.revokeObjectURL(p.url);
  draft.value = newDraft();
  step.value = 0;
  outcome.value = undefined;
}

const update = (patch: Partial<Draft>) => (draft.value = { ...draft.value, ...patch });

/** The first problem of a step, or undefined when it may be left. */
function stepError(s: Step, d: Draft): string | undefined {
  if (s === 'category' && !d.category) return t('report.categoryRequired');
  if (s === 'place' && !d.ward) return t('report.wardRequired');
  if (s === 'what') {
    const n = visibleLength(d.description);
    if (n < 10) return t('report.descriptionShort', { n });
    if (n > 4000) return t('report.descriptionLong');
  }
  return undefined;
}

export function Report() {
  const cats = useLoad(categories, []);
  const notice = useLoad(privacyNotice, []);
  const [error, setError] = useState<string | undefined>();
  const heading = useRef<HTMLHeadingElement>(null);
  const current = steps[step.value]!;

  useEffect(() => heading.current?.focus(), [step.value, outcome.value]);
  // Leaving the reply screen starts a fresh draft next time.
  useEffect(() => () => void (outcome.value && resetDraft()), []);

  // A report kept offline that the outbox delivers while this screen is open: show its reply.
  const result = outcome.value;
  const late = result && 'queued' in result ? delivered.value[result.queued] : undefined;
  if (late) outcome.value = { ticket: late };

  if (result) return <Outcome heading={heading} />;

  const next = () => {
    const problem = stepError(current, draft.value);
    setError(problem);
    if (!problem) step.value++;
  };
  const back = () => {
    setError(undefined);
    step.value--;
  };
  const name = (s: Step) => t(`step.${s}`);

  return (
    <section class="card report" aria-labelledby="report-step">
      <p class="hint">{t('report.title')}</p>
      <h1 id="report-step" ref={heading} tabIndex={-1}>{t('step.progress', { n: step.value + 1, total: steps.length, name: name(current) })}</h1>
      <ol class="steps" aria-hidden="true">
        {steps.map((s, i) => <li key={s} class={i === step.value ? 'now' : i < step.value ? 'done' : ''} />)}
      </ol>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (current !== 'review') next();
        }}
      >
        {current === 'category' && (cats.value ? <CategoryStep items={cats.value} error={error} /> : <Loading error={cats.error} />)}
        {current === 'place' && <PlaceStep error={error} />}
        {current === 'what' && <WhatStep error={error} />}
        {current === 'photos' && <PhotosStep />}
        {current === 'visibility' && <VisibilityStep />}
        {current === 'review' && (notice.value !== undefined ? <ReviewStep notice={notice.value} cats={cats.value ?? []} /> : <Loading error={notice.error} />)}
        <div class="row step-buttons">
          {step.value > 0 && <button type="button" onClick={back}>{t('step.back')}</button>}
          {current !== 'review' && <button type="submit" class="primary">{t('step.next')}</button>}
        </div>
      </form>
    </section>
  );
}

function CategoryStep({ items, error }: { items: Category[]; error?: string | undefined }) {
  const d = draft.value;
  return (
    <fieldset class="choices" aria-describedby={error ? 'category-error' : undefined}>
      <legend>{t('report.categoryLegend')}</legend>
      {error && <p id="category-error" class="error" role="alert">{error}</p>}
      {items.map((c) => {
        const help = `cat.help.${c.code}` as const;
        const helpText = (t as (k: string) => string)(help);
        return (
          <label key={c.code} class={`choice${d.category === c.code ? ' chosen' : ''}`}>
            <input type="radio" name="category" value={c.code} checked={d.category === c.code} onChange={() => update({ category: c.code })} />
            <CategoryIcon code={c.code} />
            <span>
              <strong>{localName(c.name)}</strong>
              {helpText !== help && <span class="hint">{helpText}</span>}
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}

function PlaceStep({ error }: { error?: string | undefined }) {
  const d = draft.value;
  const [locating, setLocating] = useState<'idle' | 'busy' | 'failed'>('idle');
  const locate = () => {
    if (!navigator.geolocation) return setLocating('failed');
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setLocating('idle');
        update({ lat: Math.round(p.coords.latitude * 1e6) / 1e6, lng: Math.round(p.coords.longitude * 1e6) / 1e6 });
      },
      () => setLocating('failed'),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };
  return (
    <fieldset>
      <legend>{t('report.placeLegend')}</legend>
      <AreaPicker id="ward" chain={d.chain} error={error} onChain={(chain, ward) => update(ward ? { chain, ward } : { chain, ward: undefined } as Partial<Draft>)} />
      <div class="field">
        <button type="button" onClick={locate} disabled={locating === 'busy'}>{t('report.useLocation')}</button>
        <p class="hint" aria-live="polite">
          {locating === 'busy' ? t('report.locating') : locating === 'failed' ? t('report.locationFailed') : d.lat !== undefined ? t('report.located', { lat: d.lat, lng: d.lng! }) : ''}
        </p>
      </div>
      <div class="field">
        <label for="address">{t('report.address')}</label>
        <input id="address" type="text" maxLength={300} autoComplete="street-address" aria-describedby="address-hint" value={d.address} onInput={(e) => update({ address: (e.target as HTMLInputElement).value })} />
        <p id="address-hint" class="hint">{t('report.addressHint')}</p>
      </div>
      {d.lat !== undefined && d.lng !== undefined && <Nearby lat={d.lat} lng={d.lng} category={d.category} />}
    </fieldset>
  );
}

type NearbyTicket = Schemas['NearbyTicket'];

/** "Already reported?": open tickets near the spot; following one replaces filing a duplicate. */
function Nearby(props: { lat: number; lng: number; category?: string | undefined }) {
  const [items, setItems] = useState<NearbyTicket[]>([]);
  const [followed, setFollowed] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    if (navigator.onLine === false) return;
    void api
      .GET('/v1/tickets/nearby', { params: { query: { lat: props.lat, lng: props.lng, radius: 250, ...(props.category ? { category: props.category } : {}) } } })
      .then(({ data }) => setItems(data?.items ?? []))
      .catch(() => setItems([]));
  }, [props.lat, props.lng, props.category]);
  if (!items.length) return null;
  const follow = async (n: NearbyTicket) => {
    const { data, error: e } = await api.POST('/v1/tickets/{id}/follow', { params: { path: { id: n.id } } });
    if (!data) return setError(problemText(e));
    rememberFollow(n.id, true);
    setItems((all) => all.map((x) => (x.id === n.id ? { ...x, followers: data.followers } : x)));
    setFollowed(n.ref ?? n.id);
  };
  return (
    <section class="nearby" aria-labelledby="nearby-title">
      <h2 id="nearby-title">{t('report.nearbyTitle')}</h2>
      <p class="hint">{t('report.nearbyIntro')}</p>
      {followed && <p role="status" class="ok">{t('report.following', { ref: followed })}</p>}
      {error && <p role="alert" class="error">{error}</p>}
      <ul>
        {items.map((n) => (
          <li key={n.id} data-nearby={n.id}>
            <a href={`/reports/${n.id}`}><strong>{n.title ?? n.description?.slice(0, 80) ?? n.ref}</strong></a>
            <span class="hint"> · {t('report.nearbyDistance', { m: n.distanceM })} · {t('report.nearbyFollowers', { n: n.followers })} · {fmt.date(n.createdAt)}</span>
            <div><button type="button" onClick={() => void follow(n)} disabled={followed !== undefined}>{t('report.follow')}</button></div>
          </li>
        ))}
      </ul>
      {followed && <p><a href="/reports">{t('nav.mine')}</a></p>}
    </section>
  );
}

function WhatStep({ error }: { error?: string | undefined }) {
  const d = draft.value;
  const n = visibleLength(d.description);
  return (
    <fieldset>
      <legend class="visually-hidden">{t('step.what')}</legend>
      <div class="field">
        <label for="description">{t('report.description')}</label>
        <textarea
          id="description"
          rows={6}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby="description-hint description-count description-error"
          value={d.description}
          onInput={(e) => update({ description: (e.target as HTMLTextAreaElement).value })}
        />
        <p id="description-hint" class="hint">{t('report.descriptionHint')}</p>
        <p id="description-count" class={n < 10 || n > 4000 ? 'hint warn' : 'hint'} aria-live="polite">{t('report.count', { n })}</p>
        {error && <p id="description-error" class="error" role="alert">{error}</p>}
      </div>
      <div class="field">
        <label for="title">{t('report.titleField')}</label>
        <input id="title" type="text" maxLength={150} value={d.title} onInput={(e) => update({ title: (e.target as HTMLInputElement).value })} />
      </div>
      <label class="check">
        <input type="checkbox" checked={d.urgent} onChange={(e) => update({ urgent: (e.target as HTMLInputElement).checked })} />
        <span>{t('report.urgent')}</span>
      </label>
    </fieldset>
  );
}

function PhotosStep() {
  const d = draft.value;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const add = async (files: FileList | null) => {
    if (!files?.length) return;
    setBusy(true);
    setError(undefined);
    const added: Photo[] = [];
    for (const file of Array.from(files).slice(0, MAX_PHOTOS - d.photos.length)) {
      try {
        const blob = await shrinkPhoto(file, PHOTO_BUDGET);
        added.push({ blob, url: URL.createObjectURL(blob) });
      } catch {
        setError(t('report.photoFailed'));
      }
    }
    update({ photos: [...draft.value.photos, ...added] });
    setBusy(false);
  };
  const remove = (i: number) => {
    const photo = d.photos[i];
    if (photo) URL.revokeObjectURL(photo.url);
    update({ photos: d.photos.filter((_, j) => j !== i) });
  };
  const full = d.photos.length >= MAX_PHOTOS;
  return (
    <fieldset>
      <legend>{t('report.photosLegend')}</legend>
      <p class="hint">{t('report.photosHint')}</p>
      {!full ? (
        <div class="row">
          <label class="button file-button">
            {t('report.camera')}
            <input class="visually-hidden" type="file" accept="image/*" capture="environment" disabled={busy} onChange={(e) => void add((e.target as HTMLInputElement).files)} />
          </label>
          <label class="button file-button">
            {t('report.gallery')}
            <input id="photos" class="visually-hidden" type="file" accept="image/*" multiple disabled={busy} onChange={(e) => void add((e.target as HTMLInputElement).files)} />
          </label>
        </div>
      ) : (
        <p>{t('report.photosFull')}</p>
      )}
      <p aria-live="polite" class="hint">{busy ? t('report.sending') : ''}</p>
      {error && <p role="alert" class="error">{error}</p>}
      <ul class="thumbs">
        {d.photos.map((p, i) => (
          <li key={p.url}>
            <img src={p.url} alt={t('report.photoAlt', { n: i + 1 })} width={96} height={96} />
            <span class="hint">{t('report.photoSize', { kb: Math.round(p.blob.size / 1024) })}</span>
            <button type="button" class="danger" onClick={() => remove(i)}>{t('report.removePhoto', { n: i + 1 })}</button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function VisibilityStep() {
  const d = draft.value;
  return (
    <fieldset class="choices">
      <legend>{t('report.visibilityLegend')}</legend>
      {(['public', 'private'] as const).map((v) => (
        <label key={v} class={`choice${d.visibility === v ? ' chosen' : ''}`}>
          <input type="radio" name="visibility" value={v} checked={d.visibility === v} aria-describedby={`vis-${v}`} onChange={() => update({ visibility: v })} />
          <span>
            <strong>{t(`report.${v}`)}</strong>
            <span id={`vis-${v}`} class="hint">{t(`report.${v}Hint`)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

function ReviewStep({ notice, cats }: { notice: PrivacyNotice | null; cats: Category[] }) {
  const d = draft.value;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const acceptedBefore = notice && recall<string>(CONSENT_KEY) === notice.version;
  const category = cats.find((c) => c.code === d.category);

  const submit = async () => {
    if (notice && !acceptedBefore && !d.accepted) return setError(t('report.acceptRequired'));
    setBusy(true);
    setError(undefined);
    const body = {
      category: d.category!,
      description: d.description.trim(),
      ...(d.title.trim() ? { title: d.title.trim() } : {}),
      location: {
        wardCode: d.ward!.code,
        ...(d.lat !== undefined && d.lng !== undefined ? { lat: d.lat, lng: d.lng } : {}),
        ...(d.address.trim() ? { address: d.address.trim() } : {}),
      },
      ...(d.urgent ? { urgent: true } : {}),
      visibility: d.visibility,
      ...(notice ? { consentVersion: notice.version } : {}),
    };
    if (notice) remember(CONSENT_KEY, notice.version);
    try {
      const ticket = await enqueue(d.key, body, d.photos.map((p) => p.blob));
      const kept = outbox.value.find((e) => e.key === d.key);
      if (ticket) outcome.value = { ticket };
      else if (kept?.state === 'failed') {
        // The API refused it (a 4xx): keep the draft so it can be corrected, not a dead outbox entry.
        setError(t('report.failed', { reason: kept.error ?? '' }));
        await discard(d.key);
        update({ key: crypto.randomUUID() });
      } else outcome.value = { queued: d.key };
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <p>{t('report.reviewIntro')}</p>
      <dl class="summary">
        <dt>{t('report.summaryCategory')}</dt>
        <dd>{category ? localName(category.name) : d.category}</dd>
        <dt>{t('report.summaryPlace')}</dt>
        <dd>{[d.address.trim(), d.ward?.nameWithType].filter(Boolean).join(', ')}</dd>
        <dt>{t('report.summaryWhat')}</dt>
        <dd>{d.title.trim() && <strong>{d.title.trim()}. </strong>}{d.description}</dd>
        <dt>{t('report.summaryPhotos')}</dt>
        <dd>{d.photos.length}</dd>
        <dt>{t('report.summaryVisibility')}</dt>
        <dd>{t(`report.${d.visibility}`)}</dd>
        <dt>{t('report.summaryUrgent')}</dt>
        <dd>{d.urgent ? t('yes') : t('no')}</dd>
      </dl>
      {notice && (
        <div class="notice">
          <details open={!acceptedBefore}>
            <summary>{t('report.notice', { version: notice.version })}</summary>
            <p lang={lang.value}>{notice.text[lang.value]}</p>
          </details>
          {acceptedBefore ? (
            <p class="hint">{t('report.accepted', { version: notice.version })}</p>
          ) : (
            <label class="check">
              <input type="checkbox" name="consent" checked={d.accepted} aria-invalid={error === t('report.acceptRequired') ? true : undefined} onChange={(e) => {
                  const accepted = (e.target as HTMLInputElement).checked;
                  update({ accepted });
                  if (accepted && error === t('report.acceptRequired')) setError(undefined);
                }} />
              <span>{t('report.accept')}</span>
            </label>
          )}
        </div>
      )}
      {error && <p role="alert" class="error">{error}</p>}
      <div class="row">
        <button type="button" class="primary send" disabled={busy} onClick={() => void submit()}>{busy ? t('report.sending') : t('report.send')}</button>
      </div>
    </div>
  );
}

function Outcome({ heading }: { heading: { current: HTMLHeadingElement | null } }) {
  const result = outcome.value!;
  const units = useLoad(departments, []);
  const again = resetDraft;
  if ('queued' in result) {
    return (
      <section class="card outcome" aria-labelledby="outcome-title">
        <h1 id="outcome-title" ref={heading} tabIndex={-1}>{t('report.queuedTitle')}</h1>
        <p role="status">{t('report.queued')}</p>
        <p class="row"><a href="/reports">{t('nav.mine')}</a><button type="button" onClick={again}>{t('report.another')}</button></p>
      </section>
    );
  }
  const { ticket } = result;
  const unit = units.value?.find((u) => u.id === ticket.departmentId);
  return (
    <section class="card outcome" aria-labelledby="outcome-title">
      <h1 id="outcome-title" ref={heading} tabIndex={-1}>{t('report.sentTitle')}</h1>
      <p class="ref" data-ref={ticket.ref}>{t('report.ref', { ref: ticket.ref })}</p>
      <p class="deadline">{t('report.deadline', { unit: unit ? localName(unit.name) : ticket.departmentId, ack: byWhen(ticket.ackDueAt ?? ticket.dueAt), due: byWhen(ticket.dueAt) })}</p>
      <p class="row"><a class="button primary" href={`/reports/${ticket.id}`}>{t('report.open')}</a><button type="button" onClick={again}>{t('report.another')}</button></p>
    </section>
  );
}
