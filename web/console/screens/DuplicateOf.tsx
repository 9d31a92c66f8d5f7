/**
 * A duplicate's rejection says what it duplicates: "duplicate of HN-…" linking to the original's
 * panel, where the people behind the problem now follow it. The API gives the original's id;
 * its reference and title come from reading it as the caller may (a ticket the caller may not
 * see stays a plain id, as every read would answer).
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../shared/api/client';
import { defineMessages } from '../../shared/i18n/index';
import { shortId, type Ticket } from '../lib/labels';
import { reference } from '../lib/reference-id';

const t = defineMessages({ of: 'Trùng với phiếu' }, { of: 'Duplicate of' });

export function DuplicateOf({ id }: { id: string }) {
  const [original, setOriginal] = useState<Pick<Ticket, 'id' | 'ref' | 'title'> | null | undefined>();
  useEffect(() => {
    let live = true;
    setOriginal(undefined);
    api.GET('/v1/tickets/{id}', { params: { path: { id } } }).then(({ data }) => live && setOriginal(data ?? null), () => live && setOriginal(null));
    return () => void (live = false);
  }, [id]);
  // The words first, the name once the read answers: a bare id flashing into a reference would move the text.
  if (original === undefined) return <p class="duplicate-of">{t('of')} …</p>;
  return (
    <p class="duplicate-of">
      {t('of')}{' '}
      {original === null ? (
        <span>{shortId(id)}</span>
      ) : (
        <a href={`/console/tickets/${id}`}>
          {reference(original)}
          {original.title ? ` · ${original.title}` : ''}
        </a>
      )}
    </p>
  );
}
