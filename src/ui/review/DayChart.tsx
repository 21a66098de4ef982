/** Per-day give and take of one week as stacked SVG bars (give left, take right), with a table alternative. */
import { bandLabel, formatNumber, t } from '../../shared/i18n.ts';
import { GIVE_STACKS, pointsBand, TAKE_STACKS, type DayFigures, type Stack } from '../../core/week-summary.ts';
import { dayLabel } from './format.ts';

const W = 700;
const H = 220;
const BASE = 190;
const TOP = 12;

function Bar({ x, stacks, day, scale, hide }: { x: number; stacks: readonly Stack[]; day: DayFigures; scale: number; hide: boolean }) {
  let y = BASE;
  return (
    <g>
      {stacks.map((stack) => {
        const h = day.points[stack] * scale;
        if (h <= 0) return null;
        y -= h;
        return (
          <rect key={stack} class={`stack-${stack}`} x={x} y={y} width={28} height={h} rx={2}>
            <title>{`${dayLabel(day.day, 'long')}: ${t(`reviewStack_${stack}`)}${hide ? '' : ` ${formatNumber(day.counts[stack])}`}`}</title>
          </rect>
        );
      })}
    </g>
  );
}

export function Legend({ stacks }: { stacks: readonly Stack[] }) {
  return (
    <ul class="legend" aria-hidden="true">
      {stacks.map((s) => <li key={s}><span class={`swatch stack-${s}`} />{t(`reviewStack_${s}`)}</li>)}
    </ul>
  );
}

/** With `hide` (hide-numbers mode) the bars keep their shapes but no figure is written, and the table gives bands. */
export function DayChart({ days, target, hide = false }: { days: DayFigures[]; target: number; hide?: boolean }) {
  const max = Math.max(1, ...days.map((d) => Math.max(d.give, d.take)));
  const scale = (BASE - TOP) / max;
  const summary = hide
    ? t('reviewDayChartLabelHidden')
    : t('reviewDayChartLabel', [formatNumber(days.reduce((s, d) => s + d.give, 0)), formatNumber(days.reduce((s, d) => s + d.take, 0))]);
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} data-testid="day-chart">
        <line x1="0" x2={W} y1={BASE} y2={BASE} class="axis" />
        {days.map((day, i) => (
          <g key={day.day} data-day={day.day}>
            <Bar x={i * 100 + 18} stacks={GIVE_STACKS} day={day} scale={scale} hide={hide} />
            <Bar x={i * 100 + 52} stacks={TAKE_STACKS} day={day} scale={scale} hide={hide} />
            <text x={i * 100 + 50} y={H - 8} text-anchor="middle" class="label">{dayLabel(day.day)}</text>
          </g>
        ))}
      </svg>
      <figcaption>
        <Legend stacks={[...GIVE_STACKS, ...TAKE_STACKS]} />
      </figcaption>
      <details>
        <summary>{t('reviewShowTable')}</summary>
        {hide ? (
          <table class="data" data-testid="day-table">
            <caption class="visually-hidden">{summary}</caption>
            <thead><tr><th scope="col">{t('reviewDay')}</th><th scope="col">{t('reviewBalance')}</th></tr></thead>
            <tbody>
              {days.map((day) => (
                <tr key={day.day}><th scope="row">{dayLabel(day.day, 'long')}</th><td>{bandLabel(pointsBand(day, target))}</td></tr>
              ))}
            </tbody>
          </table>
        ) : (
          <table class="data" data-testid="day-table">
            <caption class="visually-hidden">{summary}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reviewDay')}</th>
                {[...GIVE_STACKS, ...TAKE_STACKS].map((s) => <th key={s} scope="col">{t(`reviewStack_${s}`)}</th>)}
                <th scope="col">{t('giveColumn')}</th>
                <th scope="col">{t('takeColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {days.map((day) => (
                <tr key={day.day}>
                  <th scope="row">{dayLabel(day.day, 'long')}</th>
                  {[...GIVE_STACKS, ...TAKE_STACKS].map((s) => <td key={s}>{formatNumber(day.counts[s])}</td>)}
                  <td>{formatNumber(day.give)}</td>
                  <td>{formatNumber(day.take)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </details>
    </figure>
  );
}
