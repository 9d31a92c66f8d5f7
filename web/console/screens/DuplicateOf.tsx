/**
 * A duplicate's rejection says what it duplicates: "duplicate of HN-…" linking to the original's
 * panel, where the people behind the problem now follow it. The rejection records the original's
 * id and reference; its title comes from reading it as the caller may (a ticket the caller may
 * not see stays unlinked, as every read would answer).
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../shared/api/client';
import { defineMessages } from '../../shared/i18n/index';
import { shortId, type Ticket } from '../lib/labels';
import { reference } from '../lib/reference-id';

const t = defineMessages({ of: 'Trùng với phiếu' }, { of: 'Duplicate of' });

/** `recordedRef`: the reference the rejection recorded (`rejection.duplicateOfRef`). */
export function DuplicateOf({ id, recordedRef }: { id: string; recordedRef?: string | undefined }) {
  const [original, setOriginal] = useState<Pick<Ticket, 'id' | 'ref' | 'title'> | null | undefined>();
  useEffect(() => {
    let live = true;
    setOriginal(undefined);
    api.GET('/v1/tickets/{id}', { params: { path: { id } } }).then(({ data }) => live && setOriginal(data ?? null), () => live && setOriginal(null));
    return () => void (live = false);
  }, [id]);
  // The reference the rejection recorded first; the title joins it once the read answers.
  if (original === undefined) return <p class="duplicate-of">{t('of')} {recordedRef ?? '…'}</p>;
  return (
    <p class="duplicate-of">
      {t('of')}{' '}
      {original === null ? (
        <span>{recordedRef ?? shortId(id)}</span>
      ) : (
        <a href={`/console/tickets/${id}`}>
          {reference(original)}
          {original.title ? ` · ${original.title}` : ''}
        </a>
      )}
    </p>
  );
}
