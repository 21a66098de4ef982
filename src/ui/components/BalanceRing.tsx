/** The balance at a glance: a ring that fills as giving reaches the target, with the ratio inside. */
import { bandLabel, formatNumber, t } from '../../shared/i18n.ts';
import { bandOf, type Balance } from '../../core/balance.ts';

const R = 42;
const C = 2 * Math.PI * R;

export function BalanceRing({ balance, hideNumbers = false }: { balance: Balance; hideNumbers?: boolean }) {
  const { give, take } = balance.week;
  const needed = balance.target * take;
  const share = needed > 0 ? Math.min(1, give / needed) : give > 0 ? 1 : 0;
  const bandText = bandLabel(bandOf(balance));
  // In "hide numbers" mode the ring keeps its shape (a rough sense of progress) but no figure is shown.
  const center = hideNumbers ? '' : balance.ratio === null ? (give > 0 ? '✓' : '–') : `${formatNumber(balance.ratio)} : 1`;
  const label = hideNumbers ? bandText : t('ringLabel', [formatNumber(give), formatNumber(take), formatNumber(balance.target)]);
  return (
    <svg class="ring" viewBox="0 0 100 100" width="112" height="112" role="img" aria-label={label}>
      <circle cx="50" cy="50" r={R} fill="none" stroke="var(--border)" stroke-width="10" />
      <circle
        cx="50" cy="50" r={R} fill="none" stroke={balance.met ? 'var(--give)' : 'var(--take)'} stroke-width="10"
        stroke-linecap="round" stroke-dasharray={`${C * share} ${C}`} transform="rotate(-90 50 50)"
      />
      {hideNumbers ? (
        <text x="50" y="54" text-anchor="middle" font-size="11" font-weight="700" fill="var(--text)">{bandText}</text>
      ) : (
        <>
          <text x="50" y="49" text-anchor="middle" font-size="17" font-weight="700" fill="var(--text)">{center}</text>
          <text x="50" y="66" text-anchor="middle" font-size="9" fill="var(--muted)">{t('ringCaption')}</text>
        </>
      )}
    </svg>
  );
}
