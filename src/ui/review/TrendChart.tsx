/** The ratio over 12 weeks as SVG bars against the target line, with a table alternative that opens each week. */
import { pointsBand, type TrendWeek } from '../../core/week-summary.ts';
import { bandLabel, formatNumber, t } from '../../shared/i18n.ts';
import { ratioText, shortWeekLabel } from './format.ts';

const W = 720;
/** Room on the right for the target line's label, so that no bar covers it. */
const LABEL = 84;
const H = 200;
const BASE = 170;
const TOP = 10;

export function TrendChart({ trend, target, selected, onOpen, hide = false }: {
  trend: TrendWeek[]; target: number; selected: string; onOpen(week: string): void; hide?: boolean;
}) {
  const reading = (w: TrendWeek): string => (hide ? bandLabel(pointsBand(w, target)) : ratioText(w.ratio, w.give));
  // Weeks with giving and no taking have no ratio; they are drawn full height, marked ✓.
  const ceiling = Math.max(target * 1.5, ...trend.map((w) => w.ratio ?? 0), 1);
  const scale = (BASE - TOP) / ceiling;
  const step = (W - LABEL) / trend.length;
  const targetY = BASE - target * scale;
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={hide ? t('reviewTrendLabelHidden') : t('reviewTrendLabel', formatNumber(target))} data-testid="trend-chart">
        <line x1="0" x2={W - LABEL} y1={BASE} y2={BASE} class="axis" />
        {trend.map((w, i) => {
          const value = w.ratio ?? (w.give > 0 ? ceiling : 0);
          const h = value * scale;
          return (
            <g key={w.week}>
              {h > 0 && (
                <rect
                  x={i * step + step * 0.2} y={BASE - h} width={step * 0.6} height={h} rx={2}
                  class={`trend-bar${w.ratio !== null && w.ratio < target ? ' below' : ''}${w.week === selected ? ' selected' : ''}`}
                >
                  <title>{`${shortWeekLabel(w.week)}: ${reading(w)}`}</title>
                </rect>
              )}
              <text x={i * step + step / 2} y={H - 8} text-anchor="middle" class="label">{shortWeekLabel(w.week)}</text>
            </g>
          );
        })}
        <line x1="0" x2={W - LABEL + 4} y1={targetY} y2={targetY} class="target-line" />
        <text x={W - LABEL + 8} y={targetY + 4} class="label">{hide ? t('reviewTargetMarkHidden') : t('reviewTargetMark', formatNumber(target))}</text>
      </svg>
      <details>
        <summary>{t('reviewShowTable')}</summary>
        <table class="data" data-testid="trend-table">
          <thead>
            <tr>
              <th scope="col">{t('reviewWeek')}</th>
              {!hide && <><th scope="col">{t('giveColumn')}</th><th scope="col">{t('takeColumn')}</th></>}
              <th scope="col">{hide ? t('reviewBalance') : t('reviewRatio')}</th>
            </tr>
          </thead>
          <tbody>
            {[...trend].reverse().map((w) => (
              <tr key={w.week} aria-current={w.week === selected ? 'true' : undefined}>
                <th scope="row">
                  <a href={`?week=${w.week}`} onClick={(e) => { e.preventDefault(); onOpen(w.week); }}>{shortWeekLabel(w.week)}</a>
                </th>
                {!hide && <><td>{formatNumber(w.give)}</td><td>{formatNumber(w.take)}</td></>}
                <td>{reading(w)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
