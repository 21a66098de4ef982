/*
 * Replica of YouTube's desktop web app behaviour (the parts Give First listens to), served as the page's
 * own bundle from /s/desktop/<hash>/jsbin/desktop_polymer.vflset/desktop_polymer.js. It knows nothing
 * about the extension.
 *
 * Requests as the web client sends them (platforms.md §8.B; LuanRT/YouTube.js src/core/endpoints and
 * protos/misc/params.proto): fetch, same origin, POST /youtubei/v1/<endpoint>?prettyPrint=false, a JSON
 * body that starts with the InnerTube `context` (client name/version, hl, gl, visitorData), and the
 * SAPISIDHASH Authorization / X-Goog-AuthUser / X-Youtube-Client-* headers (fake values here):
 *   like/like | like/removelike | like/dislike      {context, target: {videoId}}
 *   subscription/subscribe | unsubscribe           {context, channelIds: [UC…], params: 'EgIIAhgA' | 'CgIIAhgA'}
 *   comment/create_comment                         {context, createCommentParams, commentText}
 *   comment/create_comment_reply                   {context, createReplyParams, commentText}
 *   comment/perform_comment_action                 {context, actions: [<opaque base64 string from the comment's data>]}
 *   backstage/create_post                          {context, commentText, createBackstagePostParams}
 * The params strings are the base64 protobufs the server hands the page (here built with the YouTube.js
 * layouts). Likes and comment likes flip at once and roll back with a toast when the request fails;
 * unsubscribing asks for confirmation first.
 *
 * Markup (platforms.md §8.A): ytd-app, the masthead's #avatar-btn (signed in), ytd-watch-flexy >
 * ytd-watch-metadata with ytd-video-owner-renderer (a[href="/@handle"]), ytd-subscribe-button-renderer,
 * segmented-like-dislike-button-view-model > like-button-view-model … button[aria-pressed]; ytd-comments
 * with the ytd-comment-simplebox-renderer placeholder that expands to a ytd-commentbox
 * (#contenteditable-root, #submit-button); ytd-comment-thread-renderer > ytd-comment-view-model#comment
 * (#author-text, #published-time-text a[href=…&lc=<id>], #content-text, ytd-comment-engagement-bar with
 * #like-button / #dislike-button toggle buttons, #reply-button-end, #reply-dialog), replies in
 * ytd-comment-replies-renderer. The Posts tab of the user's own channel has the community post composer
 * ytd-backstage-post-dialog-renderer > ytd-commentbox.
 *
 * In-app links (a.yt-simple-endpoint to /watch?…, the up-next list) navigate as the app does: pushState,
 * the new page rendered, then `yt-navigate-finish` on the document.
 *
 * window.__REPLICA_YT__ = { page: 'watch' | 'posts', video, owner, me, comments, upNext, posts, labels, variant }:
 * variant 'current' | 'wrapped' (the older ytd-comment-renderer element and extra wrapper elements, as
 * some experiments still serve) | 'broken' (the like button renamed without aria-pressed: health must
 * complain).
 */
(() => {
  'use strict';
  const cfg = window.__REPLICA_YT__;
  const L = cfg.labels;
  const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  const CONTEXT = {
    client: { hl: L.hl, gl: 'US', clientName: 'WEB', clientVersion: '2.20261120.01.00', visitorData: 'CgtSRVBMSUNBLVZJUyiA', platform: 'DESKTOP', originalUrl: location.href },
    user: { lockedSafetyMode: false },
    request: { useSsl: true, internalExperimentFlags: [], consistencyTokenJars: [] },
  };

  // ---- protobuf params (YouTube.js protos/misc/params.proto layouts) -------------------------
  function proto(fields) {
    const b = [];
    const varint = (n) => { while (n >= 0x80) { b.push((n & 0x7f) | 0x80); n = Math.floor(n / 128); } b.push(n); };
    for (const [f, v] of fields) {
      if (typeof v === 'number') { varint(f * 8); varint(v); continue; }
      const bytes = Array.isArray(v) ? v : [...new TextEncoder().encode(v)];
      varint(f * 8 + 2); varint(bytes.length); b.push(...bytes);
    }
    return b;
  }
  const b64 = (bytes) => btoa(String.fromCharCode(...bytes));
  const nested = proto([[1, 0]]);
  const createCommentParams = (videoId) => encodeURIComponent(b64(proto([[2, videoId], [5, nested], [10, 7]])));
  const createReplyParams = (videoId, commentId) => encodeURIComponent(b64(proto([[2, videoId], [4, commentId], [5, nested], [10, 7]])));
  // Opaque to the client: the server puts these in each comment's toolbar (type 5 like in YouTube.js; 6 here for the undo).
  const commentAction = (type, commentId) => b64(proto([[1, type], [3, commentId], [5, cfg.video ? cfg.video.id : ' '], [2, 2]]));

  async function innertube(endpoint, body) {
    const res = await fetch(`/youtubei/v1/${endpoint}?prettyPrint=false`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/json',
        Authorization: 'SAPISIDHASH 1763892000_replicaHashDoNotRead',
        'X-Goog-AuthUser': '0',
        'X-Origin': 'https://www.youtube.com',
        'X-Youtube-Client-Name': '1',
        'X-Youtube-Client-Version': CONTEXT.client.clientVersion,
      },
      body: JSON.stringify({ context: CONTEXT, ...body }),
    });
    const json = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return json;
  }

  function toast(text) {
    const t = document.createElement('tp-yt-paper-toast');
    t.id = 'toast';
    t.setAttribute('role', 'alert');
    t.textContent = text;
    document.body.append(t);
    setTimeout(() => t.remove(), 4000);
  }

  const isWrapped = () => cfg.variant === 'wrapped';
  const btn = (label, inner = '') => `<yt-button-shape><button class="yt-spec-button-shape-next" aria-label="${esc(label)}">${inner || esc(label)}</button></yt-button-shape>`;
  const toggle = (id, label, on) => `<ytd-toggle-button-renderer id="${id}"><yt-button-shape><button class="yt-spec-button-shape-next" aria-pressed="${on}" aria-label="${esc(label)}"></button></yt-button-shape></ytd-toggle-button-renderer>`;

  // ---- comments ---------------------------------------------------------------------------------
  const comments = new Map();
  function commentHtml(c, isReply) {
    const wrapped = isWrapped();
    const header = `<div id="header-author"><h3><a id="author-text" class="yt-simple-endpoint" href="/@${esc(c.author)}"><span>@${esc(c.author)}</span></a></h3>
      <span id="published-time-text"><a class="yt-simple-endpoint" href="/watch?v=${cfg.video.id}&amp;lc=${esc(c.id)}">${esc(c.time || L.justNow)}</a></span></div>`;
    const bar = `<ytd-comment-engagement-bar id="action-buttons"><div id="toolbar">
        ${toggle('like-button', L.likeComment, !!c.liked)}<span id="vote-count-middle">${c.likes || ''}</span>
        ${toggle('dislike-button', L.dislikeComment, !!c.disliked)}
        <div id="reply-button-end"><ytd-button-renderer>${btn(L.reply)}</ytd-button-renderer></div>
      </div><div id="reply-dialog"></div></ytd-comment-engagement-bar>`;
    let body = `${header}<div id="expander"><yt-attributed-string id="content-text"><span>${esc(c.text)}</span></yt-attributed-string></div>${bar}`;
    if (wrapped) body = `<div id="body"><div id="main"><div id="header">${header}</div><div id="comment-content"><yt-attributed-string id="content-text"><span>${esc(c.text)}</span></yt-attributed-string></div><div id="action-buttons-wrapper">${bar}</div></div></div>`;
    const commentTag = wrapped ? 'ytd-comment-renderer' : 'ytd-comment-view-model';
    const el = `<${commentTag} id="comment" class="style-scope ${isReply ? 'ytd-comment-replies-renderer' : 'ytd-comment-thread-renderer'}" data-replica-comment="${esc(c.id)}">${body}</${commentTag}>`;
    if (isReply) return el;
    return `<ytd-comment-thread-renderer class="style-scope ytd-item-section-renderer">${el}<div id="replies"><ytd-comment-replies-renderer><div id="contents"></div></ytd-comment-replies-renderer></div></ytd-comment-thread-renderer>`;
  }

  function commentBox(submitLabel, placeholder) {
    return `<ytd-commentbox id="commentbox"><div id="thumbnail-input-row"><div id="main"><ytd-emoji-input id="emoji-input"><yt-user-mention-autosuggest-input>
        <div id="contenteditable-root" contenteditable="true" role="textbox" aria-multiline="true" aria-label="${esc(placeholder)}" dir="auto"></div>
      </yt-user-mention-autosuggest-input></ytd-emoji-input></div></div>
      <div id="footer"><div id="buttons">
        <ytd-button-renderer id="cancel-button">${btn(L.cancel)}</ytd-button-renderer>
        <ytd-button-renderer id="submit-button"><yt-button-shape><button class="yt-spec-button-shape-next" aria-label="${esc(submitLabel)}" disabled>${esc(submitLabel)}</button></yt-button-shape></ytd-button-renderer>
      </div></div></ytd-commentbox>`;
  }
  const textOf = (box) => box.querySelector('#contenteditable-root').innerText.trim();

  // ---- watch page ---------------------------------------------------------------------------------
  function renderWatch(main) {
    const v = cfg.video;
    const likeButton = cfg.variant === 'broken'
      ? `<like-button-view-model-2026><button class="yt-spec-button-shape-next" title="${esc(L.like)}">1.2K</button></like-button-view-model-2026>`
      : `<like-button-view-model><toggle-button-view-model><button-view-model><button class="yt-spec-button-shape-next" aria-pressed="false" aria-label="${esc(L.likeVideo)}" title="${esc(L.like)}">1.2K</button></button-view-model></toggle-button-view-model></like-button-view-model>`;
    const ownerLink = isWrapped()
      ? `<div id="upload-info"><ytd-channel-name id="channel-name"><div id="container"><div id="text-container"><yt-formatted-string id="text"><span><a class="yt-simple-endpoint" href="/@${esc(cfg.owner.handle)}">${esc(cfg.owner.name)}</a></span></yt-formatted-string></div></div></ytd-channel-name></div>`
      : `<div id="upload-info"><ytd-channel-name id="channel-name"><yt-formatted-string id="text"><a class="yt-simple-endpoint" href="/@${esc(cfg.owner.handle)}">${esc(cfg.owner.name)}</a></yt-formatted-string></ytd-channel-name></div>`;
    main.innerHTML = `<ytd-watch-flexy video-id="${v.id}" role="main"><div id="columns"><div id="primary"><div id="primary-inner">
      <div id="player"><div class="html5-video-player" style="height:200px;background:#000"></div></div>
      <div id="below"><ytd-watch-metadata class="watch-active-metadata">
        <div id="title"><h1><yt-formatted-string>${esc(v.title)}</yt-formatted-string></h1></div>
        <div id="top-row">
          <div id="owner"><ytd-video-owner-renderer><a class="yt-simple-endpoint" href="/@${esc(cfg.owner.handle)}"><yt-img-shadow id="avatar"></yt-img-shadow></a>${ownerLink}</ytd-video-owner-renderer>
            <div id="subscribe-button"><ytd-subscribe-button-renderer>${btn(L.subscribeTo(cfg.owner.name), L.subscribe)}</ytd-subscribe-button-renderer></div></div>
          <div id="actions"><div id="actions-inner"><div id="menu"><ytd-menu-renderer><div id="top-level-buttons-computed">
            <segmented-like-dislike-button-view-model><yt-smartimation><div class="ytSegmentedLikeDislikeButtonViewModelHost">
              ${likeButton}
              <dislike-button-view-model><toggle-button-view-model><button-view-model><button class="yt-spec-button-shape-next" aria-pressed="false" aria-label="${esc(L.dislikeVideo)}" title="${esc(L.dislike)}"></button></button-view-model></toggle-button-view-model></dislike-button-view-model>
            </div></yt-smartimation></segmented-like-dislike-button-view-model>
          </div></ytd-menu-renderer></div></div></div>
        </div>
      </ytd-watch-metadata>
      <ytd-comments id="comments"><ytd-item-section-renderer id="sections" section-identifier="comment-item-section">
        <div id="header"><ytd-comments-header-renderer><div id="title"><h2 id="count"><yt-formatted-string>${esc(L.commentsCount(cfg.comments.length))}</yt-formatted-string></h2></div>
          <div id="simple-box"><ytd-comment-simplebox-renderer><div id="placeholder-area"><yt-formatted-string id="simplebox-placeholder">${esc(L.addComment)}</yt-formatted-string></div></ytd-comment-simplebox-renderer></div>
        </ytd-comments-header-renderer></div>
        <div id="contents"></div>
      </ytd-item-section-renderer></ytd-comments>
      </div></div></div>
      <div id="secondary"><ytd-watch-next-secondary-results-renderer><div id="items">${(cfg.upNext || []).filter((u) => u.id !== v.id).map((u) => `
        <ytd-compact-video-renderer><div id="dismissible"><a id="thumbnail" class="yt-simple-endpoint" href="${esc(u.href)}"></a>
          <div class="details"><a class="yt-simple-endpoint" href="${esc(u.href)}"><h3><span id="video-title">${esc(u.title)}</span></h3></a>
          <ytd-channel-name><a class="yt-simple-endpoint" href="/@${esc(u.owner.handle)}">${esc(u.owner.name)}</a></ytd-channel-name></div></div></ytd-compact-video-renderer>`).join('')}
      </div></ytd-watch-next-secondary-results-renderer></div>
      </div></ytd-watch-flexy>`;
    const list = main.querySelector('ytd-comments #contents');
    for (const c of cfg.comments) {
      comments.set(c.id, c);
      list.insertAdjacentHTML('beforeend', commentHtml(c, false));
    }
  }

  const videoState = { liked: false, disliked: false, subscribed: false };
  const videoButtons = () => ({
    like: document.querySelector('like-button-view-model button, like-button-view-model-2026 button'),
    dislike: document.querySelector('dislike-button-view-model button'),
  });
  function paintVideo() {
    const { like, dislike } = videoButtons();
    if (like && cfg.variant !== 'broken') like.setAttribute('aria-pressed', String(videoState.liked));
    dislike.setAttribute('aria-pressed', String(videoState.disliked));
  }
  async function videoRate(to) {
    const before = { ...videoState };
    videoState.liked = to === 'like';
    videoState.disliked = to === 'dislike';
    paintVideo();
    try {
      await innertube(`like/${to}`, { target: { videoId: cfg.video.id } });
    } catch {
      Object.assign(videoState, before);
      paintVideo();
      toast(L.error);
    }
  }

  function paintSubscribe() {
    const b = document.querySelector('ytd-subscribe-button-renderer button');
    b.textContent = videoState.subscribed ? L.subscribed : L.subscribe;
    b.setAttribute('aria-label', videoState.subscribed ? L.unsubscribeFrom(cfg.owner.name) : L.subscribeTo(cfg.owner.name));
  }
  async function subscribe(on) {
    try {
      await innertube(on ? 'subscription/subscribe' : 'subscription/unsubscribe', { channelIds: [cfg.owner.channelId], params: on ? 'EgIIAhgA' : 'CgIIAhgA' });
      videoState.subscribed = on;
      paintSubscribe();
    } catch {
      toast(L.error);
    }
  }
  function confirmUnsubscribe() {
    document.body.insertAdjacentHTML('beforeend', `<tp-yt-paper-dialog role="dialog"><yt-confirm-dialog-renderer>
      <yt-formatted-string id="main-text">${esc(L.unsubscribeFrom(cfg.owner.name))}?</yt-formatted-string>
      <div id="buttons"><yt-button-renderer id="cancel-button">${btn(L.cancel)}</yt-button-renderer><yt-button-renderer id="confirm-button">${btn(L.unsubscribe)}</yt-button-renderer></div>
    </yt-confirm-dialog-renderer></tp-yt-paper-dialog>`);
  }

  async function commentLike(el, c, which) {
    const before = { liked: !!c.liked, disliked: !!c.disliked };
    if (which === 'like') { c.liked = !c.liked; if (c.liked) c.disliked = false; } else { c.disliked = !c.disliked; if (c.disliked) c.liked = false; }
    const paint = () => {
      el.querySelector('#like-button button').setAttribute('aria-pressed', String(!!c.liked));
      el.querySelector('#dislike-button button').setAttribute('aria-pressed', String(!!c.disliked));
    };
    paint();
    const type = which === 'like' ? (c.liked ? 5 : 6) : (c.disliked ? 4 : 7);
    try {
      await innertube('comment/perform_comment_action', { actions: [commentAction(type, c.id)] });
    } catch {
      c.liked = before.liked;
      c.disliked = before.disliked;
      paint();
      toast(L.error);
    }
  }

  async function submitBox(box) {
    const text = textOf(box);
    if (!text) return;
    const submit = box.querySelector('#submit-button button');
    submit.disabled = true;
    try {
      if (box.closest('ytd-backstage-post-dialog-renderer')) {
        const res = await innertube('backstage/create_post', { commentText: text, createBackstagePostParams: encodeURIComponent(b64(proto([[4, cfg.me.channelId], [5, proto([[1, 1]])]]))) });
        const id = res.actions.find((a) => a.runAttestationCommand).runAttestationCommand.ids[0].externalPostId;
        document.querySelector('ytd-backstage-items #contents').insertAdjacentHTML('afterbegin', postHtml({ id, author: cfg.me.handle, name: cfg.me.name, text }));
        box.querySelector('#contenteditable-root').textContent = '';
        return;
      }
      const dialog = box.closest('#reply-dialog');
      if (dialog) {
        const parentEl = dialog.closest('[data-replica-comment]');
        const parent = comments.get(parentEl.getAttribute('data-replica-comment'));
        const res = await innertube('comment/create_comment_reply', { createReplyParams: createReplyParams(cfg.video.id, parent.id), commentText: text });
        const id = res.actions.find((a) => a.createCommentReplyAction).createCommentReplyAction.contents.commentViewModel.commentViewModel.commentId;
        const c = { id, author: cfg.me.handle, text };
        comments.set(id, c);
        parentEl.closest('ytd-comment-thread-renderer').querySelector('ytd-comment-replies-renderer #contents').insertAdjacentHTML('beforeend', commentHtml(c, true));
        dialog.innerHTML = '';
        return;
      }
      const res = await innertube('comment/create_comment', { createCommentParams: createCommentParams(cfg.video.id), commentText: text });
      const id = res.actions.find((a) => a.createCommentAction).createCommentAction.contents.commentThreadRenderer.commentViewModel.commentViewModel.commentId;
      const c = { id, author: cfg.me.handle, text };
      comments.set(id, c);
      document.querySelector('ytd-comments #contents').insertAdjacentHTML('afterbegin', commentHtml(c, false));
      collapseSimplebox();
    } catch {
      submit.disabled = false;
      toast(L.error);
    }
  }
  function collapseSimplebox() {
    document.querySelector('ytd-comment-simplebox-renderer').innerHTML = `<div id="placeholder-area"><yt-formatted-string id="simplebox-placeholder">${esc(L.addComment)}</yt-formatted-string></div>`;
  }

  // ---- posts tab of the user's own channel -------------------------------------------------------
  function postHtml(p) {
    return `<ytd-backstage-post-thread-renderer><div id="post"><ytd-backstage-post-renderer>
      <div id="header"><a id="author-text" class="yt-simple-endpoint" href="/@${esc(p.author)}"><span>${esc(p.name)}</span></a>
        <yt-formatted-string id="published-time-text"><a href="/post/${esc(p.id)}">${esc(p.time || L.justNow)}</a></yt-formatted-string></div>
      <div id="content"><yt-formatted-string id="content-text">${esc(p.text)}</yt-formatted-string></div>
    </ytd-backstage-post-renderer></div></ytd-backstage-post-thread-renderer>`;
  }
  function renderPosts(main) {
    main.innerHTML = `<ytd-browse page-subtype="channels" role="main"><div id="header"><h1>${esc(cfg.me.name)}</h1></div>
      <ytd-two-column-browse-results-renderer><div id="primary"><ytd-section-list-renderer><div id="contents">
        <ytd-backstage-items><ytd-item-section-renderer>
          <div id="header"><ytd-comments-header-renderer>
            <ytd-backstage-post-dialog-renderer><div id="header"><span>${esc(cfg.me.name)}</span><span id="visibility">${esc(L.visibility)}</span></div>
              ${commentBox(L.post, L.postPlaceholder)}
            </ytd-backstage-post-dialog-renderer>
          </ytd-comments-header-renderer></div>
          <div id="contents"></div>
        </ytd-item-section-renderer></ytd-backstage-items>
      </div></ytd-section-list-renderer></div></ytd-two-column-browse-results-renderer></ytd-browse>`;
    const list = main.querySelector('ytd-backstage-items #contents');
    for (const p of cfg.posts || []) list.insertAdjacentHTML('beforeend', postHtml(p));
  }

  // ---- shell ------------------------------------------------------------------------------------
  const app = document.querySelector('ytd-app');
  app.insertAdjacentHTML('afterbegin', `<div id="masthead-container"><ytd-masthead id="masthead"><div id="end"><div id="buttons">
    <ytd-topbar-menu-button-renderer><button id="avatar-btn" aria-label="${esc(L.accountMenu)}" aria-haspopup="true"><yt-img-shadow></yt-img-shadow></button></ytd-topbar-menu-button-renderer>
  </div></div></ytd-masthead></div>`);
  const main = app.querySelector('ytd-page-manager');
  // The real app renders from ytInitialData after its bundle boots: a short delay, as there.
  setTimeout(() => {
    if (cfg.page === 'posts') renderPosts(main);
    else renderWatch(main);
    document.dispatchEvent(new CustomEvent('yt-navigate-finish', { bubbles: true }));
  }, 150);

  // In-app navigation, as the Polymer app does it: pushState, render the new page, then fire
  // yt-navigate-finish (extensions such as Return YouTube Dislike listen for it).
  function navigate(href) {
    document.dispatchEvent(new CustomEvent('yt-navigate-start', { bubbles: true }));
    history.pushState({}, '', href);
    const q = new URLSearchParams(location.search);
    const next = (cfg.upNext || []).find((u) => u.id === q.get('v'));
    cfg.video = { id: q.get('v'), title: next ? next.title : cfg.video.title };
    if (next) cfg.owner = next.owner;
    cfg.variant = q.get('variant') || (q.get('hl') === 'es' ? 'wrapped' : 'current');
    Object.assign(videoState, { liked: false, disliked: false, subscribed: false });
    comments.clear();
    setTimeout(() => {
      renderWatch(main);
      document.title = `${cfg.video.title} - YouTube`;
      document.dispatchEvent(new CustomEvent('yt-navigate-finish', { bubbles: true }));
    }, 100);
  }

  document.addEventListener('input', (e) => {
    const box = e.target instanceof Element ? e.target.closest('ytd-commentbox') : null;
    if (box) box.querySelector('#submit-button button').disabled = !textOf(box);
  });

  document.addEventListener('click', (e) => {
    const t = e.target instanceof Element ? e.target : null;
    if (!t) return;
    if (t.closest('#avatar-btn')) {
      if (!document.querySelector('ytd-active-account-header-renderer')) {
        document.body.insertAdjacentHTML('beforeend', `<ytd-multi-page-menu-renderer><ytd-active-account-header-renderer><yt-formatted-string id="account-name">${esc(cfg.me.name)}</yt-formatted-string><yt-formatted-string id="channel-handle">@${esc(cfg.me.handle)}</yt-formatted-string></ytd-active-account-header-renderer></ytd-multi-page-menu-renderer>`);
      }
      return;
    }
    const inApp = t.closest('a.yt-simple-endpoint[href^="/watch?"]');
    if (inApp && !inApp.closest('[data-replica-comment]')) {
      e.preventDefault();
      navigate(inApp.getAttribute('href'));
      return;
    }
    const box = t.closest('ytd-commentbox');
    if (box && t.closest('#submit-button')) { void submitBox(box); return; }
    if (box && t.closest('#cancel-button')) {
      if (box.closest('#reply-dialog')) box.closest('#reply-dialog').innerHTML = '';
      else if (box.closest('ytd-comment-simplebox-renderer')) collapseSimplebox();
      return;
    }
    if (t.closest('#placeholder-area')) {
      t.closest('ytd-comment-simplebox-renderer').innerHTML = commentBox(L.comment, L.addComment);
      document.querySelector('ytd-comment-simplebox-renderer #contenteditable-root').focus();
      return;
    }
    if (t.closest('#confirm-button')) { t.closest('tp-yt-paper-dialog').remove(); void subscribe(false); return; }
    if (t.closest('yt-confirm-dialog-renderer #cancel-button')) { t.closest('tp-yt-paper-dialog').remove(); return; }
    if (t.closest('ytd-subscribe-button-renderer button')) { if (videoState.subscribed) confirmUnsubscribe(); else void subscribe(true); return; }
    if (t.closest('like-button-view-model button, like-button-view-model-2026 button')) { void videoRate(videoState.liked ? 'removelike' : 'like'); return; }
    if (t.closest('dislike-button-view-model button')) { void videoRate(videoState.disliked ? 'removelike' : 'dislike'); return; }
    const el = t.closest('[data-replica-comment]');
    const c = el && comments.get(el.getAttribute('data-replica-comment'));
    if (!c) return;
    if (t.closest('#like-button')) void commentLike(el, c, 'like');
    else if (t.closest('#dislike-button')) void commentLike(el, c, 'dislike');
    else if (t.closest('#reply-button-end')) {
      const dialog = el.querySelector('#reply-dialog');
      dialog.innerHTML = commentBox(L.reply, L.addReply);
      dialog.querySelector('#contenteditable-root').focus();
    }
  });
})();
