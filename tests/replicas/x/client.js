/*
 * Replica of X's web client behaviour (the parts Give First listens to), served as the page's own
 * script bundle from https://abs.twimg.com/responsive-web/client-web/main.<hash>.js like X's real one.
 * It knows nothing about the extension: it finds posts the way a site's own code would, sends X's
 * requests (platforms.md §1.B: GraphQL `POST /i/api/graphql/<queryId>/<Operation>` with
 * `{variables, features?, queryId}`; REST `POST /i/api/1.1/friendships/{create,destroy}.json`
 * form-encoded `user_id`) and updates the markup as X does.
 *
 * Per page, an inline `<script>` sets `window.__REPLICA_X__`:
 *   transport: 'xhr' (X's own client) or 'fetch'; requestObjectOps: operations sent as `fetch(new Request(…))`
 *   queryIds: { FavoriteTweet: '…', … }   viewer: { handle, id, name }   users: { handle: { id, name } }
 *   labels: { … } (UI language)            lang: 'en' | 'es'
 * and provides `<template id="replica-own-tweet">` (markup of a new own post, with {{id}}, {{text}},
 * {{datetime}}) plus an empty `#layers` for menus and dialogs.
 *
 * Behaviour mirrored from X (2026): likes and reposts flip at once and roll back if the request fails
 * (optimistic UI, platforms.md §0.3); follow flips when the server confirms; reply, quote and the
 * "Post" button open a modal composer at /compose/post; Ctrl/Cmd+Enter in a text box sends; delete and
 * unfollow ask for confirmation in a sheet.
 */
(() => {
  'use strict';
  const cfg = window.__REPLICA_X__;
  const L = cfg.labels;
  const layers = document.getElementById('layers');

  // The real client's request features (abridged); sent with CreateTweet as X does.
  const FEATURES = {
    premium_content_api_read_enabled: false,
    communities_web_enable_tweet_community_results_fetch: true,
    c9s_tweet_anatomy_moderator_badge_enabled: true,
    responsive_web_grok_analyze_button_fetch_trends_enabled: false,
    responsive_web_edit_tweet_api_enabled: true,
    graphql_is_translatable_rweb_tweet_is_translatable_enabled: true,
    view_counts_everywhere_api_enabled: true,
    longform_notetweets_consumption_enabled: true,
    responsive_web_twitter_article_tweet_consumption_enabled: true,
    tweet_awards_web_tipping_enabled: false,
    longform_notetweets_rich_text_read_enabled: true,
    longform_notetweets_inline_media_enabled: true,
    responsive_web_graphql_exclude_directive_enabled: true,
    verified_phone_label_enabled: false,
    freedom_of_speech_not_reach_fetch_enabled: true,
    standardized_nudges_misinfo: true,
    responsive_web_graphql_skip_user_profile_image_extensions_enabled: false,
    responsive_web_graphql_timeline_navigation_enabled: true,
    responsive_web_enhance_cards_enabled: false,
  };
  // Placeholders only: the replica never talks to X.
  const HEADERS = {
    authorization: 'Bearer AAAAAAAAAAAAAAAAAAAAAReplicaOfXNotARealToken',
    'x-csrf-token': 'replica0csrf0token',
    'x-twitter-active-user': 'yes',
    'x-twitter-auth-type': 'OAuth2Session',
    'x-twitter-client-language': cfg.lang,
  };

  // ---------------------------------------------------------------- transport

  /** Sends one request the way this build of the client does; resolves { status, data } and never rejects. */
  function request(method, path, body, contentType, op) {
    if (cfg.transport === 'fetch') {
      const headers = { ...HEADERS, 'content-type': contentType };
      const init = { method, headers, body, credentials: 'include' };
      const call = cfg.requestObjectOps && cfg.requestObjectOps.includes(op) ? fetch(new Request(path, init)) : fetch(path, init);
      return call.then(
        (res) => res.text().then((text) => ({ status: res.status, data: parse(text) })),
        () => ({ status: 0, data: null }),
      );
    }
    return new Promise((resolve) => {
      const xhr = new XMLHttpRequest();
      xhr.open(method, path, true);
      xhr.withCredentials = true;
      for (const [k, v] of Object.entries(HEADERS)) xhr.setRequestHeader(k, v);
      xhr.setRequestHeader('content-type', contentType);
      // X's GraphQL calls read text; its REST calls ask for JSON (both kinds of XHR response get exercised).
      xhr.responseType = op.includes('/') ? 'json' : '';
      xhr.onload = () => resolve({ status: xhr.status, data: xhr.responseType === 'json' ? xhr.response : parse(xhr.responseText) });
      xhr.onerror = () => resolve({ status: 0, data: null });
      xhr.send(body);
    });
  }

  function parse(text) {
    try {
      return JSON.parse(text);
    } catch {
      return null;
    }
  }

  function gql(op, variables, withFeatures) {
    const queryId = cfg.queryIds[op];
    const body = { variables, ...(withFeatures ? { features: FEATURES } : {}), queryId };
    return request('POST', `/i/api/graphql/${queryId}/${op}`, JSON.stringify(body), 'application/json', op);
  }

  function friendship(action, userId) {
    const form = new URLSearchParams({
      include_profile_interstitial_type: '1', include_blocking: '1', include_blocked_by: '1', include_followed_by: '1',
      include_want_retweets: '1', include_mute_edge: '1', include_can_dm: '1', include_can_media_tag: '1',
      include_ext_is_blue_verified: '1', include_ext_verified_type: '1', include_ext_profile_image_shape: '1',
      skip_status: '1', user_id: userId,
    });
    // The fetch build passes URLSearchParams as is; XHR gets the encoded string, as X's client sends it.
    const body = cfg.transport === 'fetch' ? form : form.toString();
    return request('POST', `/i/api/1.1/friendships/${action}.json`, body, 'application/x-www-form-urlencoded', `friendships/${action}`);
  }

  /** X answers some refusals with HTTP 200 and `{errors:[…]}`; the client treats both as failure. */
  function succeeded(res) {
    return res.status >= 200 && res.status < 300 && !(res.data && Array.isArray(res.data.errors) && res.data.errors.length);
  }

  // ---------------------------------------------------------------- reading the page

  /** The post an element belongs to, read from its permalink (the link that wraps the <time>). */
  function postOf(el) {
    const article = el.closest('article, [role="article"]');
    if (!article) return null;
    const link = [...article.querySelectorAll('a[href*="/status/"]')].find((a) => a.querySelector('time'));
    if (!link) return null;
    const [, handle, , id] = new URL(link.href).pathname.split('/');
    const text = article.querySelector('[data-testid="tweetText"]')?.textContent ?? '';
    return { article, handle, id, text, url: `${location.origin}/${handle}/status/${id}` };
  }

  function userIdOf(handle) {
    return handle === cfg.viewer.handle ? cfg.viewer.id : cfg.users[handle]?.id;
  }

  function escapeHtml(s) {
    return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  }

  function html(markup) {
    const t = document.createElement('template');
    t.innerHTML = markup.trim();
    return t.content.firstElementChild;
  }

  function count(button, delta) {
    const span = button.querySelector('[data-testid="app-text-transition-container"] span');
    if (!span) return;
    const n = Math.max(0, (parseInt(span.textContent, 10) || 0) + delta);
    span.textContent = n ? String(n) : '';
  }

  // ---------------------------------------------------------------- layers: menus, dialogs, toasts

  function closeLayers() {
    layers.replaceChildren();
  }

  function toast(text, link) {
    const el = html(`<div class="css-175oi2r r-1awozwy r-l5o3uw r-18u37iz r-1777fci" role="alert" data-testid="toast">
      <div class="css-146c3p1 r-bcqeeo r-qvutc0 r-37j5jr"><span>${escapeHtml(text)}</span></div>
      ${link ? `<a href="${link}" role="link" class="css-1jxf684 r-bcqeeo"><span>${escapeHtml(L.view)}</span></a>` : ''}</div>`);
    document.getElementById('toasts').append(el);
    setTimeout(() => el.remove(), 4000);
  }

  /** Opens a dropdown menu under `anchor` with items `[{ label, testid?, href?, run }]`. */
  function openMenu(anchor, items) {
    closeLayers();
    const sheet = html(`<div class="css-175oi2r r-1p0dtai r-1d2f490 r-105ug2t r-u8s1d r-zchlnj r-ipm5af">
      <div class="css-175oi2r r-1p0dtai r-1d2f490 r-u8s1d r-zchlnj r-ipm5af" data-testid="mask"></div>
      <div role="menu" class="css-175oi2r r-1q9bdsx r-1upvrn0 r-1udh08x r-1ekmkwe" data-testid="Dropdown"></div></div>`);
    const menu = sheet.querySelector('[role="menu"]');
    for (const item of items) {
      const el = html(item.href
        ? `<a href="${item.href}" role="menuitem" class="css-175oi2r r-18u37iz r-ymttw5 r-1f1sjgu r-o7ynqc"><div class="css-146c3p1"><span>${escapeHtml(item.label)}</span></div></a>`
        : `<div role="menuitem" tabindex="0" class="css-175oi2r r-18u37iz r-ymttw5 r-1f1sjgu r-o7ynqc"${item.testid ? ` data-testid="${item.testid}"` : ''}><div class="css-146c3p1"><span>${escapeHtml(item.label)}</span></div></div>`);
      el.addEventListener('click', (event) => {
        event.preventDefault();
        closeLayers();
        item.run();
      });
      menu.append(el);
    }
    sheet.querySelector('[data-testid="mask"]').addEventListener('click', closeLayers);
    layers.append(sheet);
    anchor.setAttribute('aria-expanded', 'true');
  }

  /** A confirmation sheet, as X shows before a delete or an unfollow. */
  function confirmSheet(title, body, confirmLabel, run) {
    closeLayers();
    const sheet = html(`<div class="css-175oi2r r-1p0dtai r-1d2f490 r-u8s1d r-zchlnj r-ipm5af">
      <div role="alertdialog" aria-modal="true" data-testid="confirmationSheetDialog" class="css-175oi2r r-1awozwy r-18u37iz r-1pi2tsx r-1777fci">
        <h1 role="heading" class="css-146c3p1 r-bcqeeo"><span>${escapeHtml(title)}</span></h1>
        <div class="css-146c3p1 r-bcqeeo"><span>${escapeHtml(body)}</span></div>
        <button role="button" data-testid="confirmationSheetConfirm" class="css-175oi2r r-sdzlij r-1phboty r-rs99b7"><div><span><span>${escapeHtml(confirmLabel)}</span></span></div></button>
        <button role="button" data-testid="confirmationSheetCancel" class="css-175oi2r r-sdzlij r-1phboty r-rs99b7"><div><span><span>${escapeHtml(L.cancel)}</span></span></div></button>
      </div></div>`);
    sheet.querySelector('[data-testid="confirmationSheetConfirm"]').addEventListener('click', () => {
      closeLayers();
      run();
    });
    sheet.querySelector('[data-testid="confirmationSheetCancel"]').addEventListener('click', closeLayers);
    layers.append(sheet);
  }

  // ---------------------------------------------------------------- composers

  /** What each open modal composer is for: { mode: 'post' | 'reply' | 'quote', post? }. */
  const composerContext = new WeakMap();
  let pushedCompose = false;

  function openComposer(mode, post) {
    closeLayers();
    const context = post
      ? `<div class="css-175oi2r r-1iusvr4 r-16y2uox" data-testid="${mode === 'quote' ? 'quotedTweetPreview' : 'replyTarget'}" role="link" tabindex="0">
           <div class="css-175oi2r r-18u37iz"><span class="css-1jxf684">${escapeHtml(cfg.users[post.handle]?.name ?? post.handle)}</span>
           <span class="css-1jxf684 r-14j79pv">@${escapeHtml(post.handle)}</span></div>
           <div class="css-146c3p1 r-bcqeeo" lang="${cfg.lang}" dir="auto"><span>${escapeHtml(post.text)}</span></div>
           ${mode === 'reply' ? `<div class="css-146c3p1 r-14j79pv">${escapeHtml(L.replyingTo)} <a href="/${post.handle}" role="link">@${escapeHtml(post.handle)}</a></div>` : ''}
         </div>`
      : '';
    const placeholder = mode === 'reply' ? L.replyPlaceholder : mode === 'quote' ? L.quotePlaceholder : L.placeholder;
    const submit = mode === 'reply' ? L.reply : L.post;
    const dialog = html(`<div class="css-175oi2r r-1p0dtai r-1d2f490 r-u8s1d r-zchlnj r-ipm5af">
      <div class="css-175oi2r r-aqfbo4 r-1p0dtai r-1d2f490 r-12vffkv r-1xcajam r-zchlnj" data-testid="mask"></div>
      <div aria-labelledby="modal-header" aria-modal="true" role="dialog" class="css-175oi2r r-1pz39u2 r-16y2uox r-1wbh5a2">
        <div class="css-175oi2r r-1habvwh r-18u37iz r-1pi2tsx">
          <button aria-label="${escapeHtml(L.close)}" role="button" data-testid="app-bar-close" class="css-175oi2r r-sdzlij r-1phboty"><svg viewBox="0 0 24 24" aria-hidden="true"><g><path d="M10.59 12L4.54 5.96l1.42-1.42L12 10.59l6.04-6.05 1.42 1.42L13.41 12l6.05 6.04-1.42 1.42L12 13.41l-6.04 6.05-1.42-1.42L10.59 12z"></path></g></svg></button>
          <h2 id="modal-header" class="r-4qtqp9" aria-level="2" role="heading"></h2>
        </div>
        ${mode === 'reply' ? context : ''}
        <div class="css-175oi2r r-kemksi r-1kqtdi0">
          <div class="DraftEditor-root">
            <div class="public-DraftEditorPlaceholder-root"><div class="public-DraftEditorPlaceholder-inner" style="white-space: pre-wrap;">${escapeHtml(placeholder)}</div></div>
            <div class="DraftEditor-editorContainer">
              <div aria-label="${escapeHtml(L.postText)}" aria-multiline="true" class="notranslate public-DraftEditor-content" contenteditable="true" data-testid="tweetTextarea_0" role="textbox" spellcheck="true" tabindex="0" style="outline: none; user-select: text; white-space: pre-wrap; overflow-wrap: break-word;"></div>
            </div>
          </div>
        </div>
        ${mode === 'quote' ? context : ''}
        <div class="css-175oi2r r-1iusvr4 r-16y2uox r-1777fci" data-testid="toolBar">
          <button role="button" data-testid="tweetButton" disabled aria-disabled="true" class="css-175oi2r r-sdzlij r-1phboty r-19yznuf r-64el8z r-1fkl15p r-1loqt21 r-o7ynqc r-6416eg r-1ny4l3l"><div class="css-146c3p1 r-bcqeeo"><span class="css-1jxf684"><span class="css-1jxf684">${escapeHtml(submit)}</span></span></div></button>
        </div>
      </div></div>`);
    const modal = dialog.querySelector('[role="dialog"]');
    composerContext.set(modal, { mode, post });
    const close = () => closeComposer(dialog);
    dialog.querySelector('[data-testid="app-bar-close"]').addEventListener('click', close);
    dialog.querySelector('[data-testid="mask"]').addEventListener('click', close);
    layers.append(dialog);
    // X routes every modal composer through /compose/post and goes back when it closes.
    if (location.pathname !== '/compose/post') {
      history.pushState({ replicaCompose: true }, '', '/compose/post');
      pushedCompose = true;
    }
    modal.querySelector('[role="textbox"]').focus();
    return modal;
  }

  function closeComposer(dialog) {
    dialog.remove();
    if (pushedCompose) {
      pushedCompose = false;
      history.back();
    } else if (location.pathname === '/compose/post') {
      history.replaceState(null, '', '/home');
    }
  }

  /** The nearest ancestor holding both a text box and a submit button: a modal or the inline composer. */
  function composerOf(el) {
    for (let node = el; node && node !== document.body; node = node.parentElement) {
      if (node.querySelector('[data-testid^="tweetTextarea_"]') && node.querySelector('[data-testid="tweetButton"], [data-testid="tweetButtonInline"]')) return node;
    }
    return null;
  }

  function syncSubmit(composer) {
    const box = composer.querySelector('[data-testid^="tweetTextarea_"]');
    const button = composer.querySelector('[data-testid="tweetButton"], [data-testid="tweetButtonInline"]');
    const context = composerContext.get(composer.closest('[role="dialog"]'));
    const empty = box.textContent.trim() === '' && context?.mode !== 'quote';
    button.disabled = empty;
    button.setAttribute('aria-disabled', String(empty));
    const placeholder = composer.querySelector('.public-DraftEditorPlaceholder-root');
    if (placeholder) placeholder.hidden = box.textContent !== '';
  }

  async function submitComposer(composer) {
    const box = composer.querySelector('[data-testid^="tweetTextarea_"]');
    const button = composer.querySelector('[data-testid="tweetButton"], [data-testid="tweetButtonInline"]');
    if (button.disabled) return;
    const modal = composer.closest('[role="dialog"]');
    const context = (modal && composerContext.get(modal)) ?? { mode: 'post' };
    const text = box.innerText.replace(/\n$/, '');
    const variables = {
      tweet_text: text,
      dark_request: false,
      media: { media_entities: [], possibly_sensitive: false },
      semantic_annotation_ids: [],
      disallowed_reply_options: null,
    };
    if (context.mode === 'reply') variables.reply = { in_reply_to_tweet_id: context.post.id, exclude_reply_user_ids: [] };
    if (context.mode === 'quote') variables.attachment_url = context.post.url;
    button.disabled = true;
    button.setAttribute('aria-disabled', 'true');
    const res = await gql('CreateTweet', variables, true);
    const result = res.data?.data?.create_tweet?.tweet_results?.result;
    if (!succeeded(res) || !result) {
      syncSubmit(composer);
      toast(L.failed);
      return;
    }
    const id = result.rest_id;
    box.textContent = '';
    if (modal) closeComposer(modal.parentElement);
    else syncSubmit(composer);
    if (context.mode !== 'reply') insertOwnTweet(id, result.legacy.full_text);
    toast(L.sent, `/${cfg.viewer.handle}/status/${id}`);
  }

  /** X puts a new own post (or quote) at the top of the home timeline. */
  function insertOwnTweet(id, text) {
    const template = document.getElementById('replica-own-tweet');
    const markup = template.innerHTML
      .replaceAll('{{id}}', id)
      .replaceAll('{{text}}', escapeHtml(text))
      .replaceAll('{{datetime}}', new Date().toISOString());
    const cell = html(markup);
    const timeline = document.querySelector('[aria-label^="Timeline"], [aria-label^="Cronología"]');
    const first = timeline.querySelector('[data-testid="cellInnerDiv"]');
    if (first) first.before(cell);
    else timeline.append(cell);
  }

  // ---------------------------------------------------------------- actions

  /** Latest toggle per post and kind, so only the newest request may roll the button back. */
  const latest = new Map();

  async function toggle(button, kind, post) {
    const [on, off, onLabel, offLabel] = kind === 'like'
      ? ['unlike', 'like', L.liked, L.like]
      : ['unretweet', 'retweet', L.reposted, L.repost];
    const wasOn = button.getAttribute('data-testid') === on;
    const set = (state) => {
      button.setAttribute('data-testid', state ? on : off);
      button.setAttribute('aria-label', state ? onLabel : offLabel);
      button.classList.toggle('r-active', state);
    };
    set(!wasOn);
    count(button, wasOn ? -1 : 1);
    const key = `${kind}:${post.id}`;
    const seq = (latest.get(key) ?? 0) + 1;
    latest.set(key, seq);
    // Request shapes: twikit gql.py (platforms.md §1.B).
    const [op, variables] = kind === 'like'
      ? [wasOn ? 'UnfavoriteTweet' : 'FavoriteTweet', { tweet_id: post.id }]
      : wasOn
        ? ['DeleteRetweet', { source_tweet_id: post.id, dark_request: false }]
        : ['CreateRetweet', { tweet_id: post.id, dark_request: false }];
    const res = await gql(op, variables, false);
    if (!succeeded(res) && latest.get(key) === seq) {
      set(wasOn);
      count(button, wasOn ? 1 : -1);
      toast(L.failed);
    }
  }

  async function follow(userId, handle, on) {
    const res = await friendship(on ? 'create' : 'destroy', userId);
    if (!succeeded(res)) {
      toast(L.failed);
      return;
    }
    for (const button of document.querySelectorAll(`[data-testid="${userId}-follow"], [data-testid="${userId}-unfollow"]`)) {
      button.setAttribute('data-testid', `${userId}-${on ? 'unfollow' : 'follow'}`);
      button.setAttribute('aria-label', `${on ? L.following : L.follow} @${handle}`);
      button.querySelector('span span').textContent = on ? L.following : L.follow;
    }
    following[on ? 'add' : 'delete'](userId);
  }
  const following = new Set(cfg.following ?? []);

  function askUnfollow(userId, handle) {
    confirmSheet(L.unfollowTitle.replace('%s', handle), L.unfollowBody, L.unfollow, () => void follow(userId, handle, false));
  }

  async function deleteTweet(post) {
    const res = await gql('DeleteTweet', { tweet_id: post.id, dark_request: false }, false);
    if (!succeeded(res)) {
      toast(L.failed);
      return;
    }
    post.article.closest('[data-testid="cellInnerDiv"]')?.remove();
    toast(L.deleted);
  }

  function postMenu(anchor, post) {
    if (post.handle === cfg.viewer.handle) {
      openMenu(anchor, [
        { label: L.delete, run: () => confirmSheet(L.deleteTitle, L.deleteBody, L.delete, () => void deleteTweet(post)) },
        { label: L.pin, run: () => undefined },
      ]);
      return;
    }
    const userId = userIdOf(post.handle);
    const followed = following.has(userId);
    openMenu(anchor, [
      { label: L.notInterested, run: () => undefined },
      followed
        ? { label: `${L.unfollow} @${post.handle}`, run: () => askUnfollow(userId, post.handle) }
        : { label: `${L.follow} @${post.handle}`, run: () => void follow(userId, post.handle, true) },
      { label: `${L.mute} @${post.handle}`, run: () => undefined },
    ]);
  }

  // ---------------------------------------------------------------- one delegated listener per event type

  const ACTIONS = ['like', 'unlike', 'retweet', 'unretweet', 'reply', 'caret', 'SideNav_NewTweet_Button', 'tweetButtonInline']
    .map((id) => `[data-testid="${id}"]`)
    .concat('[data-testid$="-follow"]', '[data-testid$="-unfollow"]')
    .join(', ');

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const hit = target?.closest(ACTIONS);
    if (!hit || hit.closest('#layers')) return;
    const testid = hit.getAttribute('data-testid');
    const post = postOf(hit);
    if ((testid === 'like' || testid === 'unlike') && post) void toggle(hit, 'like', post);
    else if (testid === 'retweet' && post) {
      openMenu(hit, [
        { label: L.repost, testid: 'retweetConfirm', run: () => void toggle(hit, 'repost', post) },
        { label: L.quote, href: '/compose/post', run: () => openComposer('quote', post) },
      ]);
    } else if (testid === 'unretweet' && post) {
      openMenu(hit, [
        { label: L.undoRepost, testid: 'unretweetConfirm', run: () => void toggle(hit, 'repost', post) },
        { label: L.quote, href: '/compose/post', run: () => openComposer('quote', post) },
      ]);
    } else if (testid === 'reply' && post) openComposer('reply', post);
    else if (testid === 'caret' && post) postMenu(hit, post);
    else if (testid === 'SideNav_NewTweet_Button') {
      event.preventDefault();
      openComposer('post');
    } else if (testid === 'tweetButtonInline') {
      const composer = composerOf(hit);
      if (composer) void submitComposer(composer);
    } else if (/^\d+-follow$/.test(testid)) {
      const userId = testid.split('-')[0];
      void follow(userId, hit.getAttribute('aria-label').split('@')[1], true);
    } else if (/^\d+-unfollow$/.test(testid)) {
      askUnfollow(testid.split('-')[0], hit.getAttribute('aria-label').split('@')[1]);
    } else return;
    event.preventDefault();
  });

  // Buttons inside the layers (the modal's submit) are handled here; menus and sheets have their own.
  layers.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('[data-testid="tweetButton"]') : null;
    const composer = button && composerOf(button);
    if (composer) void submitComposer(composer);
  });

  document.addEventListener('input', (event) => {
    const box = event.target instanceof Element ? event.target.closest('[data-testid^="tweetTextarea_"]') : null;
    const composer = box && composerOf(box);
    if (composer) syncSubmit(composer);
  });

  // Ctrl/Cmd+Enter sends from any composer (a native X shortcut, platforms.md §1.A).
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
    const box = event.target instanceof Element ? event.target.closest('[data-testid^="tweetTextarea_"]') : null;
    const composer = box && composerOf(box);
    if (!composer) return;
    event.preventDefault();
    void submitComposer(composer);
  });

  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      const dialog = layers.querySelector('[role="dialog"]');
      if (dialog) closeComposer(dialog.parentElement);
      else closeLayers();
    }
  });

  window.addEventListener('popstate', () => {
    if (location.pathname !== '/compose/post') {
      pushedCompose = false;
      layers.querySelector('[role="dialog"]')?.parentElement.remove();
    }
  });

  // Opened directly at /compose/post: the composer over the home timeline, as on X.
  if (location.pathname === '/compose/post') openComposer('post');
})();
