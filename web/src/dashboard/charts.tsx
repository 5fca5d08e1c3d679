// Hand-made SVG charts. Each is a figure whose picture has a text alternative (role="img" with a label that says
// what it shows) and whose numbers are also a table, for screen readers and for anyone who wants the figures.
import type { ComponentChildren } from 'preact';
import { t } from '../i18n';

export interface Bar {
  label: string;
  count: number;
}

function FiguresTable({ caption, bars }: { caption: string; bars: Bar[] }) {
  return (
    <details class="chart-figures">
      <summary>{t('app-dashboard-figures')}</summary>
      <table>
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('app-dashboard-value')}</th>
            <th scope="col">{t('app-dashboard-count')}</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((bar) => (
            <tr>
              <th scope="row" data-user-content>
                {bar.label}
              </th>
              <td>{bar.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

const summary = (bars: Bar[]) => bars.map((bar) => `${bar.label}: ${bar.count}`).join(', ');

/// What every chart has around its drawing: its title, a word when there is nothing to draw, and the figures
/// as a table.
function ChartFrame({ id, title, bars, children }: { id: string; title: string; bars: Bar[]; children: ComponentChildren }) {
  return (
    <figure class="chart panel" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} class="chart-title">
        {title}
      </figcaption>
      {bars.length ? children : <p class="muted">{t('app-dashboard-empty')}</p>}
      {bars.length ? <FiguresTable caption={title} bars={bars} /> : null}
    </figure>
  );
}

/// Horizontal bars, most frequent first: for statuses, countries, partners, themes.
export function BarChart({ id, title, bars }: { id: string; title: string; bars: Bar[] }) {
  const rowHeight = 26;
  const width = 320;
  const labelWidth = 140;
  const countWidth = 34;
  const largest = Math.max(1, ...bars.map((bar) => bar.count));
  const height = Math.max(1, bars.length) * rowHeight;
  return (
    <ChartFrame id={id} title={title} bars={bars}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={t('app-dashboard-chart-summary', { title, summary: summary(bars) })}
        class="bar-chart"
        data-chart={id}
      >
        {bars.map((bar, index) => {
          const y = index * rowHeight;
          const length = ((width - labelWidth - countWidth) * bar.count) / largest;
          return (
            <g data-user-content data-value={bar.label} data-count={bar.count}>
              <text x={labelWidth - 6} y={y + rowHeight / 2 + 4} text-anchor="end" class="chart-label">
                {/* Short enough for the label column in any letters; the whole name is in the table below. */}
                {bar.label.length > 18 ? `${bar.label.slice(0, 17)}…` : bar.label}
              </text>
              <rect x={labelWidth} y={y + 4} width={Math.max(length, 1)} height={rowHeight - 8} rx="2" class="bar" />
              <text x={labelWidth + length + 4} y={y + rowHeight / 2 + 4} class="chart-count">
                {bar.count}
              </text>
            </g>
          );
        })}
      </svg>
    </ChartFrame>
  );
}

/// Vertical bars in time order: stories per month.
export function TimeChart({ id, title, bars }: { id: string; title: string; bars: Bar[] }) {
  const width = 320;
  const height = 160;
  const bottom = 28;
  const top = 16;
  const largest = Math.max(1, ...bars.map((bar) => bar.count));
  // Bars no wider than a thumb: a few months do not make a wall.
  const step = Math.min(48, bars.length ? width / bars.length : width);
  // A label under every bar while they fit, else under every few.
  const every = Math.max(1, Math.ceil(bars.length / 6));
  return (
    <ChartFrame id={id} title={title} bars={bars}>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t('app-dashboard-chart-summary', { title, summary: summary(bars) })} data-chart={id}>
        <line x1="0" x2={width} y1={height - bottom} y2={height - bottom} class="axis" />
        {bars.map((bar, index) => {
          const barHeight = ((height - bottom - top) * bar.count) / largest;
          const x = index * step;
          return (
            <g data-user-content data-value={bar.label} data-count={bar.count}>
              <rect
                x={x + step * 0.15}
                y={height - bottom - barHeight}
                width={step * 0.7}
                height={barHeight}
                rx="2"
                class="bar"
              />
              <text x={x + step / 2} y={height - bottom - barHeight - 3} text-anchor="middle" class="chart-count">
                {bar.count}
              </text>
              {index % every === 0 ? (
                <text x={x + step / 2} y={height - 10} text-anchor="middle" class="chart-label">
                  {bar.label}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
    </ChartFrame>
  );
}
