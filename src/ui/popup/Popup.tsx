/** The toolbar popup: balance, what is owed, today and this week, per site, and capture health. */
import { bandOf, computeBalance, type Balance, type WindowTotals } from '../../core/balance.ts';
import { ext } from '../../shared/extension-api.ts';
import { bandLabel, formatDateTime, formatNumber, platformName, t } from '../../shared/i18n.ts';
import type { Platform } from '../../shared/events.ts';
import type { PlatformHealth } from '../../shared/health.ts';
import { BalanceRing } from '../components/BalanceRing.tsx';
import { useStoredState, type StoredState } from '../components/use-stored-state.ts';
import { RecentPosts } from './RecentPosts.tsx';
import { SiteAccess } from './SiteAccess.tsx';

function Totals({ label, totals }: { label: string; totals: WindowTotals }) {
  return (
    <div class="totals">
      <h2>{label}</h2>
      <p>
        <span class="give" data-testid="give">{t('given', formatNumber(totals.give))}</span>
        {' · '}
        <span class="take" data-testid="take">{t('taken', formatNumber(totals.take))}</span>
        {totals.promoPosts > 0 && <span class="muted"> {t('promotionalCount', String(totals.promoPosts))}</span>}
      </p>
      {totals.genericReplies > 0 && (
        <p class="muted generic" data-testid="generic">
          {totals.genericReplies === 1 ? t('genericRepliesOne') : t('genericRepliesCount', formatNumber(totals.genericReplies))}
        </p>
      )}
    </div>
  );
}

function Verdict({ balance, hideNumbers }: { balance: Balance; hideNumbers: boolean }) {
  const { give, take } = balance.week;
  if (give === 0 && take === 0) return <p class="verdict" data-testid="verdict">{t('verdictEmpty')}</p>;
  if (balance.met) return <p class="verdict met" data-testid="verdict">{t('verdictMet')}</p>;
  if (hideNumbers) {
    return <p class="verdict owed" data-testid="verdict">{`${bandLabel(bandOf(balance))}. ${t('verdictHiddenOwed')}`}</p>;
  }
  return (
    <p class="verdict owed" data-testid="verdict">
      {balance.owed === 1 ? t('verdictOwedOne') : t('verdictOwed', String(balance.owed))}
    </p>
  );
}

function HealthLine({ health }: { health: PlatformHealth }) {
  const name = platformName(health.platform);
  if (health.state === 'ok') return <li data-testid={`health-${health.platform}`}>{t('healthOk', name)}</li>;
  return (
    <li class="notice" data-testid={`health-${health.platform}`}>
      {t('healthDegraded', [name, formatDateTime(health.since)])}
      {health.problem && <span class="muted detail"> ({health.problem.detail})</span>}
    </li>
  );
}

export function Popup({ initial, now }: { initial: StoredState; now: number }) {
  const { settings, snapshot } = useStoredState(initial);
  const balance = computeBalance(snapshot.tallies, settings, now);
  const platforms = Object.entries(balance.perPlatform) as [Platform, WindowTotals][];
  const health = Object.values(snapshot.health).filter((h): h is PlatformHealth => !!h);
  return (
    <main>
      <header class="head">
        <BalanceRing balance={balance} hideNumbers={settings.hideNumbers} />
        <div>
          <h1>{t('extName')}</h1>
          <Verdict balance={balance} hideNumbers={settings.hideNumbers} />
          {!settings.hideNumbers && <p class="muted target">{t('targetLine', formatNumber(settings.target))}</p>}
        </div>
      </header>
      {snapshot.nudge?.snoozedUntil !== undefined && snapshot.nudge.snoozedUntil > now && (
        <p class="muted" data-testid="snoozed">{t('nudgeSnoozedUntil', formatDateTime(snapshot.nudge.snoozedUntil))}</p>
      )}
      {snapshot.writeError && <p class="notice error" role="alert">{t('writeError', snapshot.writeError)}</p>}
      {!settings.hideNumbers && (
        <section class="windows" aria-label={t('windowsLabel')}>
          <Totals label={t('today')} totals={balance.today} />
          <Totals label={t('last7Days')} totals={balance.week} />
        </section>
      )}
      {platforms.length > 0 && !settings.hideNumbers && (
        <section aria-labelledby="per-site">
          <h2 id="per-site">{t('perSite')}</h2>
          <table class="sites">
            <thead>
              <tr><th scope="col">{t('site')}</th><th scope="col">{t('giveColumn')}</th><th scope="col">{t('takeColumn')}</th></tr>
            </thead>
            <tbody>
              {platforms.map(([platform, totals]) => (
                <tr key={platform} data-testid={`site-${platform}`}>
                  <th scope="row">{platformName(platform)}</th>
                  <td>{formatNumber(totals.give)}</td>
                  <td>{formatNumber(totals.take)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <RecentPosts now={now} hideNumbers={settings.hideNumbers} />
      <SiteAccess />
      {health.length > 0 && (
        <section aria-labelledby="health">
          <h2 id="health">{t('captureHealth')}</h2>
          <ul class="health">{health.map((h) => <HealthLine key={h.platform} health={h} />)}</ul>
        </section>
      )}
      <nav class="links">
        <a href={ext().runtime.getURL('src/ui/review/index.html')} target="_blank" rel="noopener">{t('reviewLink')}</a>
        <a href={ext().runtime.getURL('src/ui/options/index.html')} target="_blank" rel="noopener">{t('openSettings')}</a>
      </nav>
    </main>
  );
}
