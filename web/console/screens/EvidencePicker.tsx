/**
 * Evidence photos for an answer: each chosen file is shrunk in the browser and uploaded at once
 * (purpose `evidence`), so by the time the answer is typed the photos are ready to attach.
 */
import { ACCEPT, uploadPhoto, UploadError } from '../../shared/api/photo-upload';
import { t, type MessageKey } from '../messages';

export const MAX_EVIDENCE = 5;

export interface EvidenceItem {
  key: string;
  name: string;
  state: 'uploading' | 'ready' | 'failed';
  uploadId?: string;
  thumbUrl?: string;
  reason?: string;
}

type Update = (fn: (items: EvidenceItem[]) => EvidenceItem[]) => void;

let seq = 0;

const reasons = ['not_an_image', 'undecodable', 'too_many_pixels', 'too_large', 'malware', 'unreadable', 'timeout'] as const;
const reasonKey = (reason: string | undefined): MessageKey => ((reasons as readonly string[]).includes(reason ?? '') ? (`upload.${reason}` as MessageKey) : 'upload.refused');

export function EvidencePicker(props: { items: EvidenceItem[]; update: Update; required: boolean }) {
  const { items, update } = props;
  const room = MAX_EVIDENCE - items.filter((i) => i.state !== 'failed').length;

  const add = (files: FileList | null) => {
    for (const file of [...(files ?? [])].slice(0, Math.max(0, room))) {
      const key = `ev-${++seq}`;
      update((list) => [...list, { key, name: file.name, state: 'uploading' }]);
      uploadPhoto(file, 'evidence').then(
        (u) => update((list) => list.map((i) => (i.key === key ? { ...i, state: 'ready', uploadId: u.id, thumbUrl: u.thumbUrl } : i))),
        (e: unknown) => update((list) => list.map((i) => (i.key === key ? { ...i, state: 'failed', reason: e instanceof UploadError ? e.reason : 'refused' } : i))),
      );
    }
  };

  return (
    <div class="field evidence">
      <label for="f-evidence">{t(props.required ? 'form.evidenceRequiredLabel' : 'form.evidence', { n: MAX_EVIDENCE })}</label>
      <input id="f-evidence" type="file" accept={ACCEPT} multiple disabled={room <= 0} aria-describedby="f-evidence-hint" onChange={(e) => { add(e.currentTarget.files); e.currentTarget.value = ''; }} />
      <p id="f-evidence-hint" class="hint">{t('form.evidenceHint')}</p>
      {items.length > 0 && (
        <ul class="evidence-list" aria-live="polite">
          {items.map((i) => (
            <li key={i.key} data-state={i.state}>
              {i.thumbUrl ? <img src={i.thumbUrl} alt={t('form.evidenceAlt', { name: i.name })} width={64} height={64} /> : <span class="thumb-placeholder" aria-hidden="true" />}
              <span class="evidence-name">{i.name}</span>
              <span class={i.state === 'failed' ? 'error' : 'hint'}>
                {i.state === 'failed' ? t(reasonKey(i.reason)) : t(`upload.state.${i.state}` as MessageKey)}
              </span>
              <button type="button" onClick={() => update((list) => list.filter((x) => x.key !== i.key))} aria-label={t('form.evidenceRemove', { name: i.name })}>
                {t('form.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
