/**
 * The benchmark's own X home-timeline replica, generated in code. Like X's web client it is a small
 * HTML shell whose script renders the timeline from data (here inlined as JSON), with the markup the
 * X adapter relies on (platforms.md §1.A): `[data-testid="cellInnerDiv"] > article[data-testid="tweet"]`,
 * `[data-testid="User-Name"]`, the permalink `a[href="/<handle>/status/<id>"]` wrapping `<time>`, and
 * `[data-testid="like"]`/`unlike` in the `[role="group"]` action bar. The page script also:
 *
 * - sends X's GraphQL mutation as XHR when a like button is clicked
 *   (`POST /i/api/graphql/<qid>/FavoriteTweet` with `{"variables":{"tweet_id":"…"},"queryId":"…"}`) and
 *   flips like→unlike only on a 200, recording the request's round trip in `window.__bench.rtt` (ms) and
 *   when its answer arrived in `window.__bench.answeredAt` (Date.now(), where the extension's work begins);
 * - fetches the "next page" (`GET …/HomeTimeline`) for every 200 posts scrolled past, like X's infinite
 *   timeline, so the page tap's fetch wrapper is exercised on its cheap path too.
 *
 * Rendering from script in one go (rather than parsing a 1 MB HTML document, whose incremental
 * layouts depend on timing) keeps the page's own main-thread work repeatable from run to run.
 */
import { rng } from './stats.ts';

export const FAVORITE_QID = 'lI07N6Otwv1PhnEgXILM7A';
export const UNFAVORITE_QID = 'ZYKSe-w7KEslx3JhSIk5LA';
export const TIMELINE_QID = 'HJFjzBgCs16TqxewQOeLNg';
export const OWN_HANDLE = 'benchuser';
export const FIRST_POST_ID = 1_900_000_000_000_000_000n;

export function postId(index: number): string {
  return String(FIRST_POST_ID + BigInt(index));
}

const WORDS = (
  'the of and to in is you that it he was for on are as with his they at be this have from or one had by word but not ' +
  'what all were we when your can said there use an each which she do how their if will up other about out many then ' +
  'them these so some her would make like him into time has look two more write go see number no way could people'
).split(' ');

/** One post as the page script receives it: [handle, id, ISO time, text, avatar hue, replies, reposts, likes]. */
type PostData = [string, string, string, string, number, number, number, number];

function postData(index: number, random: () => number, now: number): PostData {
  const handle = `user${Math.floor(random() * 900)}`;
  const words = 8 + Math.floor(random() * 40);
  const text: string[] = [];
  for (let w = 0; w < words; w++) text.push(WORDS[Math.floor(random() * WORDS.length)] ?? 'x');
  return [
    handle, postId(index), new Date(now - index * 97_000).toISOString(), text.join(' '), Math.floor(random() * 360),
    Math.floor(random() * 50), Math.floor(random() * 80), Math.floor(random() * 400),
  ];
}

/** The page's own script (a classic inline script in the page's MAIN world). */
function appScript(posts: PostData[]): string {
  // `<` is escaped so no post text can close the script element.
  const data = JSON.stringify(posts).replace(/</g, '\\u003c');
  return `
(() => {
  const POSTS = ${data};
  const bench = (window.__bench = { rtt: [], answeredAt: [], pagesLoaded: 0 });
  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    node.append(...children);
    return node;
  };
  const action = (testid, label, icon, n) =>
    el('button', { type: 'button', 'data-testid': testid, 'aria-label': label }, icon + ' ', el('span', {}, String(n)));
  const timeline = document.getElementById('timeline');
  const frag = document.createDocumentFragment();
  POSTS.forEach(([handle, id, at, text, hue, replies, reposts, likes], i) => {
    frag.append(el('div', { 'data-testid': 'cellInnerDiv', class: 'cell' },
      el('article', { 'data-testid': 'tweet', role: 'article', tabindex: '0', class: 'tweet' },
        el('div', { class: 'avatar', style: 'background:hsl(' + hue + ' 60% 55%)' }),
        el('div', { class: 'body' },
          el('div', { 'data-testid': 'User-Name', class: 'names' },
            el('a', { href: '/' + handle, role: 'link' }, el('b', {}, 'User ' + handle.slice(4))), ' ',
            el('a', { href: '/' + handle, role: 'link', class: 'muted' }, '@' + handle), ' · ',
            el('a', { href: '/' + handle + '/status/' + id, role: 'link', class: 'muted' }, el('time', { datetime: at }, (i + 1) + 'm'))),
          el('div', { 'data-testid': 'tweetText', lang: 'en', class: 'text' }, text),
          el('div', { role: 'group', class: 'actions', 'aria-label': 'actions' },
            action('reply', 'Reply', '💬', replies), action('retweet', 'Repost', '🔁', reposts),
            action('like', 'Like', '♡', likes), el('button', { type: 'button', 'data-testid': 'bookmark', 'aria-label': 'Bookmark' }, '🔖'))))));
  });
  timeline.append(frag);

  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('[data-testid="like"], [data-testid="unlike"]') : null;
    if (!button) return;
    const article = button.closest('article[data-testid="tweet"]');
    const link = article && article.querySelector('a[href*="/status/"]:has(time)');
    const id = link ? link.getAttribute('href').split('/').pop() : null;
    if (!id) return;
    const liking = button.getAttribute('data-testid') === 'like';
    const op = liking ? 'FavoriteTweet' : 'UnfavoriteTweet';
    const qid = liking ? '${FAVORITE_QID}' : '${UNFAVORITE_QID}';
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/i/api/graphql/' + qid + '/' + op);
    xhr.setRequestHeader('content-type', 'application/json');
    const started = performance.now();
    xhr.addEventListener('load', () => {
      bench.rtt.push(performance.now() - started);
      bench.answeredAt.push(Date.now());
      if (xhr.status !== 200) return;
      button.setAttribute('data-testid', liking ? 'unlike' : 'like');
      button.setAttribute('aria-label', liking ? 'Liked' : 'Like');
      const n = button.querySelector('span');
      if (n) n.textContent = String(Number(n.textContent) + (liking ? 1 : -1));
    });
    xhr.send(JSON.stringify({ variables: { tweet_id: id }, queryId: qid }));
  });

  // Infinite-timeline behaviour: one GET per 200 posts scrolled past.
  let requested = 0;
  window.addEventListener('scroll', () => {
    const cells = timeline.children;
    const passed = Math.floor((cells.length * window.scrollY) / Math.max(1, document.documentElement.scrollHeight) / 200);
    while (requested < passed) {
      requested++;
      fetch('/i/api/graphql/${TIMELINE_QID}/HomeTimeline?variables=' + encodeURIComponent(JSON.stringify({ cursor: requested })))
        .then((r) => r.json())
        .then(() => { bench.pagesLoaded++; }, () => undefined);
    }
  }, { passive: true });
})();`;
}

export function xTimelineHtml(posts: number, seed = 7, now = Date.now()): string {
  const random = rng(seed);
  const data: PostData[] = [];
  for (let i = 0; i < posts; i++) data.push(postData(i, random, now));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Home / X</title>
<style>
  body { margin: 0; font: 15px/1.35 system-ui, sans-serif; background: #fff; color: #0f1419; }
  .layout { display: flex; justify-content: center; }
  nav { width: 240px; position: sticky; top: 0; height: 100vh; padding: 12px; box-sizing: border-box; }
  nav a { display: block; padding: 10px; color: inherit; text-decoration: none; font-size: 18px; }
  main { width: 600px; border-left: 1px solid #eff3f4; border-right: 1px solid #eff3f4; }
  .cell { border-bottom: 1px solid #eff3f4; }
  .tweet { display: flex; gap: 10px; padding: 12px 16px; }
  .avatar { width: 40px; height: 40px; border-radius: 50%; flex: none; }
  .body { flex: 1; min-width: 0; }
  .names a { color: inherit; text-decoration: none; }
  .muted { color: #536471 !important; }
  .text { margin: 2px 0 8px; white-space: pre-wrap; }
  .actions { display: flex; justify-content: space-between; max-width: 425px; }
  .actions button { background: none; border: 0; color: #536471; cursor: pointer; font: inherit; padding: 4px 8px; }
  .actions button[data-testid="unlike"] { color: #f91880; }
</style></head>
<body><div id="react-root"><div class="layout">
<nav role="navigation"><a href="/home" data-testid="AppTabBar_Home_Link">Home</a><a href="/explore">Explore</a>
<a href="/${OWN_HANDLE}" data-testid="AppTabBar_Profile_Link" aria-label="Profile">Profile</a></nav>
<main role="main"><div id="timeline" aria-label="Timeline: Your Home Timeline"></div></main></div></div>
<script>${appScript(data)}</script>
</body></html>`;
}
