// The stories per month as bars: months are "YYYY-MM" (UTC) in the statistics, the labels in the UI language.
import type { Bar } from './charts';

/// Every month from the first to the last with stories, so that quiet months show as gaps, oldest first.
export function monthBars(counts: { value: string; count: number }[], format: Intl.DateTimeFormat): Bar[] {
  if (!counts.length) return [];
  const byMonth = new Map(counts.map((entry) => [entry.value, entry.count]));
  const sorted = [...byMonth.keys()].sort();
  const [firstYear, firstMonth] = sorted[0].split('-').map(Number);
  const [lastYear, lastMonth] = sorted[sorted.length - 1].split('-').map(Number);
  const bars: Bar[] = [];
  for (let year = firstYear, month = firstMonth; year < lastYear || (year === lastYear && month <= lastMonth); ) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    bars.push({ label: format.format(Date.UTC(year, month - 1, 1)), count: byMonth.get(key) ?? 0 });
    month = month === 12 ? 1 : month + 1;
    year = month === 1 ? year + 1 : year;
  }
  return bars;
}
