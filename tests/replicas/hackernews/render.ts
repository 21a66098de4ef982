/**
 * Replica of Hacker News's server-rendered pages (news.ycombinator.com), rendered from a small state so
 * that a vote, a comment or a submission shows on the next page as on the real site. Markup after
 * platforms.md §9.A (refined-hacker-news; H) and HN's pages as served in 2026: table layout in
 * `table#hnmain`, `span.pagetop` with `a#me`, stories `tr.athing.submission` + a subtext row with
 * `span.subline`, `a.hnuser`, `span#unv_<id>`; comments `tr.athing.comtr` with `td.ind`, `td.votelinks`,
 * `span.comhead`, `div.commtext`; forms `form[action="comment"]` (hidden parent, goto, hmac) and
 * `form[action="/r"]` (hidden fnid, fnop; title, url, text); the item page's `fave?id=…&auth=…` link.
 * The user's own stories and comments younger than two hours (HN's edit window) show "edit | delete";
 * "delete" opens `delete-confirm?id=…&goto=…`, a page showing the item over "Do you want this to be
 * deleted?" and a form posting to /xdelete (hidden id, goto, hmac; submits `d` = Yes | No), as in
 * news.arc's del-confirm-page and a 2026 HN client's tests (M). A deleted item is shown to nobody
 * (news.arc `cansee`): lists and threads leave it out (a deleted comment with replies shows "[deleted]"),
 * and its own item page is an ordinary page without it.
 *
 * Variants: `current` (2026); `classic` (HN before 2022: `a.storylink` titles, no `span.subline`, vote
 * arrows with inline `onclick`, the vote cell hidden on voting); `broken` (`tr.athing` renamed, as a
 * redesign would: health must notice). The auth and hmac values are placeholders.
 */
export type Variant = 'current' | 'classic' | 'broken';

export interface HnItem {
  id: number;
  by: string;
  /** Stories. */
  title?: string;
  url?: string;
  /** Comments. */
  text?: string;
  parent?: number;
  /** Seconds ago, for the age line. */
  age: number;
  deleted?: boolean;
}

/** HN's edit (and delete) window for one's own items. */
const EDIT_WINDOW_S = 2 * 3600;
const deletable = (state: HnState, item: HnItem): boolean => item.by === state.me && !item.deleted && item.age < EDIT_WINDOW_S;
const editLinks = (state: HnState, item: HnItem, goto: string): string => (deletable(state, item)
  ? ` | <a href="edit?id=${item.id}">edit</a> | <a href="delete-confirm?id=${item.id}&amp;goto=${encodeURIComponent(goto)}">delete</a>`
  : '');

export interface HnState {
  me: string;
  items: HnItem[];
  votes: Set<number>;
  faves: Set<number>;
  variant: Variant;
}

const AUTH = '7f3a0c1e9b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a';
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const ago = (s: number): string => (s < 3600 ? `${Math.max(1, Math.round(s / 60))} minutes ago` : `${Math.round(s / 3600)} hours ago`);

function page(state: HnState, title: string, body: string): string {
  const athing = state.variant === 'broken' ? 'athing-row' : 'athing';
  const html = `<html lang="en" op="news"${state.variant === 'classic' ? ' data-classic' : ''}><head><meta name="referrer" content="origin"><meta name="viewport" content="width=device-width, initial-scale=1.0"><link rel="stylesheet" type="text/css" href="news.css?hn">
<style>body{font-family:Verdana,Geneva,sans-serif;font-size:10pt;color:#828282}td{font-family:Verdana,Geneva,sans-serif;font-size:10pt;color:#828282}.nosee{visibility:hidden;pointer-events:none;cursor:default}.votearrow{width:10px;height:10px;border:0;margin:3px 2px 6px;background:#999}a:link{color:#000;text-decoration:none}.commtext{color:#000}.hnuser{color:#3c963c}</style>
<link rel="icon" href="y18.svg"><title>${esc(title)}</title></head><body><center><table id="hnmain" border="0" cellpadding="0" cellspacing="0" width="85%" bgcolor="#f6f6ef">
<tr><td bgcolor="#ff6600"><table border="0" cellpadding="0" cellspacing="0" width="100%" style="padding:2px"><tr><td style="width:18px;padding-right:4px"><a href="https://news.ycombinator.com"><img src="y18.svg" width="18" height="18" style="border:1px white solid; display:block"></a></td>
<td style="line-height:12pt; height:10px;"><span class="pagetop"><b class="hnname"><a href="news">Hacker News</a></b>
<a href="newest">new</a> | <a href="front">past</a> | <a href="newcomments">comments</a> | <a href="ask">ask</a> | <a href="show">show</a> | <a href="jobs">jobs</a> | <a href="submit" rel="nofollow">submit</a></span></td>
<td style="text-align:right;padding-right:4px;"><span class="pagetop"><a id="me" href="user?id=${state.me}">${state.me}</a> (<span id="karma">311</span>) | <a id="logout" rel="nofollow" href="logout?auth=${AUTH}&amp;goto=news">logout</a></span></td></tr></table></td></tr>
<tr id="pagespace" title="${esc(title)}" style="height:10px"></tr>
${body}
<tr><td><img src="s.gif" height="10" width="0"><table width="100%" cellspacing="0" cellpadding="1"><tr><td bgcolor="#ff6600"></td></tr></table><br><center><span class="yclinks"><a href="newsguidelines.html">Guidelines</a> | <a href="newsfaq.html">FAQ</a></span></center></td></tr>
</table></center><script type="text/javascript" src="hn.js?hn"></script></body></html>`;
  return html.replace(/class="athing /g, `class="${athing} `);
}

function voteCell(state: HnState, item: HnItem, goto: string): string {
  if (item.by === state.me) return `<td valign="top" class="votelinks"><center><font color="#ff6600">*</font><br><img src="s.gif" height="1" width="14"></center></td>`;
  const voted = state.votes.has(item.id);
  const href = `vote?id=${item.id}&amp;how=up&amp;auth=${AUTH}&amp;goto=${encodeURIComponent(goto)}`;
  if (state.variant === 'classic') {
    return `<td valign="top" class="votelinks${voted ? ' nosee' : ''}"><center><a id="up_${item.id}" onclick="return vote(event, this, &quot;up&quot;)" href="${href}"><div class="votearrow" title="upvote"></div></a></center></td>`;
  }
  return `<td valign="top" class="votelinks"><center><a id="up_${item.id}" class="clicky${voted ? ' nosee' : ''}" href="${href}"><div class="votearrow" title="upvote"></div></a></center></td>`;
}

function unv(state: HnState, item: HnItem, goto: string): string {
  const inner = state.votes.has(item.id) ? ` | <a id="un_${item.id}" class="clicky" href="vote?id=${item.id}&amp;how=un&amp;auth=${AUTH}&amp;goto=${encodeURIComponent(goto)}">unvote</a>` : '';
  return `<span id="unv_${item.id}">${inner}</span>`;
}

function storyRows(state: HnState, item: HnItem, rank: number | null, goto: string, withFave: boolean): string {
  const comments = state.items.filter((c) => c.parent !== undefined && root(state, c) === item.id).length;
  const host = item.url ? new URL(item.url).hostname.replace(/^www\./, '') : '';
  const classic = state.variant === 'classic';
  const titleLink = classic
    ? `<a href="${esc(item.url ?? `item?id=${item.id}`)}" class="storylink">${esc(item.title ?? '')}</a>${host ? `<span class="sitebit comhead"> (<a href="from?site=${host}"><span class="sitestr">${host}</span></a>)</span>` : ''}`
    : `<span class="titleline"><a href="${esc(item.url ?? `item?id=${item.id}`)}">${esc(item.title ?? '')}</a>${host ? `<span class="sitebit comhead"> (<a href="from?site=${host}"><span class="sitestr">${host}</span></a>)</span>` : ''}</span>`;
  const fave = withFave
    ? ` | <a href="fave?id=${item.id}${state.faves.has(item.id) ? '&amp;un=t' : ''}&amp;auth=${AUTH}">${state.faves.has(item.id) ? 'un&#8209;favorite' : 'favorite'}</a>`
    : '';
  const sub = `<span class="score" id="score_${item.id}">${100 + (item.id % 97) + (state.votes.has(item.id) ? 1 : 0)} points</span> by <a href="user?id=${item.by}" class="hnuser">${item.by}</a> <span class="age" title="2026-11-23T10:00:00"><a href="item?id=${item.id}">${ago(item.age)}</a></span> ${unv(state, item, goto)} | <a href="hide?id=${item.id}&amp;auth=${AUTH}&amp;goto=${encodeURIComponent(goto)}" class="clicky hider">hide</a>${fave}${editLinks(state, item, goto)} | <a href="item?id=${item.id}">${comments}&nbsp;comments</a>`;
  return `<tr class="athing submission" id="${item.id}">
  <td align="right" valign="top" class="title"><span class="rank">${rank === null ? '' : `${rank}.`}</span></td>${voteCell(state, item, goto)}<td class="title">${titleLink}</td></tr>
<tr><td colspan="2"></td><td class="subtext">${classic ? sub : `<span class="subline">${sub}</span>`}</td></tr>
<tr class="spacer" style="height:5px"></tr>`;
}

function root(state: HnState, item: HnItem): number {
  let cur: HnItem | undefined = item;
  while (cur?.parent !== undefined) {
    const parentId: number = cur.parent;
    const next = state.items.find((i) => i.id === parentId);
    if (!next) return parentId;
    cur = next;
  }
  return cur?.id ?? item.id;
}

function commentRow(state: HnState, c: HnItem, depth: number, goto: string, withReply: boolean): string {
  if (c.deleted) {
    // Kept only for its replies: no author, no vote, no text.
    return `<tr class="athing comtr" id="${c.id}"><td><table border="0"><tr><td class="ind" indent="${depth}"><img src="s.gif" height="1" width="${depth * 40}"></td><td valign="top" class="votelinks"><center><img src="s.gif" height="1" width="14"></center></td><td class="default"><div style="margin-top:2px; margin-bottom:-10px;"><span class="comhead"> <span class="age" title="2026-11-23T10:00:00"><a href="item?id=${c.id}">${ago(c.age)}</a></span> [deleted]<span class="navs"> | <a href="#${c.parent}" class="clicky" aria-hidden="true">parent</a></span></span></div><br>
<div class="comment"></div></td></tr></table></td></tr>`;
  }
  const text = (c.text ?? '').split(/\n{2,}/).map(esc);
  const body = `${text[0] ?? ''}${text.slice(1).map((p) => `<p>${p}</p>`).join('')}`;
  const reply = withReply ? `<div class="reply"><p><font size="1"><u><a href="reply?id=${c.id}&amp;goto=${encodeURIComponent(`${goto}#${c.id}`)}" rel="nofollow">reply</a></u></font></p></div>` : '';
  return `<tr class="athing comtr" id="${c.id}"><td><table border="0"><tr><td class="ind" indent="${depth}"><img src="s.gif" height="1" width="${depth * 40}"></td>${voteCell(state, c, `${goto}#${c.id}`)}<td class="default"><div style="margin-top:2px; margin-bottom:-10px;"><span class="comhead"><a href="user?id=${c.by}" class="hnuser">${c.by}</a> <span class="age" title="2026-11-23T10:00:00"><a href="item?id=${c.id}">${ago(c.age)}</a></span> ${unv(state, c, `${goto}#${c.id}`)}<span class="navs"> | <a href="#${c.parent}" class="clicky" aria-hidden="true">parent</a>${editLinks(state, c, goto)} <a class="togg clicky" id="${c.id}" n="1" href="javascript:void(0)">[–]</a></span></span></div><br>
<div class="comment"><div class="commtext c00">${body}</div>${reply}</div></td></tr></table></td></tr>`;
}

/** Whether an item is shown: a deleted one only to hold up its replies. */
function shown(state: HnState, item: HnItem): boolean {
  return !item.deleted || state.items.some((c) => c.parent === item.id && shown(state, c));
}

function thread(state: HnState, parent: number, depth: number, goto: string): string {
  return state.items.filter((c) => c.parent === parent && shown(state, c)).sort((a, b) => b.id - a.id)
    .map((c) => commentRow(state, c, depth, goto, true) + thread(state, c.id, depth + 1, goto)).join('\n');
}

export function listPage(state: HnState, which: 'news' | 'newest'): string {
  const stories = state.items.filter((i) => i.title !== undefined && !i.deleted);
  const order = which === 'newest' ? [...stories].sort((a, b) => b.id - a.id) : stories;
  const rows = order.map((s, i) => storyRows(state, s, i + 1, which, false)).join('\n');
  return page(state, which === 'newest' ? 'New Links | Hacker News' : 'Hacker News', `<tr id="bigbox"><td><table border="0" cellpadding="0" cellspacing="0" class="itemlist">${rows}</table></td></tr>`);
}

export function itemPage(state: HnState, id: number): string | null {
  const item = state.items.find((i) => i.id === id);
  if (!item) return null;
  const goto = `item?id=${id}`;
  if (item.deleted && !shown(state, item)) {
    // news.arc: the page is served, but the item is shown to nobody (and takes no comments).
    return page(state, 'Hacker News', `<tr id="bigbox"><td><table class="fatitem" border="0"></table><br><br></td></tr>`);
  }
  if (item.title === undefined) return replyPage(state, id, goto);
  const form = `<tr><td colspan="2"></td><td><form action="comment" method="post"><input type="hidden" name="parent" value="${id}"><input type="hidden" name="goto" value="${goto}"><input type="hidden" name="hmac" value="3c1d9a7e5b2f0c4d6e8a1b3c5d7e9f0a2b4c6d8e"><textarea name="text" rows="8" cols="80" wrap="virtual"></textarea><br><br><input type="submit" value="add comment"></form></td></tr>`;
  return page(state, `${item.title} | Hacker News`, `<tr id="bigbox"><td><table class="fatitem" border="0">${storyRows(state, item, null, goto, true)}${form}</table><br><br><table border="0" class="comment-tree">${thread(state, id, 0, goto)}</table><br><br></td></tr>`);
}

export function replyPage(state: HnState, id: number, goto: string): string | null {
  const item = state.items.find((i) => i.id === id);
  if (!item || item.text === undefined) return null;
  const form = `<form action="comment" method="post"><input type="hidden" name="parent" value="${id}"><input type="hidden" name="goto" value="${esc(goto)}"><input type="hidden" name="hmac" value="9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d"><textarea name="text" rows="8" cols="80" wrap="virtual"></textarea><br><br><input type="submit" value="reply"></form>`;
  return page(state, 'Add Comment | Hacker News', `<tr id="bigbox"><td><table class="fatitem" border="0">${commentRow(state, item, 0, goto, false)}<tr><td colspan="2"></td><td>${form}</td></tr></table></td></tr>`);
}

/** `delete-confirm?id=…&goto=…`: the item, the question, and the form posting to /xdelete. */
export function deleteConfirmPage(state: HnState, id: number, goto: string): string | null {
  const item = state.items.find((i) => i.id === id);
  if (!item || !deletable(state, item)) return null;
  const shownItem = item.title !== undefined ? storyRows(state, item, null, goto, false) : commentRow(state, item, 0, goto, false);
  const form = `<form method="post" action="/xdelete"><input type="hidden" name="id" value="${id}"><input type="hidden" name="goto" value="${esc(goto)}"><input type="hidden" name="hmac" value="5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a3c">Do you want this to be deleted?<br><br><input type="submit" name="d" value="Yes">&nbsp;<input type="submit" name="d" value="No"></form>`;
  return page(state, 'Confirm | Hacker News', `<tr id="bigbox"><td><table class="fatitem" border="0">${shownItem}<tr style="height:20px"></tr><tr><td colspan="2"></td><td>${form}</td></tr></table></td></tr>`);
}

export function submitPage(state: HnState, error = ''): string {
  return page(state, 'Submit | Hacker News', `<tr id="bigbox"><td>${error ? `<p style="color:#000">${esc(error)}</p>` : ''}<form action="/r" method="post"><input type="hidden" name="fnid" value="Kx1q9TzS0mWbV3nLpR7cYd"><input type="hidden" name="fnop" value="submit-page"><script type="text/javascript">function tlen(el) { var n = el.value.length - 80; el.nextSibling.innerText = n > 0 ? n + ' too long' : ''; }</script><table border="0">
<tr><td>title</td><td><input type="text" name="title" value="" size="50" maxlength="80" oninput="tlen(this)" onfocus="tlen(this)"><span style="margin-left:10px"></span></td></tr>
<tr><td>url</td><td><input type="url" name="url" value="" size="50"></td></tr>
<tr><td>text</td><td><textarea name="text" rows="4" cols="49" wrap="virtual"></textarea></td></tr>
<tr><td></td><td><input type="submit" value="submit"></td></tr>
<tr style="height:20px"></tr><tr><td></td><td>Leave url blank to submit a question for discussion. If there is no url, text will appear at the top of the thread. If there is a url, text is optional.</td></tr>
</table></form></td></tr>`);
}

export function favoritesPage(state: HnState): string {
  const rows = state.items.filter((i) => state.faves.has(i.id) && i.title !== undefined).map((s, i) => storyRows(state, s, i + 1, `favorites?id=${state.me}`, false)).join('\n');
  return page(state, `${state.me}'s favorites | Hacker News`, `<tr id="bigbox"><td><table border="0" cellpadding="0" cellspacing="0" class="itemlist">${rows}</table></td></tr>`);
}

/** HN's bare error answer to a refused post (no table layout, as on the real site). */
export function errorPage(message: string): string {
  return `<html lang="en"><head><title>Error</title></head><body>${esc(message)}</body></html>`;
}
