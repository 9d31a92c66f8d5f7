/**
 * A manager's figures for a scope and period: KPI tiles against the previous period, received vs
 * processed over time (uPlot, loaded only here, with a table view and the CSV), by category and
 * by unit as tables with bars, and the ranking with small units listed apart, as the API does.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, problemText, type Schemas } from '../../shared/api/client';
import { downloadWithToken, saveBlob } from '../../shared/api/download';
import { session } from '../../shared/auth/session';
import { fmt, localName } from '../../shared/i18n/index';
import { t } from '../messages';
import { granularityFor, presetPeriod, previousPeriod, type Period, type Preset } from '../lib/periods';
import { categories, departmentName, departments } from '../lib/reference';
import { SeriesChart } from './SeriesChart';
import { fetchTicketCsv } from '../lib/ticket-export';
import { CITY_SCOPE, parseScope, scopeKey } from '../../../shared/domain/scope.js';

type Report = Schemas['MetricsReport'];
type Row = Schemas['MetricRow'];
type Ranking = Schemas['Ranking'];

const presets: Exclude<Preset, 'custom'>[] = ['p7', 'p30', 'month', 'year'];

function scopesFor(scope: string | undefined) {
  if (scope && scope !== CITY_SCOPE) return [scope];
  const districts = departments.value.flatMap((d) => (d.kind === 'district' && d.districtCode ? [scopeKey({ kind: 'district', code: d.districtCode })] : []));
  return [CITY_SCOPE, ...districts];
}

function scopeLabel(scope: string) {
  const named = parseScope(scope);
  if (named?.kind === 'city') return t('dash.scopeCity');
  const d = named?.kind === 'district' ? departments.value.find((x) => x.kind === 'district' && x.districtCode === named.code) : undefined;
  return d ? localName(d.name).replace(/^UBND\s+|^People's Committee of\s+/, '') : scope;
}

export function Dashboard() {
  const s = session.value!;
  const scopes = scopesFor(s.scope);
  const [scope, setScope] = useState(scopes[0]!);
  const [preset, setPreset] = useState<Preset>('p30');
  const [custom, setCustom] = useState<Period>(presetPeriod('p30'));
  const [applied, setApplied] = useState<Period>(presetPeriod('p30'));
  const [report, setReport] = useState<Report | undefined>();
  const [previous, setPrevious] = useState<Row | undefined>();
  const [byCategory, setByCategory] = useState<{ code: string; row: Row }[] | undefined>();
  const [ranking, setRanking] = useState<Ranking | undefined>();
  const [minSample, setMinSample] = useState(20);
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const [error, setError] = useState<string | undefined>();

  const period = preset === 'custom' ? applied : presetPeriod(preset);

  useEffect(() => {
    let live = true;
    setReport(undefined);
    setError(undefined);
    const prev = previousPeriod(period);
    const granularity = granularityFor(period);
    (async () => {
      const [cur, before] = await Promise.all([
        api.GET('/v1/metrics', { params: { query: { scope, ...period, granularity } } }),
        api.GET('/v1/metrics', { params: { query: { scope, ...prev, granularity: 'total' } } }),
      ]);
      if (!live) return;
      if (cur.error) return setError(problemText(cur.error));
      setReport(cur.data);
      setPrevious(before.data?.totals);
      const cats = categories.value.filter((c) => c.active);
      const rows = await Promise.all(cats.map(async (c) => ({ code: c.code, row: (await api.GET('/v1/metrics', { params: { query: { scope, ...period, granularity: 'total', category: c.code } } })).data?.totals })));
      if (live) setByCategory(rows.filter((r): r is { code: string; row: Row } => !!r.row && r.row.received + r.row.processed > 0));
    })().catch((e: unknown) => live && setError(problemText(e)));
    return () => void (live = false);
  }, [scope, period.from, period.to, categories.value.length]);

  useEffect(() => {
    let live = true;
    api.GET('/v1/metrics/ranking', { params: { query: { ...period, minSample, metric: 'responseRate' } } }).then(({ data }) => live && setRanking(data));
    return () => void (live = false);
  }, [period.from, period.to, minSample]);

  const csv = () => {
    const q = new URLSearchParams({ scope, ...period, granularity: granularityFor(period) });
    void downloadWithToken(`/v1/metrics/export.csv?${q}`, `metrics-${scope}-${period.from}-${period.to}.csv`).catch((e: unknown) => setError(String(e)));
  };

  const [exporting, setExporting] = useState(false);
  const ticketCsv = () => {
    setExporting(true);
    fetchTicketCsv({ scope, ...period })
      .then((blob) => saveBlob(blob, `tickets-${scope}-${period.from}-${period.to}.csv`))
      .catch((e: unknown) => setError(String(e)))
      .finally(() => setExporting(false));
  };

  const inScope = useMemo(() => {
    if (!ranking) return undefined;
    const named = parseScope(scope);
    const keep = (id: string) => named?.kind === 'city' || (named?.kind === 'district' && departments.value.find((d) => d.id === id)?.districtCode === named.code);
    return { ranked: ranking.ranked.filter((r) => keep(r.departmentId)), below: ranking.belowMinSample.filter((r) => keep(r.departmentId)) };
  }, [ranking, scope]);

  return (
    <section aria-labelledby="dash-h">
      <h1 id="dash-h">{t('dash.title')} · {scopeLabel(scope)}</h1>
      <form class="filters card dash-filters" onSubmit={(e) => { e.preventDefault(); setApplied(custom); }}>
        <div class="field">
          <label for="d-scope">{t('dash.scope')}</label>
          <select id="d-scope" value={scope} onChange={(e) => setScope(e.currentTarget.value)}>
            {scopes.map((sc) => <option key={sc} value={sc}>{scopeLabel(sc)}</option>)}
          </select>
        </div>
        <fieldset class="field presets">
          <legend>{t('dash.period')}</legend>
          {[...presets, 'custom' as const].map((p) => (
            <button key={p} type="button" aria-pressed={preset === p} onClick={() => setPreset(p)}>{t(`dash.${p}`)}</button>
          ))}
        </fieldset>
        {preset === 'custom' && (
          <>
            <div class="field">
              <label for="d-from">{t('dash.from')}</label>
              <input id="d-from" type="date" value={custom.from} max={custom.to} onInput={(e) => setCustom({ ...custom, from: e.currentTarget.value })} />
            </div>
            <div class="field">
              <label for="d-to">{t('dash.to')}</label>
              <input id="d-to" type="date" value={custom.to} min={custom.from} onInput={(e) => setCustom({ ...custom, to: e.currentTarget.value })} />
            </div>
            <button type="submit" class="primary">{t('dash.apply')}</button>
          </>
        )}
      </form>
      <div class="toolbar">
        <p class="hint">{t('dash.range', { from: fmt.date(`${period.from}T12:00:00+07:00`), to: fmt.date(`${period.to}T12:00:00+07:00`) })}</p>
        <button type="button" data-export="tickets" disabled={exporting} onClick={ticketCsv}>{exporting ? t('form.sending') : t('dash.ticketCsv')}</button>
      </div>
      {error && <p role="alert" class="error">{error}</p>}
      {!report && !error && <p aria-live="polite">{t('dash.loading')}</p>}
      {report && (
        <>
          <Kpis now={report.totals} before={previous} />
          <section class="card" aria-labelledby="series-h">
            <div class="section-head">
              <h2 id="series-h">{t('dash.series')}</h2>
              <div role="group" aria-label={t('dash.series')} class="toggle">
                <button type="button" aria-pressed={view === 'chart'} onClick={() => setView('chart')}>{t('dash.chart')}</button>
                <button type="button" aria-pressed={view === 'table'} onClick={() => setView('table')}>{t('dash.table')}</button>
                <button type="button" onClick={csv}>{t('dash.csv')}</button>
              </div>
            </div>
            {view === 'chart' ? <SeriesChart series={report.series} granularity={report.granularity} /> : <SeriesTable series={report.series} />}
          </section>
          <div class="two-col">
            <BarTable
              id="by-cat"
              title={t('dash.byCategory')}
              first={t('dash.col.category')}
              rows={(byCategory ?? []).map((r) => ({ key: r.code, label: localName(categories.value.find((c) => c.code === r.code)?.name) || r.code, row: r.row }))}
            />
            {inScope && (
              <section class="card" aria-labelledby="rank-h">
                <h2 id="rank-h">{t('dash.byUnit')}</h2>
                <div class="field inline-field">
                  <label for="d-min">{t('dash.minSample', { n: minSample })}</label>
                  <input id="d-min" type="number" min={1} max={100000} value={minSample} onChange={(e) => setMinSample(Math.max(1, Number(e.currentTarget.value) || 1))} />
                </div>
                <RankTable rows={inScope.ranked} ranked />
                {inScope.below.length > 0 && (
                  <>
                    <h3>{t('dash.belowMin', { n: minSample })}</h3>
                    <RankTable rows={inScope.below} />
                  </>
                )}
              </section>
            )}
          </div>
        </>
      )}
    </section>
  );
}

const rate = (r: number | null) => (r === null ? t('dash.na') : fmt.percent(r, 1));
const hoursText = (h: number | null) => (h === null ? t('dash.na') : t('dash.hours', { n: fmt.number(h, { maximumFractionDigits: 1 }) }));

function Kpis({ now, before }: { now: Row; before: Row | undefined }) {
  const tiles: { key: string; label: string; value: number | null; text: string; kind: 'count' | 'rate' | 'hours' }[] = [
    { key: 'received', label: t('dash.kpi.received'), value: now.received, text: fmt.number(now.received), kind: 'count' },
    { key: 'responseRate', label: t('dash.kpi.processed'), value: now.responseRate, text: rate(now.responseRate), kind: 'rate' },
    { key: 'onTimeRate', label: t('dash.kpi.onTime'), value: now.onTimeRate, text: rate(now.onTimeRate), kind: 'rate' },
    { key: 'satisfactionRate', label: t('dash.kpi.satisfaction'), value: now.satisfactionRate, text: rate(now.satisfactionRate), kind: 'rate' },
    { key: 'medianResponseHours', label: t('dash.kpi.median'), value: now.medianResponseHours, text: hoursText(now.medianResponseHours), kind: 'hours' },
    { key: 'p90ResponseHours', label: t('dash.kpi.p90'), value: now.p90ResponseHours, text: hoursText(now.p90ResponseHours), kind: 'hours' },
  ];
  return (
    <ul class="kpis">
      {tiles.map((tile) => {
        const prev = before ? (before[tile.key as keyof Row] as number | null) : null;
        return (
          <li key={tile.key} class="card kpi" data-kpi={tile.key} data-value={tile.value ?? ''}>
            <span class="kpi-label">{tile.label}</span>
            <span class="kpi-value">{tile.text}</span>
            <span class="kpi-change">{change(tile.value, prev, tile.kind)}</span>
          </li>
        );
      })}
    </ul>
  );
}

function change(now: number | null, prev: number | null, kind: 'count' | 'rate' | 'hours'): string {
  if (now === null || prev === null || (kind === 'count' && prev === 0)) return t('dash.noPrev');
  const diff = kind === 'count' ? (now - prev) / prev : now - prev;
  if (Math.abs(diff) < 1e-9) return t('dash.noChange');
  const sign = diff > 0 ? '▲ +' : '▼ −';
  const value =
    kind === 'count' ? fmt.percent(Math.abs(diff), 0) : kind === 'rate' ? `${fmt.number(Math.abs(diff) * 100, { maximumFractionDigits: 1 })} pp` : t('dash.hours', { n: fmt.number(Math.abs(diff), { maximumFractionDigits: 1 }) });
  return t('dash.change', { sign, value });
}

function periodLabel(period: string) {
  return period.length === 7 ? period : fmt.date(`${period}T12:00:00+07:00`);
}

function SeriesTable({ series }: { series: Report['series'] }) {
  return (
    <div class="scroll">
      <table>
        <caption class="visually-hidden">{t('dash.series')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dash.col.period')}</th>
            <th scope="col" class="num">{t('dash.col.received')}</th>
            <th scope="col" class="num">{t('dash.col.processed')}</th>
            <th scope="col" class="num">{t('dash.col.onTimeRate')}</th>
          </tr>
        </thead>
        <tbody>
          {series.map((p) => (
            <tr key={p.period}>
              <th scope="row">{periodLabel(p.period)}</th>
              <td class="num">{fmt.number(p.received)}</td>
              <td class="num">{fmt.number(p.processed)}</td>
              <td class="num">{rate(p.onTimeRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function BarTable(props: { id: string; title: string; first: string; rows: { key: string; label: string; row: Row }[] }) {
  const max = Math.max(1, ...props.rows.map((r) => r.row.received));
  return (
    <section class="card" aria-labelledby={`${props.id}-h`}>
      <h2 id={`${props.id}-h`}>{props.title}</h2>
      <table class="bars">
        <thead>
          <tr>
            <th scope="col">{props.first}</th>
            <th scope="col" class="num">{t('dash.col.received')}</th>
            <th scope="col" class="num">{t('dash.col.processed')}</th>
            <th scope="col" class="num">{t('dash.col.onTimeRate')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">
                {r.label}
                <span class="bar" aria-hidden="true"><span style={{ width: `${(r.row.received / max) * 100}%` }} /></span>
              </th>
              <td class="num">{fmt.number(r.row.received)}</td>
              <td class="num">{fmt.number(r.row.processed)}</td>
              <td class="num">{rate(r.row.onTimeRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function RankTable({ rows, ranked }: { rows: Ranking['ranked']; ranked?: boolean }) {
  return (
    <table class="bars">
      <thead>
        <tr>
          {ranked && <th scope="col" class="num">{t('dash.col.rank')}</th>}
          <th scope="col">{t('dash.col.unit')}</th>
          <th scope="col" class="num">{t('dash.col.received')}</th>
          <th scope="col" class="num">{t('dash.col.rate')}</th>
          <th scope="col" class="num">{t('dash.overdue')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.departmentId}>
            {ranked && <td class="num">{r.rank ?? ''}</td>}
            <th scope="row">
              <a href={`/console/queue?unit=${encodeURIComponent(r.departmentId)}`}>{departmentName(r.departmentId)}</a>
              <span class="bar" aria-hidden="true"><span style={{ width: `${(r.responseRate ?? 0) * 100}%` }} /></span>
            </th>
            <td class="num">{fmt.number(r.received)}</td>
            <td class="num">{rate(r.responseRate)}</td>
            <td class="num">{fmt.number(r.overdue)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
