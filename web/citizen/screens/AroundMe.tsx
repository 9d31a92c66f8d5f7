/** Around me: answered public reports in a ward (GET /v1/public/tickets) and the units' public scorecards. No sign-in needed. */
import { useState } from 'preact/hooks';
import { api } from '../../shared/api/client';
import { TIME_ZONE, fmt, localName } from '../../shared/i18n/index';
import { departments, type Area } from '../lib/reference';
import { networkFirst, recall, remember } from '../lib/store';
import { t } from '../messages';
import { AreaPicker, Loading, StatusChip, useLoad } from '../ui';

const WARD_KEY = 'around.ward';

export function AroundMe() {
  const [chain, setChain] = useState<string[]>(recall<string[]>('around.chain') ?? []);
  const [ward, setWard] = useState<Area | undefined>(recall<Area>(WARD_KEY));
  const units = useLoad(departments, []);
  const unitName = (id: string) => {
    const u = units.value?.find((d) => d.id === id);
    return u ? localName(u.name) : id;
  };
  return (
    <>
      <h1>{t('around.title')}</h1>
      <p>{t('around.intro')}</p>
      <fieldset class="card">
        <legend>{t('around.pickWard')}</legend>
        <AreaPicker
          id="around"
          chain={chain}
          onChain={(c, w) => {
            setChain(c);
            setWard(w);
            remember('around.chain', c);
            remember(WARD_KEY, w ?? null);
          }}
        />
      </fieldset>
      {ward && <Answered ward={ward} unitName={unitName} />}
      <Scorecards unitName={unitName} />
    </>
  );
}

function Answered({ ward, unitName }: { ward: Area; unitName: (id: string) => string }) {
  const list = useLoad(() => networkFirst(`ref.public.${ward.code}`, () => api.GET('/v1/public/tickets', { params: { query: { area: ward.code, limit: 20 } } })), [ward.code]);
  const items = list.value?.value.items;
  return (
    <section aria-labelledby="answered-title">
      <h2 id="answered-title">{t('around.answered', { ward: ward.nameWithType })}</h2>
      {!items ? (
        <Loading error={list.error} />
      ) : !items.length ? (
        <p>{t('around.none')}</p>
      ) : (
        <ul class="tickets">
          {items.map((p) => (
            <li key={p.id} class="card ticket-row" data-public={p.id}>
              <a href={`/reports/${p.id}`}>{p.title ?? p.description.slice(0, 80)}</a>
              <div class="meta"><StatusChip status={p.status} /> <span class="ref">{p.ref}</span></div>
              <div class="hint">{unitName(p.departmentId)} · {fmt.date(p.updatedAt)}</div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const rate = (r: number | null) => (r === null ? t('around.noData') : fmt.percent(r));

function Scorecards({ unitName }: { unitName: (id: string) => string }) {
  const to = new Date();
  const from = new Date(to.getTime() - 30 * 86_400_000);
  // Days as Hanoi counts them (the counters' days): a UTC date would drop today until 07:00.
  const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(d);
  const cards = useLoad(() => networkFirst('ref.scorecards', () => api.GET('/v1/public/scorecards', { params: { query: { from: day(from), to: day(to) } } })), []);
  const items = cards.value?.value.items.filter((c) => c.received > 0);
  return (
    <section aria-labelledby="scorecards-title">
      <h2 id="scorecards-title">{t('around.scorecards')}</h2>
      {!items ? (
        <Loading error={cards.error} />
      ) : (
        <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="scorecards-title">
          <table class="scorecards">
            <thead>
              <tr>
                <th scope="col">{t('around.unit')}</th>
                <th scope="col">{t('around.received')}</th>
                <th scope="col">{t('around.processed')}</th>
                <th scope="col">{t('around.onTime')}</th>
                <th scope="col">{t('around.satisfaction')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.departmentId}>
                  <th scope="row">{unitName(c.departmentId)}</th>
                  <td>{fmt.number(c.received)}</td>
                  <td>{rate(c.responseRate)}</td>
                  <td>{rate(c.onTimeRate)}</td>
                  <td>{rate(c.satisfactionRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
