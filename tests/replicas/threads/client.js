/*
 * Replica of www.threads.com's web client behaviour (the parts Give First listens to), served as the
 * page's own bundle from https://static.cdninstagram.com/rsrc.php/… as Meta serves it. It knows nothing
 * about the extension.
 *
 * Requests, as platforms.md §6.B describes the web client (M):
 *   GraphQL over XMLHttpRequest: POST /graphql/query, application/x-www-form-urlencoded, the operation in
 *   the `x-fb-friendly-name` header AND the `fb_api_req_friendly_name` field, `variables` (JSON) and
 *   `doc_id`, beside session fields (av, __user, __a, __req, __hs, dpr, __ccg, __rev, __s, __hsi, __dyn,
 *   __csr, __comet_req, fb_dtsg, jazoest, lsd, __spin_*). Queries (feed, profile) go there too.
 *     like / unlike      useBarcelonaLikeMutationLikeMutation / …UnlikeMutation {media_id}   (name: 2023, §13)
 *     repost / undo      useBarcelonaCreateRepostMutation / useBarcelonaDeleteRepostMutation {media_id, repost_context}
 *     follow / unfollow  useBarcelonaFollowMutation / useBarcelonaUnfollowMutation {target_user_id, container_module}
 *     delete a post      useBarcelonaDeletePostMutation {media_id: "<pk>_<user pk>"}
 *   (only the like's name is published; the others are plausible Relay names, variables per one 2023
 *   third-party client.) A refused mutation answers HTTP 200 with `errors`.
 *   Post, reply, quote: fetch POST /api/v1/media/configure_text_only_post/ with body
 *   `signed_body=SIGNATURE.{json}` (caption, publish_mode, text_post_app_info {reply_control, reply_id?,
 *   quoted_post_id?} as a JSON string, upload_id…); the answer {media: {pk, id, code, user}, status: "ok"}.
 * Likes are optimistic: the icon flips at once ("Like" → "Unlike") and flips back if the request fails.
 *
 * Markup (platforms.md §6.A, M/L): atomic classes (never to be used), posts in
 * [data-pressable-container="true"], action icons as svg[aria-label] inside role=button, /@handle and
 * /@handle/post/<code> links, the composer a [role=dialog] with a contenteditable [role=textbox] and a
 * role=button "Post"; the nav's Create and Profile icons.
 *
 * Per page an inline script sets window.__REPLICA_THREADS__ = { me, labels, variant }:
 * variant 'current' | 'wrapped' (extra wrapper divs, as other builds render) | 'broken' (post containers
 * renamed: health must complain).
 */
(() => {
  'use strict';
  const cfg = window.__REPLICA_THREADS__;
  const L = cfg.labels;
  const root = document.getElementById('barcelona-page-layout');
  const feedEl = document.getElementById('feed');
  // Session fields the page sends with every GraphQL request (fake values). Give First must never keep them.
  const SESSION = {
    av: cfg.me.pk, __user: '0', __a: '1', __hs: '20415.HYP:barcelona_web_pkg.2.1...0', dpr: '1', __ccg: 'EXCELLENT', __rev: '1019384211',
    __s: 'k2x9qa:7dm1zp:3vq0ye', __hsi: '7440012345678901234', __dyn: '7xeUmwlEnwn8K2Wmh0no6u5U4e0yoW3q32360CEbo1nEhw2nVE4W0qa0FE', __csr: 'gQYm2rlh9h8',
    __comet_req: '29', fb_dtsg: 'NAfvREPLICA_fb_dtsg_secret:17:1732350000', jazoest: '26411', lsd: 'REPLICA_lsd_secret', __spin_r: '1019384211',
    __spin_b: 'trunk', __spin_t: '1732350000', fb_api_caller_class: 'RelayModern', server_timestamps: 'true',
  };
  const DOC_IDS = {
    BarcelonaFeedTimelineQuery: '27283777334592180', BarcelonaProfilePageQuery: '23996318473300828',
    useBarcelonaLikeMutationLikeMutation: '6163527303756305', useBarcelonaLikeMutationUnlikeMutation: '6163527303756399',
    useBarcelonaCreateRepostMutation: '8731245098712345', useBarcelonaDeleteRepostMutation: '8731245098712399',
    useBarcelonaFollowMutation: '7224567890123456', useBarcelonaUnfollowMutation: '7224567890123999', useBarcelonaDeletePostMutation: '6620123456789012',
  };
  let req = 0;

  function graphql(name, variables) {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', '/graphql/query');
      xhr.setRequestHeader('content-type', 'application/x-www-form-urlencoded');
      xhr.setRequestHeader('x-fb-friendly-name', name);
      xhr.setRequestHeader('x-fb-lsd', SESSION.lsd);
      xhr.setRequestHeader('x-ig-app-id', '238260118697367');
      const form = new URLSearchParams({ ...SESSION, __req: (++req).toString(36), fb_api_req_friendly_name: name, variables: JSON.stringify(variables), doc_id: DOC_IDS[name] });
      xhr.onload = () => {
        let json = null;
        try { json = JSON.parse(xhr.responseText.replace(/^for \(;;\);/, '')); } catch { /* not JSON */ }
        if (xhr.status >= 200 && xhr.status < 300 && json && !json.errors) resolve(json.data);
        else reject(Object.assign(new Error(`HTTP ${xhr.status}`), { status: xhr.status }));
      };
      xhr.onerror = () => reject(new Error('network'));
      xhr.send(form.toString());
    });
  }

  async function configure(caption, info) {
    const signed = {
      publish_mode: 'text_post', text_post_app_info: JSON.stringify(info), timezone_offset: String(-new Date().getTimezoneOffset() * 60),
      source_type: '4', caption, upload_id: String(Date.now()), audience: 'default', _uid: cfg.me.pk, device_id: 'replica-device',
    };
    const res = await fetch('/api/v1/media/configure_text_only_post/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrftoken': 'REPLICA_csrftoken_secret', 'x-ig-app-id': '238260118697367', 'x-instagram-ajax': '1019384211' },
      body: new URLSearchParams({ signed_body: `SIGNATURE.${JSON.stringify(signed)}` }),
    });
    const json = await res.json().catch(() => null);
    if (!res.ok || !json || json.status !== 'ok') throw new Error(`HTTP ${res.status}`);
    return json.media;
  }

  const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  const icon = (label) => `<svg aria-label="${esc(label)}" role="img" viewBox="0 0 18 18" class="x1lliihq x2lah0s x1n2onr6" width="18" height="18"><title>${esc(label)}</title><path d="M1 9h16"></path></svg>`;
  function toast(text) {
    const t = document.createElement('div');
    t.setAttribute('role', 'alert');
    t.setAttribute('data-replica-toast', '');
    t.className = 'x1n2onr6 x9f619';
    t.textContent = text;
    document.body.append(t);
    setTimeout(() => t.remove(), 4000);
  }

  const posts = new Map(); // code → post
  const wrap = (html) => (cfg.variant === 'wrapped' ? `<div class="x9f619 x1n2onr6"><div class="x78zum5 xdt5ytf">${html}</div></div>` : html);

  function postHtml(p, { inDialog = false } = {}) {
    const href = `/@${p.user.username}/post/${p.code}`;
    const container = cfg.variant === 'broken' ? 'data-pressable="true"' : 'data-pressable-container="true"';
    const bar = inDialog ? '' : wrap(`<div class="x4vbgl9 x6s0dn4 x78zum5">
        <div role="button" tabindex="0" class="x1i10hfl x1ypdohk" data-replica-action="like"><div class="x6s0dn4 x78zum5">${icon(p.has_liked ? L.unlike : L.like)}<span class="x17qophe">${p.like_count}</span></div></div>
        <div role="button" tabindex="0" class="x1i10hfl x1ypdohk" data-replica-action="reply">${icon(L.reply)}<span>${p.reply_count}</span></div>
        <div role="button" tabindex="0" class="x1i10hfl x1ypdohk" data-replica-action="repost">${icon(L.repost)}<span>${p.repost_count}</span></div>
        <div role="button" tabindex="0" class="x1i10hfl x1ypdohk" data-replica-action="share">${icon(L.share)}</div>
      </div>`);
    return `<div class="x78zum5 xdt5ytf" data-replica-post="${esc(p.code)}"><div class="x1ypdohk x1n2onr6" ${container}>
      <div class="x78zum5 x1q0g3np">
        <a href="/@${esc(p.user.username)}" role="link" class="x1i10hfl"><img alt="${esc(L.picture(p.user.username))}" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="36" height="36"></a>
        <div class="x1iyjqo2">
          <span class="x1lliihq"><a href="/@${esc(p.user.username)}" role="link"><span dir="auto">${esc(p.user.username)}</span></a></span>
          <a href="${href}" role="link" class="x1i10hfl"><time datetime="${new Date(p.taken_at * 1000).toISOString()}">${esc(L.ago)}</time></a>
          ${!inDialog && p.user.pk === cfg.me.pk ? `<div role="button" tabindex="0" data-replica-action="more">${icon(L.more)}</div>` : ''}
          ${wrap(`<div class="x1a6qonq"><span dir="auto">${esc(p.caption.text)}</span></div>`)}
          ${bar}
        </div>
      </div></div></div>`;
  }

  function render(p) {
    const old = feedEl.querySelector(`[data-replica-post="${CSS.escape(p.code)}"]`);
    if (old) old.outerHTML = postHtml(p);
  }

  // ---- likes: optimistic, rolled back on failure -----------------------------------------------
  async function toggleLike(p) {
    const liking = !p.has_liked;
    p.has_liked = liking;
    p.like_count += liking ? 1 : -1;
    render(p);
    try {
      await graphql(liking ? 'useBarcelonaLikeMutationLikeMutation' : 'useBarcelonaLikeMutationUnlikeMutation', { media_id: p.pk });
    } catch {
      p.has_liked = !liking;
      p.like_count += liking ? -1 : 1;
      render(p);
      toast(L.failed);
    }
  }

  // ---- menus --------------------------------------------------------------------------------------
  function closeMenus() { for (const m of document.querySelectorAll('[data-replica-menu]')) m.remove(); }
  function menu(anchor, code, items) {
    closeMenus();
    const m = document.createElement('div');
    m.setAttribute('role', 'menu');
    m.setAttribute('data-replica-menu', code);
    m.className = 'x1n2onr6 xh8yej3';
    m.style.cssText = 'position:absolute;background:#fff;border:1px solid #ccc;padding:4px;z-index:10';
    m.innerHTML = items.map(([id, label]) => `<div role="menuitem" tabindex="0" data-replica-item="${id}" style="padding:6px 12px;cursor:pointer"><span>${esc(label)}</span></div>`).join('');
    const r = anchor.getBoundingClientRect();
    m.style.left = `${r.left + scrollX}px`;
    m.style.top = `${r.bottom + scrollY}px`;
    document.body.append(m);
  }

  async function repost(p) {
    try {
      if (p.reposted) {
        await graphql('useBarcelonaDeleteRepostMutation', { media_id: p.pk, repost_context: null });
        p.reposted = false;
        p.repost_count -= 1;
      } else {
        await graphql('useBarcelonaCreateRepostMutation', { media_id: p.pk, repost_context: null });
        p.reposted = true;
        p.repost_count += 1;
        toast(L.reposted);
      }
      render(p);
    } catch {
      toast(L.failed);
    }
  }

  async function deletePost(p) {
    try {
      await graphql('useBarcelonaDeletePostMutation', { media_id: `${p.pk}_${cfg.me.pk}` });
      feedEl.querySelector(`[data-replica-post="${CSS.escape(p.code)}"]`)?.remove();
      posts.delete(p.code);
    } catch {
      toast(L.failed);
    }
  }

  // ---- composer (one dialog for posts, replies and quotes) ------------------------------------------
  let composer = null;
  function openComposer({ replyTo = null, quote = null } = {}) {
    closeMenus();
    closeComposer();
    const d = document.createElement('div');
    d.setAttribute('role', 'dialog');
    d.setAttribute('aria-modal', 'true');
    d.setAttribute('aria-labelledby', 'replica-dialog-title');
    d.className = 'x1n2onr6 x1vjfegm';
    d.style.cssText = 'position:fixed;top:60px;left:50%;transform:translateX(-50%);width:560px;background:#fff;border:1px solid #ccc;border-radius:16px;padding:16px;z-index:20';
    d.innerHTML = `<div class="x78zum5 x1q0g3np">
        <div role="button" tabindex="0" data-replica-action="cancel">${esc(L.cancel)}</div>
        <h1 id="replica-dialog-title" style="font-size:16px;margin:0 auto">${esc(replyTo ? L.replyTitle : L.newThread)}</h1></div>
      ${replyTo ? postHtml(replyTo, { inDialog: true }) : ''}
      ${wrap(`<div class="x1iyjqo2"><span>${esc(cfg.me.username)}</span>
        <div role="textbox" contenteditable="true" spellcheck="true" tabindex="0" aria-label="${esc(L.textbox)}" aria-placeholder="${esc(replyTo ? L.replyPlaceholder(replyTo.user.username) : L.placeholder)}" data-lexical-editor="true" style="min-height:60px;outline:1px dashed #ddd"><p><br></p></div></div>`)}
      ${quote ? `<div class="x1n2onr6" style="border:1px solid #ddd;border-radius:8px;padding:6px"><a href="/@${esc(quote.user.username)}/post/${esc(quote.code)}" role="link">${esc(quote.user.username)}</a> ${esc(quote.caption.text)}</div>` : ''}
      ${replyTo || quote ? '' : `<div role="button" tabindex="0" data-replica-action="add-to-thread" style="color:#999">${esc(L.addToThread)}</div>`}
      <div class="x78zum5" style="justify-content:flex-end">${wrap(`<div role="button" tabindex="0" aria-disabled="true" data-replica-action="publish" class="x1i10hfl"><div class="x6s0dn4">${esc(L.post)}</div></div>`)}</div>`;
    document.body.append(d);
    const box = d.querySelector('[role="textbox"]');
    box.addEventListener('input', () => {
      d.querySelector('[data-replica-action="publish"]').setAttribute('aria-disabled', box.innerText.trim() ? 'false' : 'true');
    });
    box.focus();
    composer = { d, box, replyTo, quote };
  }
  function closeComposer() { composer?.d.remove(); composer = null; }
  // "Add to thread": one more box under the first; each part is posted as a reply to the part before.
  function addToThread() {
    if (!composer) return;
    const box = document.createElement('div');
    box.setAttribute('role', 'textbox');
    box.setAttribute('contenteditable', 'true');
    box.setAttribute('tabindex', '0');
    box.setAttribute('aria-label', L.textbox);
    box.setAttribute('data-replica-thread-part', '');
    box.style.cssText = 'min-height:40px;outline:1px dashed #ddd';
    composer.d.querySelector('[data-replica-action="add-to-thread"]').before(box);
    box.focus();
  }

  async function publish() {
    const c = composer;
    if (!c) return;
    const text = c.box.innerText.trim();
    const button = c.d.querySelector('[data-replica-action="publish"]');
    if (!text || button.getAttribute('aria-disabled') === 'true') return;
    const info = { reply_control: 0 };
    if (c.replyTo) info.reply_id = c.replyTo.pk;
    if (c.quote) info.quoted_post_id = c.quote.pk;
    button.setAttribute('aria-disabled', 'true');
    try {
      const media = await configure(text, info);
      // Parts 2+ of a thread: configure again with reply_id = the part before (no Reply click at all).
      let previous = media;
      for (const part of c.d.querySelectorAll('[data-replica-thread-part]')) {
        const partText = part.innerText.trim();
        if (partText) previous = await configure(partText, { reply_control: 0, reply_id: previous.pk });
      }
      closeComposer();
      if (c.replyTo) {
        c.replyTo.reply_count += 1;
        render(c.replyTo);
      } else {
        const p = { ...media, caption: { text }, like_count: 0, reply_count: 0, repost_count: 0, has_liked: false, reposted: false };
        posts.set(p.code, p);
        feedEl.insertAdjacentHTML('afterbegin', postHtml(p));
      }
      toast(L.posted);
    } catch {
      button.setAttribute('aria-disabled', 'false');
      toast(L.failed);
    }
  }

  // ---- follow (profile pages) -------------------------------------------------------------------------
  let profile = null;
  function renderFollow() {
    const box = document.getElementById('profile-follow');
    if (box && profile) box.innerHTML = `<div role="button" tabindex="0" data-replica-action="follow" class="x1i10hfl"><div>${esc(profile.following ? L.following : L.follow)}</div></div>`;
  }
  async function follow() {
    // Not optimistic: the button changes once the server agrees.
    try {
      await graphql(profile.following ? 'useBarcelonaUnfollowMutation' : 'useBarcelonaFollowMutation', { target_user_id: profile.pk, container_module: 'ig_text_feed_profile' });
      profile.following = !profile.following;
      renderFollow();
    } catch {
      toast(L.failed);
    }
  }

  // ---- events (the site's own handlers: bubbling phase on the document) ---------------------------------
  document.addEventListener('click', (e) => {
    const t = e.target instanceof Element ? e.target : null;
    if (!t) return;
    const action = t.closest('[data-replica-action]')?.getAttribute('data-replica-action');
    const code = t.closest('[data-replica-post]')?.getAttribute('data-replica-post');
    const p = code ? posts.get(code) : null;
    const item = t.closest('[data-replica-item]');
    if (item) {
      const target = posts.get(item.closest('[data-replica-menu]').getAttribute('data-replica-menu'));
      const id = item.getAttribute('data-replica-item');
      closeMenus();
      if (id === 'repost') void repost(target);
      else if (id === 'quote') openComposer({ quote: target });
      else if (id === 'delete') void deletePost(target);
      return;
    }
    if (t.closest('a[href]')) e.preventDefault(); // no navigation in the replica
    if (!action) { if (!t.closest('[data-replica-menu]')) closeMenus(); return; }
    if (action === 'publish') { void publish(); return; }
    if (action === 'cancel') { closeComposer(); return; }
    if (action === 'add-to-thread') { addToThread(); return; }
    if (action === 'create' || action === 'start') { openComposer(); return; }
    if (action === 'follow') { void follow(); return; }
    if (!p || t.closest('[role="dialog"]')) return;
    if (action === 'like') void toggleLike(p);
    else if (action === 'reply') openComposer({ replyTo: p });
    else if (action === 'repost') menu(t.closest('[data-replica-action]'), p.code, [['repost', p.reposted ? L.removeRepost : L.repost], ['quote', L.quote]]);
    else if (action === 'more') menu(t.closest('[data-replica-action]'), p.code, [['delete', L.delete]]);
  });

  // ---- first render -----------------------------------------------------------------------------------
  async function load() {
    const m = /^\/@([\w.]+)\/?$/.exec(location.pathname);
    let list;
    if (m) {
      const data = await graphql('BarcelonaProfilePageQuery', { username: m[1] });
      profile = data.user;
      document.getElementById('profile-header').innerHTML = `<h2 dir="auto">${esc(profile.full_name)}</h2><span>${esc(profile.username)}</span><div id="profile-follow"></div>`;
      renderFollow();
      list = data.threads;
    } else {
      list = (await graphql('BarcelonaFeedTimelineQuery', { first: 10 })).feed;
    }
    for (const p of list) {
      posts.set(p.code, p);
      feedEl.insertAdjacentHTML('beforeend', postHtml(p));
    }
  }
  load().catch(() => toast(L.failed));
})();
