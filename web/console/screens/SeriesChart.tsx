/** Received vs processed per period, drawn by uPlot, which is fetched only when a chart is shown. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Schemas } from '../../shared/api/client';
import { lang } from '../../shared/i18n/index';
import { t } from '../messages';

type Series = Schemas['MetricsReport']['series'];

export function SeriesChart({ series, granularity }: { series: Series; granularity: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let chart: { destroy(): void } | undefined;
    let live = true;
    (async () => {
      const [{ default: uPlot }] = await Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]);
      if (!live || !box.current) return;
      const xs = series.map((p) => Date.parse(p.period.length === 7 ? `${p.period}-01T00:00:00+07:00` : `${p.period}T00:00:00+07:00`) / 1000);
      const width = Math.max(280, box.current.clientWidth);
      chart = new uPlot(
        {
          width,
          height: 260,
          tzDate: (ts: number) => uPlot.tzDate(new Date(ts * 1000), 'Asia/Ho_Chi_Minh'),
          series: [
            {},
            { label: t('dash.col.received'), stroke: '#0b57d0', width: 2, fill: 'rgba(11,87,208,.08)' },
            { label: t('dash.col.processed'), stroke: '#1b6e3a', width: 2, dash: [6, 4] },
          ],
          axes: [{ stroke: '#4d5660' }, { stroke: '#4d5660' }],
          scales: { x: { time: true } },
          legend: { show: true },
        },
        [xs, series.map((p) => p.received), series.map((p) => p.processed)],
        box.current,
      );
    })().catch(() => live && setFailed(true));
    return () => {
      live = false;
      chart?.destroy();
    };
  }, [series, granularity, lang.value]);

  return (
    <figure class="chart">
      <div ref={box} role="img" aria-label={t('dash.chartLabel')} />
      {failed && <p class="error">{t('error.chart')}</p>}
    </figure>
  );
}
