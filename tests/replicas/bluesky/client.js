/*
 * Replica of bsky.app's web client behaviour (the parts Give First listens to), served as the page's own
 * bundle from https://bsky.app/static/js/main.<hash>.js. It knows nothing about the extension.
 *
 * Requests, as social-app and @atproto/api send them (platforms.md §2.B): all XRPC over fetch to the
 * user's PDS (`cfg.pds`, e.g. https://morel.us-east.host.bsky.network), JSON bodies, a Bearer token:
 *   GET  app.bsky.feed.getTimeline / getAuthorFeed, app.bsky.actor.getProfile (what the page shows)
 *   POST com.atproto.repo.createRecord {repo, collection, record}   like, repost, follow
 *   POST com.atproto.repo.deleteRecord {repo, collection, rkey}     unlike, undo repost, unfollow, delete
 *   POST com.atproto.repo.applyWrites  {repo, validate, writes}     new post / reply / quote / thread
 * Likes and reposts are optimistic and go through a toggle queue (useToggleMutationQueue, §0.3): at
 * most one request per post in flight; when it settles, the last wanted state is sent if it differs.
 * On failure the button rolls back and a toast shows.
 *
 * Markup (platforms.md §2.A): react-native-web divs with `data-testid` = social-app testIDs —
 * feedItem-by-<handle> (a link to /profile/<handle>/post/<rkey>), replyBtn, repostBtn (menu items
 * repostDropdownRepostBtn / repostDropdownQuoteBtn), likeBtn with "Like (N likes)" / "Unlike (N likes)",
 * postShareBtn (or shareBtn in the older variant), postDropdownBtn, followBtn / unfollowBtn; the composer
 * dialog with a TipTap `.ProseMirror` editor, ComposerReplyTo, composerPublishBtn ("Publish post" /
 * "Publish reply" / "Publish replies"); Ctrl/Cmd+Enter publishes.
 *
 * Per page an inline script sets window.__REPLICA_BSKY__ = { pds, did, handle, labels, variant }:
 * variant 'current' | 'older' (shareBtn, extra wrappers) | 'broken' (likeBtn renamed: health must complain).
 */
(() => {
  'use strict';
  const cfg = window.__REPLICA_BSKY__;
  const L = cfg.labels;
  const root = document.getElementById('root');
  const XRPC = `${cfg.pds}/xrpc/`;
  // social-app keeps the session here; Give First may read only the DID.
  localStorage.setItem('BSKY_STORAGE', JSON.stringify({
    colorMode: 'system',
    session: { currentAccount: { did: cfg.did, handle: cfg.handle, service: 'https://bsky.social', accessJwt: 'replica.access.jwt', refreshJwt: 'replica.refresh.jwt', pdsUrl: cfg.pds } },
  }));

  const S32 = '234567abcdefghijklmnopqrstuvwxyz';
  let lastTid = 0;
  function tid() {
    let us = Math.max(Date.now() * 1000, lastTid + 1);
    lastTid = us;
    let s = '';
    for (let i = 0; i < 11; i++) { s = S32[us % 32] + s; us = Math.floor(us / 32); }
    return s + 'aa';
  }
  const rkeyOf = (uri) => uri.split('/').pop();
  const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

  async function xrpc(method, body) {
    const init = body === undefined
      ? { method: 'GET', headers: { authorization: 'Bearer replica.access.jwt' } }
      : { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer replica.access.jwt' }, body: JSON.stringify(body) };
    const res = await fetch(XRPC + method, init);
    const json = await res.json().catch(() => ({}));
    if (!res.ok) throw Object.assign(new Error(json.message || `HTTP ${res.status}`), { status: res.status });
    return json;
  }

  function toast(text) {
    const t = document.createElement('div');
    t.setAttribute('data-testid', 'toast');
    t.setAttribute('role', 'alert');
    t.textContent = text;
    document.body.append(t);
    setTimeout(() => t.remove(), 4000);
  }

  const posts = new Map(); // uri → post view (with viewer state)

  // ---- markup ---------------------------------------------------------------------------------
  function controls(p) {
    const liked = !!p.viewer.like;
    const likeId = cfg.variant === 'broken' ? 'likeButton' : 'likeBtn';
    const share = cfg.variant === 'older' ? 'shareBtn' : 'postShareBtn';
    return `<div class="css-175oi2r r-18u37iz r-1wtj0ep" style="display:flex;gap:24px;margin-top:6px">
      <button data-testid="replyBtn" aria-label="${esc(L.reply(p.replyCount))}" role="button">💬 ${p.replyCount}</button>
      <button data-testid="repostBtn" aria-label="${esc(p.viewer.repost ? L.undoRepostLabel(p.repostCount) : L.repostLabel(p.repostCount))}" aria-haspopup="menu">🔁 <span>${p.repostCount}</span></button>
      <button data-testid="${likeId}" aria-label="${esc(liked ? L.unlike(p.likeCount) : L.like(p.likeCount))}" aria-pressed="${liked}">${liked ? '♥' : '♡'} <span>${p.likeCount}</span></button>
      <button data-testid="${share}" aria-label="${esc(L.share)}">⤴</button>
      <button data-testid="postDropdownBtn" aria-label="${esc(L.more)}" aria-haspopup="menu">…</button>
    </div>`;
  }

  function feedItem(p) {
    const href = `/profile/${p.author.handle}/post/${rkeyOf(p.uri)}`;
    const avatar = `https://cdn.bsky.app/img/avatar/plain/${p.author.did}/bafkreiavatar@jpeg`;
    const inner = `<div class="css-175oi2r" style="display:flex;gap:10px">
        <div class="css-175oi2r r-1mlwlqe"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="${avatar}" alt="" width="42" height="42"></div>
        <div class="css-175oi2r r-13awgt0" style="flex:1">
          <div><a href="/profile/${esc(p.author.handle)}" aria-label="${esc(p.author.displayName)}"><b>${esc(p.author.displayName)}</b></a>
            <span>@${esc(p.author.handle)}</span> · <a href="${href}" data-tooltip="${esc(p.indexedAt)}">${esc(L.ago)}</a></div>
          <div data-testid="postText" dir="auto">${esc(p.record.text)}</div>
          ${controls(p)}
        </div></div>`;
    const wrapped = cfg.variant === 'older' ? `<div class="css-175oi2r"><div class="css-175oi2r">${inner}</div></div>` : inner;
    return `<div class="css-175oi2r" data-replica-post="${esc(p.uri)}"><div data-testid="feedItem-by-${esc(p.author.handle)}" role="link" tabindex="0" data-href="${href}" class="css-175oi2r feed-item" style="display:block;padding:12px;border-bottom:1px solid #e5e5e5">${wrapped}</div></div>`;
  }

  function renderPost(p) {
    const old = root.querySelector(`[data-replica-post="${CSS.escape(p.uri)}"]`);
    if (old) old.outerHTML = feedItem(p);
  }

  // ---- likes and reposts: optimistic, queued per post (useToggleMutationQueue) -----------------
  const queues = new Map();
  function toggle(p, kind) {
    const key = `${kind}|${p.uri}`;
    const q = queues.get(key) ?? { busy: false, want: !!p.viewer[kind], server: p.viewer[kind] ?? null };
    queues.set(key, q);
    q.want = !q.want;
    p.viewer[kind] = q.want ? (p.viewer[kind] || 'pending') : undefined;
    p[`${kind}Count`] += q.want ? 1 : -1;
    renderPost(p);
    void flush(p, kind, q);
  }
  async function flush(p, kind, q) {
    if (q.busy) return;
    q.busy = true;
    const collection = kind === 'like' ? 'app.bsky.feed.like' : 'app.bsky.feed.repost';
    try {
      while (q.want !== !!q.server) {
        if (q.want) {
          const res = await xrpc('com.atproto.repo.createRecord', {
            repo: cfg.did, collection,
            record: { $type: collection, subject: { uri: p.uri, cid: p.cid }, createdAt: new Date().toISOString() },
          });
          q.server = res.uri;
        } else {
          await xrpc('com.atproto.repo.deleteRecord', { repo: cfg.did, collection, rkey: rkeyOf(q.server) });
          q.server = null;
        }
      }
      p.viewer[kind] = q.server ?? undefined;
    } catch {
      // Roll back to what the server has.
      p[`${kind}Count`] += (q.server ? 1 : 0) - (q.want ? 1 : 0);
      q.want = !!q.server;
      p.viewer[kind] = q.server ?? undefined;
      renderPost(p);
      toast(L.failed);
    } finally {
      q.busy = false;
    }
  }

  // ---- menus --------------------------------------------------------------------------------------
  function closeMenus() { for (const m of document.querySelectorAll('[data-replica-menu]')) m.remove(); }
  function menu(anchor, items) {
    closeMenus();
    const m = document.createElement('div');
    m.setAttribute('role', 'menu');
    m.setAttribute('data-replica-menu', '');
    m.style.cssText = 'position:absolute;background:#fff;border:1px solid #ccc;padding:4px;z-index:10';
    m.innerHTML = items.map(([id, label]) => `<div role="menuitem" tabindex="0" data-testid="${id}" style="padding:6px 12px;cursor:pointer">${esc(label)}</div>`).join('');
    const r = anchor.getBoundingClientRect();
    m.style.left = `${r.left + scrollX}px`;
    m.style.top = `${r.bottom + scrollY}px`;
    document.body.append(m);
  }

  // ---- composer -------------------------------------------------------------------------------------
  let composer = null;
  function openComposer({ replyTo = null, quote = null } = {}) {
    closeMenus();
    const d = document.createElement('div');
    d.setAttribute('role', 'dialog');
    d.setAttribute('aria-modal', 'true');
    d.setAttribute('aria-label', L.composerLabel);
    d.style.cssText = 'position:fixed;top:60px;left:50%;transform:translateX(-50%);width:560px;background:#fff;border:1px solid #ccc;border-radius:8px;padding:12px;z-index:20';
    const editors = () => [...d.querySelectorAll('.ProseMirror')];
    const label = () => (replyTo ? (editors().length > 1 ? L.publishReplies : L.publishReply) : L.publishPost);
    d.innerHTML = `<div style="display:flex;justify-content:space-between">
        <button data-testid="composerDiscardButton" aria-label="${esc(L.cancel)}">${esc(L.cancel)}</button>
        <button data-testid="composerPublishBtn" aria-label="${esc(label())}" role="button">${esc(replyTo ? L.replyText : L.postText)}</button></div>
      ${replyTo ? `<div class="css-175oi2r composer-reply-to" style="opacity:.8;padding:8px 0"><b>${esc(replyTo.author.displayName)}</b> <span>${esc(replyTo.record.text)}</span></div>` : ''}
      <div class="editors"></div>
      ${quote ? `<div class="css-175oi2r" style="border:1px solid #ddd;padding:6px"><b>${esc(quote.author.displayName)}</b> ${esc(quote.record.text)}</div>` : ''}
      <button data-testid="composerAddPost" aria-label="${esc(L.addPost)}">+</button>`;
    document.body.append(d);
    const addEditor = () => {
      const w = document.createElement('div');
      w.className = 'css-175oi2r';
      w.setAttribute('data-testid', 'composerTextInput');
      w.innerHTML = `<div class="tiptap ProseMirror" contenteditable="true" role="textbox" translate="no" style="min-height:60px;border-bottom:1px solid #eee"></div>`;
      d.querySelector('.editors').append(w);
      d.querySelector('[data-testid="composerPublishBtn"]').setAttribute('aria-label', label());
      w.querySelector('.ProseMirror').focus();
    };
    addEditor();
    composer = { d, replyTo, quote, editors, addEditor };
  }
  function closeComposer() { composer?.d.remove(); composer = null; }

  async function publish() {
    const c = composer;
    if (!c) return;
    const texts = c.editors().map((e) => e.innerText.trim());
    if (!texts[0]) return;
    const writes = [];
    let parent = c.replyTo ? { uri: c.replyTo.uri, cid: c.replyTo.cid } : null;
    const rootRef = c.replyTo ? (c.replyTo.record.reply?.root ?? { uri: c.replyTo.uri, cid: c.replyTo.cid }) : null;
    let threadRoot = rootRef;
    texts.forEach((text, i) => {
      const rkey = tid();
      const value = { $type: 'app.bsky.feed.post', text, createdAt: new Date().toISOString(), langs: ['en'] };
      if (parent) value.reply = { root: threadRoot, parent };
      if (i === 0 && c.quote) value.embed = { $type: 'app.bsky.embed.record', record: { uri: c.quote.uri, cid: c.quote.cid } };
      writes.push({ $type: 'com.atproto.repo.applyWrites#create', collection: 'app.bsky.feed.post', rkey, value });
      const uri = `at://${cfg.did}/app.bsky.feed.post/${rkey}`;
      const ref = { uri, cid: `bafyreplica${rkey}` };
      if (!threadRoot) threadRoot = ref;
      parent = ref;
    });
    const button = c.d.querySelector('[data-testid="composerPublishBtn"]');
    button.setAttribute('aria-disabled', 'true');
    try {
      await xrpc('com.atproto.repo.applyWrites', { repo: cfg.did, validate: true, writes });
      closeComposer();
      toast(L.published);
    } catch {
      button.removeAttribute('aria-disabled');
      toast(L.failed);
    }
  }

  // ---- events ---------------------------------------------------------------------------------------
  document.addEventListener('click', (e) => {
    const t = e.target instanceof Element ? e.target : null;
    if (!t) return;
    const item = t.closest('[data-replica-post]');
    const p = item ? posts.get(item.getAttribute('data-replica-post')) : null;
    const hit = (sel) => t.closest(sel);
    if (hit('[data-testid="composerPublishBtn"]')) { e.preventDefault(); void publish(); return; }
    if (hit('[data-testid="composerDiscardButton"]')) { closeComposer(); return; }
    if (hit('[data-testid="composerAddPost"]')) { composer?.addEditor(); return; }
    if (hit('[data-replica-new-post]')) { openComposer(); return; }
    if (hit('[data-testid="followBtn"], [data-testid="unfollowBtn"]')) { void follow(hit('[data-testid="followBtn"], [data-testid="unfollowBtn"]')); return; }
    const menuItem = hit('[role="menuitem"]');
    if (menuItem) {
      const target = posts.get(menuItem.closest('[data-replica-menu]').getAttribute('data-for'));
      closeMenus();
      const id = menuItem.getAttribute('data-testid');
      if (id === 'repostDropdownRepostBtn') toggle(target, 'repost');
      else if (id === 'repostDropdownQuoteBtn') openComposer({ quote: target });
      else if (id === 'postDropdownDeleteBtn') void deletePost(target);
      return;
    }
    if (!p) { if (!hit('[data-replica-menu]')) closeMenus(); return; }
    if (hit('[data-testid="likeBtn"], [data-testid="likeButton"]')) { e.preventDefault(); toggle(p, 'like'); return; }
    if (hit('[data-testid="replyBtn"]')) { e.preventDefault(); openComposer({ replyTo: p }); return; }
    if (hit('[data-testid="repostBtn"]')) {
      e.preventDefault();
      menu(hit('[data-testid="repostBtn"]'), [['repostDropdownRepostBtn', p.viewer.repost ? L.undoRepost : L.repost], ['repostDropdownQuoteBtn', L.quote]]);
      document.querySelector('[data-replica-menu]').setAttribute('data-for', p.uri);
      return;
    }
    if (hit('[data-testid="postDropdownBtn"]')) {
      e.preventDefault();
      menu(hit('[data-testid="postDropdownBtn"]'), p.author.did === cfg.did ? [['postDropdownDeleteBtn', L.deletePost]] : [['postDropdownMuteThreadBtn', L.mute]]);
      document.querySelector('[data-replica-menu]').setAttribute('data-for', p.uri);
      return;
    }
    if (hit('a[href]')) e.preventDefault(); // no navigation in the replica
  }, false);

  document.addEventListener('keydown', (e) => {
    // TextInput.web.tsx: (metaKey || ctrlKey) && code === 'Enter' → publish.
    if (e.code === 'Enter' && (e.metaKey || e.ctrlKey) && e.target instanceof Element && e.target.closest('.ProseMirror')) {
      e.preventDefault();
      void publish();
    }
  });

  async function deletePost(p) {
    try {
      await xrpc('com.atproto.repo.deleteRecord', { repo: cfg.did, collection: 'app.bsky.feed.post', rkey: rkeyOf(p.uri) });
      root.querySelector(`[data-replica-post="${CSS.escape(p.uri)}"]`)?.remove();
    } catch {
      toast(L.failed);
    }
  }

  let profile = null;
  function renderFollow() {
    const box = document.getElementById('profile-follow');
    if (!box || !profile) return;
    const following = !!profile.viewer.following;
    box.innerHTML = following
      ? `<button data-testid="unfollowBtn" aria-label="${esc(L.unfollowLabel(profile.handle))}">${esc(L.following)}</button>`
      : `<button data-testid="followBtn" aria-label="${esc(L.followLabel(profile.handle))}">${esc(L.follow)}</button>`;
  }
  async function follow() {
    // Not optimistic: the button changes once the PDS confirms (ProfileHeaderStandard).
    try {
      if (profile.viewer.following) {
        await xrpc('com.atproto.repo.deleteRecord', { repo: cfg.did, collection: 'app.bsky.graph.follow', rkey: rkeyOf(profile.viewer.following) });
        profile.viewer.following = undefined;
      } else {
        const res = await xrpc('com.atproto.repo.createRecord', {
          repo: cfg.did, collection: 'app.bsky.graph.follow',
          record: { $type: 'app.bsky.graph.follow', subject: profile.did, createdAt: new Date().toISOString() },
        });
        profile.viewer.following = res.uri;
      }
      renderFollow();
    } catch {
      toast(L.failed);
    }
  }

  // ---- first render ---------------------------------------------------------------------------------
  async function load() {
    const m = /^\/profile\/([^/]+)\/?$/.exec(location.pathname);
    let feed;
    if (m) {
      profile = await xrpc(`app.bsky.actor.getProfile?actor=${encodeURIComponent(m[1])}`);
      root.querySelector('#profile-header').innerHTML = `<h2>${esc(profile.displayName)}</h2><div>@${esc(profile.handle)}</div><div id="profile-follow"></div>`;
      renderFollow();
      feed = (await xrpc(`app.bsky.feed.getAuthorFeed?actor=${encodeURIComponent(profile.did)}`)).feed;
    } else {
      feed = (await xrpc('app.bsky.feed.getTimeline?limit=30')).feed;
    }
    const list = root.querySelector('#feed');
    for (const { post } of feed) {
      posts.set(post.uri, post);
      list.insertAdjacentHTML('beforeend', feedItem(post));
    }
  }
  load().catch(() => toast(L.failed));
})();
