// The dashboard: how many stories the user may see, by status, country (chart and map), partner, theme and month.
// Loaded on demand (its own chunk with the world map), so the rest of the app does not carry it.
import { useEffect, useState } from 'preact/hooks';
import type { Status } from '../api';
import { ErrorMessage, Loading, statusLabel } from '../components';
import { countryName, dataLanguage, t } from '../i18n';
import { tagVocabulary, templateLabel } from '../story/template_labels';
import { BarChart, TimeChart } from './charts';
import { monthBars } from './months';
import { statisticsApi, type Statistics } from './statistics_api';
import { WorldMap } from './WorldMap';

export function Dashboard() {
  const [statistics, setStatistics] = useState<Statistics | null>(null);
  const [tagLabels, setTagLabels] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    statisticsApi.statistics().then(setStatistics, setError);
    statisticsApi.templates().then(
      ({ templates }) =>
        setTagLabels(
          new Map(templates.flatMap((template) => tagVocabulary(template)).map((tag) => [tag.key, templateLabel(tag.label)])),
        ),
      () => undefined,
    );
  }, []);

  if (error) {
    return <ErrorMessage error={error} />;
  }
  if (!statistics) {
    return <Loading />;
  }
  const { counts } = statistics;
  return (
    <section aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">{t('app-dashboard-title')}</h1>
      <p class="dashboard-total" role="status">
        {t('app-dashboard-total', { count: statistics.total })}
      </p>
      <div class="dashboard">
        <BarChart
          id="status"
          title={t('app-dashboard-by-status')}
          bars={counts.status.map((entry) => ({ label: statusLabel(entry.value as Status), count: entry.count }))}
        />
        <TimeChart
          id="month"
          title={t('app-dashboard-by-month')}
          bars={monthBars(counts.month, new Intl.DateTimeFormat(dataLanguage, { month: 'short', year: '2-digit', timeZone: 'UTC' }))}
        />
        <WorldMap counts={counts.country} places={counts.place ?? []} />
        <BarChart
          id="country"
          title={t('app-dashboard-by-country')}
          bars={counts.country.map((entry) => ({ label: countryName(entry.value), count: entry.count }))}
        />
        <BarChart
          id="locality"
          title={t('app-dashboard-by-locality')}
          bars={(counts.locality ?? []).map((entry) => ({ label: entry.value, count: entry.count }))}
        />
        <BarChart
          id="partner"
          title={t('app-dashboard-by-partner')}
          bars={counts.partner_ngo.map((entry) => ({ label: entry.value, count: entry.count }))}
        />
        <BarChart
          id="theme"
          title={t('app-dashboard-by-theme')}
          bars={counts.tag.map((entry) => ({ label: tagLabels.get(entry.value) ?? entry.value, count: entry.count }))}
        />
      </div>
      <p class="muted">{t('app-dashboard-month-note')}</p>
    </section>
  );
}
