/**
 * Rejecting as a duplicate: the open tickets of the same category within 1 km, received in the
 * last 30 days (FixMyStreet's inspector picker), nearest first, to pick one instead of typing an
 * id. The typed id stays possible (a ticket farther away, or without coordinates).
 */
import { useEffect, useState } from 'preact/hooks';
import { api, type Schemas } from '../../shared/api/client';
import { defineMessages, fmt } from '../../shared/i18n/index';
import type { Ticket } from '../lib/labels';

type Nearby = Schemas['NearbyTicket'];

const RADIUS_M = 1000;
const RECENT_DAYS = 30;

const t = defineMessages(
  {
    legend: 'Phiếu gần đây cùng lĩnh vực (trong 1 km)',
    none: 'Không có phiếu nào cùng lĩnh vực trong 1 km, 30 ngày qua.',
    noPlace: 'Phiếu không có tọa độ: hãy nhập mã phiếu trùng.',
    away: 'cách {m} m',
    followers: '{n} người theo dõi',
    untitled: 'Phiếu riêng tư (không hiện nội dung)',
  },
  {
    legend: 'Recent tickets of the same category (within 1 km)',
    none: 'No ticket of the same category within 1 km in the last 30 days.',
    noPlace: 'This ticket has no coordinates: type the duplicate’s id.',
    away: '{m} m away',
    followers: '{n} following',
    untitled: 'Private ticket (text not shown)',
  },
);

export function DuplicatePicker(props: { ticket: Ticket; value: string; onPick: (id: string) => void }) {
  const { ticket } = props;
  const { lat, lng } = ticket.location;
  const [items, setItems] = useState<Nearby[] | undefined>();
  useEffect(() => {
    if (typeof lat !== 'number' || typeof lng !== 'number') return;
    let live = true;
    api.GET('/v1/tickets/nearby', { params: { query: { lat, lng, category: ticket.category, radius: RADIUS_M } } }).then(({ data }) => {
      const since = Date.now() - RECENT_DAYS * 86_400_000;
      if (live) setItems((data?.items ?? []).filter((i) => i.id !== ticket.id && Date.parse(i.createdAt) >= since));
    });
    return () => void (live = false);
  }, [ticket.id, lat, lng, ticket.category]);

  if (typeof lat !== 'number' || typeof lng !== 'number') return <p class="hint">{t('noPlace')}</p>;
  if (!items) return null;
  if (items.length === 0) return <p class="hint">{t('none')}</p>;
  return (
    // Laid out here, not in console.css (another helper's file): one row per candidate, wrapping inside narrow screens.
    <fieldset class="duplicate-picker" style={{ minWidth: 0, maxWidth: '100%', boxSizing: 'border-box' }}>
      <legend>{t('legend')}</legend>
      {items.map((i) => (
        <label key={i.id} class="choice" style={{ display: 'flex', gap: '0.5rem', alignItems: 'flex-start', margin: '0.25rem 0', fontWeight: 'normal', overflowWrap: 'anywhere' }}>
          <input type="radio" name="duplicate-candidate" value={i.id} checked={props.value === i.id} onChange={() => props.onPick(i.id)} />
          {i.photos?.[0] && <img src={i.photos[0].thumbUrl} alt="" width={48} height={48} loading="lazy" />}
          <span style={{ minWidth: 0 }}>
            <strong>{i.ref ?? i.id}</strong> · {i.title ?? (i.description ? i.description.slice(0, 80) : t('untitled'))}
            <br />
            <small>
              {t('away', { m: fmt.number(i.distanceM) })} · {fmt.relative(i.createdAt)} · {t('followers', { n: fmt.number(i.followers) })}
            </small>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
