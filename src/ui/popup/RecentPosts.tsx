/**
 * The popup's last few own posts, each with its self-promotion label, its reasons and a relabel button.
 * Asked of the background after the first render, so the balance never waits for it.
 */
import { useCallback } from 'preact/hooks';
import { t } from '../../shared/i18n.ts';
import type { PostView } from '../../shared/messages.ts';
import { ask } from '../components/background.ts';
import { PostList } from '../components/PostList.tsx';

/** The popup is small: the last few posts of the week; the review lists all of them. */
const RECENT_POSTS = 5;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

async function relabel(id: string, promotional: boolean): Promise<void> {
  await ask({ type: 'relabel', id, promotional });
}

export function RecentPosts({ now, hideNumbers }: { now: number; hideNumbers: boolean }) {
  // The balance above follows by itself: a relabel republishes the snapshot the popup listens to.
  const load = useCallback(() => ask<PostView[]>({ type: 'posts', from: now - WEEK_MS, to: now + 60_000, limit: RECENT_POSTS }), [now]);
  return (
    <section aria-labelledby="recent-posts">
      <h2 id="recent-posts">{t('recentPostsTitle')}</h2>
      <PostList load={load} relabel={relabel} hideNumbers={hideNumbers} testId="recent-posts" />
    </section>
  );
}
