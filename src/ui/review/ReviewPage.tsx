/** The weekly self-review: reflection first, then the week against the last, by day, site and person, the nudge, the trend. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import {
  addDays, changeOf, pointsBand, weekBounds, weekCsv, type Change, type NudgeFigures, type Person, type Reflection, type WeekFigures,
} from '../../core/week-summary.ts';
import type { Platform } from '../../shared/events.ts';
import { bandLabel, formatNumber, platformName, t } from '../../shared/i18n.ts';
import { PostList } from '../components/PostList.tsx';
import { fetchPeople, fetchPosts, fetchWeekEvents, relabelPost } from './api.ts';
import { DayChart } from './DayChart.tsx';
import { percent, ratioText, weekLabel } from './format.ts';
import { ReflectionForm } from './Reflection.tsx';
import { TrendChart } from './TrendChart.tsx';
import type { ReviewData } from './types.ts';

function Compare({ label, now, before, change, testId }: { label: string; now: string; before: string; change: Change; testId: string }) {
  return (
    <div class="tile" data-testid={testId}>
      <h3>{label}</h3>
      <p class="figure">{now}</p>
      <p class="muted">{t('reviewLastWeekValue', before)}</p>
      <p class={`change change-${change}`}>{t(`reviewChange_${change}`)}</p>
    </div>
  );
}

function PeopleList({ people, testId, hide }: { people: Person[]; testId: string; hide: boolean }) {
  return (
    <table class="data people" data-testid={testId}>
      <thead>
        <tr><th scope="col">{t('reviewPerson')}</th><th scope="col">{t('site')}</th>{!hide && <th scope="col">{t('reviewTimes')}</th>}</tr>
      </thead>
      <tbody>
        {people.map((p) => (
          <tr key={`${p.platform}|${p.author}`}>
            <th scope="row">{p.url ? <a href={p.url} target="_blank" rel="noopener noreferrer">@{p.author}</a> : `@${p.author}`}</th>
            <td>{platformName(p.platform)}</td>
            {!hide && <td>{formatNumber(p.count)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Platforms({ figures, target, hide }: { figures: WeekFigures; target: number; hide: boolean }) {
  const rows = Object.entries(figures.perPlatform) as [Platform, NonNullable<WeekFigures['perPlatform'][Platform]>][];
  const max = Math.max(1, ...rows.map(([, p]) => Math.max(p.give, p.take)));
  return (
    <table class="data platforms" data-testid="platforms">
      <thead>
        <tr>
          <th scope="col">{t('site')}</th><th scope="col">{t('giveColumn')}</th><th scope="col">{t('takeColumn')}</th>
          <th scope="col">{hide ? t('reviewBalance') : t('reviewRatio')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([platform, p]) => (
          <tr key={platform}>
            <th scope="row">{platformName(platform)}</th>
            <td><span class="meter give-meter" style={{ width: `${(p.give / max) * 80}px` }} aria-hidden="true" />{hide ? '' : formatNumber(p.give)}</td>
            <td><span class="meter take-meter" style={{ width: `${(p.take / max) * 80}px` }} aria-hidden="true" />{hide ? '' : formatNumber(p.take)}</td>
            <td>{hide ? bandLabel(pointsBand(p, target)) : ratioText(p.ratio, p.give)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Nudge({ nudge }: { nudge: NudgeFigures }) {
  if (nudge.shown === 0 && nudge.postedAnyway === 0 && nudge.snoozed === 0) return <p class="muted">{t('reviewNudgeNone')}</p>;
  const items: [string, number][] = [
    ['reviewNudgeShown', nudge.shown], ['reviewNudgeHeeded', nudge.heeded],
    ['reviewNudgePostedAnyway', nudge.postedAnyway], ['reviewNudgeSnoozed', nudge.snoozed],
  ];
  return (
    <dl class="nudge-figures" data-testid="nudge">
      {items.map(([key, n]) => <div key={key}><dt>{t(key)}</dt><dd>{formatNumber(n)}</dd></div>)}
    </dl>
  );
}

async function download(week: string): Promise<void> {
  // A link download from the page itself: a Blob URL, no extra permission, nothing leaves the machine.
  const url = URL.createObjectURL(new Blob([weekCsv(await fetchWeekEvents(week))], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `give-first-week-${week}.csv`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ReviewPage({ initial, load }: { initial: ReviewData; load(week: string): Promise<ReviewData> }) {
  const [data, setData] = useState(initial);
  const [reflection, setReflection] = useState<Reflection | undefined>(initial.reflection);
  // Read after the first render: it needs five weeks of events (api.ts, background/review.ts).
  const [people, setPeople] = useState<{ people: Person[]; lapsed: Person[] } | null>(null);
  useEffect(() => {
    let live = true;
    setPeople(null);
    void fetchPeople(data.week).then(
      (found) => {
        if (!live) return;
        setPeople(found);
        // For the benchmark: when the second part of the page (five weeks of events) arrived.
        performance.mark('give-first-review-people');
      },
      () => live && setPeople({ people: [], lapsed: [] }),
    );
    return () => {
      live = false;
    };
  }, [data.week]);
  const open = (week: string): void => {
    void load(week).then((next) => {
      setData(next);
      setReflection(next.reflection);
      history.replaceState(null, '', `?week=${week}`);
    });
  };
  const loadPosts = useCallback(() => {
    const { start, end } = weekBounds(data.week);
    return fetchPosts(start, end);
  }, [data.week]);
  // A relabel moves a post between ordinary and promotional: the week's figures are read again.
  const refreshFigures = (): void => void load(data.week).then(setData);
  const { current, previous } = data;
  const replies = current.days.reduce((n, d) => n + d.counts.replies, 0);
  // Hide-numbers mode (a setting): bands ("balanced", "leaning take") instead of figures throughout.
  const hide = data.hideNumbers;
  const band = (p: { give: number; take: number }): string => bandLabel(pointsBand(p, data.target));
  const empty = current.actions === 0 && previous.actions === 0 && data.trend.every((w) => w.actions === 0);
  const next = addDays(data.week, 7);
  return (
    <main>
      <header class="page-head">
        <h1>{t('reviewTitle')}</h1>
        <nav class="week-nav" aria-label={t('reviewWeekNav')}>
          <button type="button" onClick={() => open(addDays(data.week, -7))}>{t('reviewPrevious')}</button>
          <h2 data-testid="week-label">{weekLabel(data.week, addDays(data.week, 6))}</h2>
          <button type="button" disabled={next > data.thisWeek} onClick={() => open(next)}>{t('reviewNext')}</button>
        </nav>
        {data.partial && <p class="muted" data-testid="partial">{t('reviewPartial')}</p>}
      </header>

      {data.previousReflection && (
        <section class="card" aria-labelledby="last-intention" data-testid="previous-reflection">
          <h2 id="last-intention">{t('reviewLastIntentionTitle')}</h2>
          {data.previousReflection.intention && <blockquote>{data.previousReflection.intention}</blockquote>}
          <p>
            {hide
              ? t('reviewLastTarget', [formatNumber(data.previousReflection.target), band(current)])
              : t('reviewLastTarget', [formatNumber(data.previousReflection.target), ratioText(current.ratio, current.give)])}{' '}
            <strong>{current.take === 0 || (current.ratio ?? 0) >= data.previousReflection.target ? t('reviewTargetMet') : t('reviewTargetMissed')}</strong>
          </p>
        </section>
      )}

      <ReflectionForm
        key={data.week} week={data.week} suggested={data.suggestedTarget}
        {...(reflection ? { saved: reflection } : {})} onSaved={setReflection}
      />

      {empty ? (
        <section class="card" data-testid="empty">
          <h2>{t('reviewEmptyTitle')}</h2>
          <p>{t('reviewEmptyText')}</p>
        </section>
      ) : (
        <>
          <section aria-labelledby="compare-title">
            <h2 id="compare-title">{t('reviewCompareTitle')}</h2>
            {hide ? (
              <div class="tiles">
                <Compare label={t('reviewBalance')} now={band(current)} before={band(previous)} change={data.change.ratio} testId="band" />
              </div>
            ) : (
            <div class="tiles">
              <Compare label={t('reviewGive')} now={formatNumber(current.give)} before={formatNumber(previous.give)} change={data.change.give} testId="give" />
              <Compare label={t('reviewTake')} now={formatNumber(current.take)} before={formatNumber(previous.take)} change={data.change.take} testId="take" />
              <Compare
                label={t('reviewRatio')} now={ratioText(current.ratio, current.give)} before={ratioText(previous.ratio, previous.give)}
                change={data.change.ratio} testId="ratio"
              />
            </div>
            )}
            {current.genericReplies > 0 && !hide && (
              <p class="muted" data-testid="generic-replies">{t('reviewGenericReplies', [formatNumber(current.genericReplies), formatNumber(replies)])}</p>
            )}
          </section>

          <section aria-labelledby="days-title">
            <h2 id="days-title">{t('reviewDaysTitle')}</h2>
            <DayChart days={current.days} target={data.target} hide={hide} />
          </section>

          <div class="columns">
            <section aria-labelledby="sites-title">
              <h2 id="sites-title">{t('reviewSitesTitle')}</h2>
              {current.actions > 0 ? <Platforms figures={current} target={data.target} hide={hide} /> : <p class="muted">{t('reviewNothing')}</p>}
            </section>
            <section aria-labelledby="promo-title" data-testid="promo">
              <h2 id="promo-title">{t('reviewPromoTitle')}</h2>
              {data.promo.share === null ? <p class="muted">{t('reviewNoPosts')}</p> : hide ? (
                <p>{data.promo.share === 0 ? t('reviewPromoHiddenNone') : data.promo.norm === null
                  ? t('reviewPromoHiddenSome') : t(`reviewPromoHidden_${changeOf(data.promo.share, data.promo.norm)}`)}</p>
              ) : (
                <p>{t('reviewPromoShare', [percent(data.promo.share), formatNumber(current.promoPosts), formatNumber(current.posts)])}</p>
              )}
              {data.promo.norm !== null && !hide && <p class="muted">{t('reviewPromoNorm', percent(data.promo.norm))}</p>}
            </section>
          </div>

          <section aria-labelledby="posts-title">
            <h2 id="posts-title">{t('reviewPostsTitle')}</h2>
            <p class="muted">{t('postsLearnHelp')}</p>
            <PostList key={data.week} load={loadPosts} relabel={relabelPost} onChanged={refreshFigures} hideNumbers={hide} testId="week-posts" />
          </section>

          <div class="columns">
            <section aria-labelledby="people-title">
              <h2 id="people-title">{t('reviewPeopleTitle')}</h2>
              {people === null ? <p class="muted" aria-busy="true">{t('reviewLoading')}</p>
                : people.people.length ? <PeopleList people={people.people} testId="people" hide={hide} /> : <p class="muted">{t('reviewNoPeople')}</p>}
            </section>
            <section aria-labelledby="lapsed-title">
              <h2 id="lapsed-title">{t('reviewLapsedTitle')}</h2>
              {people === null ? <p class="muted" aria-busy="true">{t('reviewLoading')}</p>
                : people.lapsed.length ? <PeopleList people={people.lapsed} testId="lapsed" hide={hide} /> : <p class="muted">{t('reviewNoLapsed')}</p>}
            </section>
          </div>

          <section aria-labelledby="nudge-title">
            <h2 id="nudge-title">{t('reviewNudgeTitle')}</h2>
            <Nudge nudge={data.nudge} />
          </section>
        </>
      )}

      <section aria-labelledby="trend-title">
        <h2 id="trend-title">{t('reviewTrendTitle')}</h2>
        <TrendChart trend={data.trend} target={data.target} selected={data.week} onOpen={open} hide={hide} />
      </section>

      <p class="export">
        <button type="button" onClick={() => void download(data.week)} data-testid="export-csv">{t('reviewExportCsv')}</button>{' '}
        <span class="muted">{t('reviewExportHelpAll')}</span>
      </p>
    </main>
  );
}
