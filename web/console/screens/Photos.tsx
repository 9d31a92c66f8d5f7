/** A ticket's photos as thumbnails, each opening the full photo (the URLs are short-lived: a reload fetches new ones). */
import type { Schemas } from '../../shared/api/client';
import { t } from '../messages';

export function Photos(props: { photos: Schemas['Photo'][] | undefined; label: string }) {
  const photos = props.photos ?? [];
  if (photos.length === 0) return null;
  return (
    <ul class="photos" aria-label={props.label}>
      {photos.map((p, i) => (
        <li key={p.id}>
          <a href={p.url} target="_blank" rel="noopener noreferrer">
            <img src={p.thumbUrl} alt={t('ticket.photoAlt', { label: props.label, n: i + 1, total: photos.length })} width={Math.min(160, p.width)} height={Math.round((Math.min(160, p.width) / p.width) * p.height)} loading="lazy" />
          </a>
        </li>
      ))}
    </ul>
  );
}
