/** One year's public holidays: the working-hours calendar every deadline counts on. */
import { useEffect, useState } from 'preact/hooks';
import { api, problemText } from '../../shared/api/client';
import { t, tn } from '../messages';
import { localDate } from '../../../shared/domain/working-hours.js';

export function Holidays() {
  const [year, setYear] = useState(Number(localDate(new Date()).slice(0, 4)));
  const [text, setText] = useState('');
  const [message, setMessage] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    setMessage(undefined);
    api.GET('/v1/calendar/holidays/{year}', { params: { path: { year } } }).then(({ data, error: e }) => {
      if (e && (e as { status?: number }).status !== 404) setError(problemText(e));
      setText((data?.dates ?? []).join('\n'));
    });
  }, [year]);

  const dates = text.split(/\s+/).map((d) => d.trim()).filter(Boolean);

  const save = async () => {
    setError(undefined);
    const { data, error: e } = await api.PUT('/v1/calendar/holidays/{year}', { params: { path: { year } }, body: { dates } });
    if (e) {
      const p = e as { errors?: { path: string; message: string }[] };
      return setError(p.errors?.length ? p.errors.map((x) => `${dates[Number(x.path.split('.').pop())] ?? x.path}: ${x.message}`).join('; ') : problemText(e));
    }
    setText(data.dates.join('\n'));
    setMessage(t('admin.holidays.saved', { n: data.dates.length, year }));
  };

  return (
    <section aria-labelledby="hol-h">
      <h1 id="hol-h">{t('admin.holidays.title')}</h1>
      <p>{t('admin.holidays.help')}</p>
      <form class="card" onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <div class="field">
          <label for="h-year">{t('admin.holidays.year')}</label>
          <input id="h-year" type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(Number(e.currentTarget.value))} />
        </div>
        <div class="field">
          <label for="h-dates">{t('admin.holidays.dates')}</label>
          <textarea id="h-dates" rows={12} value={text} aria-describedby="h-count" onInput={(e) => setText(e.currentTarget.value)} />
          <p id="h-count" class="hint">{tn('admin.holidays.count', dates.length)}</p>
        </div>
        {message && <p role="status" class="ok">{message}</p>}
        {error && <p role="alert" class="error">{error}</p>}
        <button type="submit" class="primary">{t('form.save')}</button>
      </form>
    </section>
  );
}
