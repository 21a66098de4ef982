/*
 * Replica of Facebook's web client ("Comet") behaviour for the feed replicas (tests/replicas/facebook/home.html, rendered per variant by home.ts),
 * served by the tests from static.xx.fbcdn.net like Facebook's own bundles. Configured by the page's inline
 * script (`window.__REPLICA_FB__`): transport (`xhr` or `fetch`), labels, and the client's store (feed position
 * → post id, comment → post id), since Facebook's DOM does not carry every id.
 *
 * The requests are the real client's (platforms.md §7.B and src/adapters/facebook/network.ts, with confidence):
 * every one is POST /api/graphql/, form-encoded, with the session fields (av, __user, fb_dtsg, lsd, jazoest…),
 * `fb_api_req_friendly_name`, `variables` (JSON string) and `doc_id`, plus the x-fb-friendly-name and x-fb-lsd
 * headers:
 *   react       CometUFIFeedbackReactMutation {input:{feedback_id: b64 feedback:<post>, feedback_reaction_id}}
 *   unreact     the same with feedback_reaction_id null (L); with ?unreact=unknown, a mutation the adapter
 *               does not know (CometUFIFeedbackRemoveReactionMutation, made up) so that only the DOM can tell;
 *               with ?shape=renamed, feedback_id is sent as feedback_target_id (a changed request shape)
 *   comment     useCometUFICreateCommentMutation {input:{feedback_id, message:{text}, reply_comment_parent_fbid}}
 *   delete it   useCometUFIDeleteCommentMutation {input:{comment_id: b64 comment:<post>_<comment>}}
 *   post        ComposerStoryCreateMutation {input:{message:{text}, composer_type:"feed", audience…}}
 *   share+text  ComposerStoryCreateMutation {input:{composer_type:"share", attachments:[{link:{share_scrape_data}}]}}
 *   share now   useCometFeedToFeedReshare_FeedToFeedMutation {input:{attachments:{link:{share_scrape_data}}}}
 * Replies start with `for (;;);`; some are several JSON documents, one per line. Every UI change is optimistic
 * and rolled back (with an alert) when the request fails or answers `errors`. Enter submits a comment box;
 * Shift+Enter adds a line.
 */
(() => {
  const cfg = window.__REPLICA_FB__;
  const L = cfg.labels;
  const params = new URLSearchParams(location.search);
  const SESSION = {
    av: cfg.viewer.id, __aaid: '0', __user: cfg.viewer.id, __a: '1', __hs: '20415.HYP:comet_pkg.2.1...0', dpr: '1', __ccg: 'EXCELLENT',
    __rev: '1029384756', __comet_req: '15', fb_dtsg: 'NAfsECRETdtsgT0KEN:31:1763900000', jazoest: '25511', lsd: 'SeCrEtLsDtOkEn',
    __spin_r: '1029384756', __spin_b: 'trunk', __spin_t: '1763900000',
  };
  const DOC_IDS = {
    CometUFIFeedbackReactMutation: '27646120298312844', CometUFIFeedbackRemoveReactionMutation: '27646120298399999',
    useCometUFICreateCommentMutation: '28781864408106143', useCometUFIDeleteCommentMutation: '8724763607600242',
    ComposerStoryCreateMutation: '28778531428503134', useCometFeedToFeedReshare_FeedToFeedMutation: '6509593895832866',
    CometNewsFeedPaginationQuery: '9384720164535261',
  };
  let req = 0;
  let mutationId = 0;

  function graphql(name, variables) {
    const form = new URLSearchParams({ ...SESSION, __req: (++req).toString(36), fb_api_caller_class: 'RelayModern', fb_api_req_friendly_name: name, variables: JSON.stringify(variables), server_timestamps: 'true', doc_id: DOC_IDS[name] });
    const headers = { 'content-type': 'application/x-www-form-urlencoded', 'x-fb-friendly-name': name, 'x-fb-lsd': SESSION.lsd, 'x-asbd-id': '359341' };
    const body = form.toString();
    const done = (status, text) => {
      const docs = text.replace(/^for \(;;\);/, '').split('\n').filter(Boolean).map((l) => { try { return JSON.parse(l); } catch { return null; } });
      const first = docs[0];
      const ok = status >= 200 && status < 300 && first && !first.error && !(first.errors && first.errors.length);
      return { ok, data: first && first.data };
    };
    if (cfg.transport === 'fetch') {
      return fetch('/api/graphql/', { method: 'POST', headers, body, credentials: 'include' })
        .then(async (r) => done(r.status, await r.text()), () => done(0, ''));
    }
    return new Promise((resolve) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', '/api/graphql/', true);
      for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
      xhr.withCredentials = true;
      xhr.onloadend = () => resolve(done(xhr.status, xhr.responseText || ''));
      xhr.send(body);
    });
  }

  const b64 = (s) => btoa(s);
  const tracking = () => ['AZX' + Math.random().toString(36).slice(2)];
  const uuid = () => crypto.randomUUID();
  const attribution = () => `CometHomeRoot.react,comet.home,via_cold_start,${Date.now()},123456,4748854339,,`;

  function toast(text) {
    const el = document.createElement('div');
    el.setAttribute('role', 'alert');
    el.textContent = text;
    document.getElementById('toasts').append(el);
    setTimeout(() => el.remove(), 4000);
  }

  /** The post article (outermost) and its id from the store. */
  function postOf(el) {
    const unit = el.closest('[aria-posinset]');
    if (!unit) return null;
    return { unit, article: unit.querySelector('[role="article"]'), id: cfg.posts[unit.getAttribute('aria-posinset')] };
  }

  function likeControlIn(article) {
    return article.querySelector(':scope .ufi [data-ad-rendering-role="like_button"]').closest('[role="button"]');
  }
  function setLiked(control, liked) {
    control.setAttribute('aria-label', liked ? L.remove : L.like);
    control.querySelector('[data-ad-rendering-role="like_button"]').textContent = L.like;
    control.dataset.liked = liked ? '1' : '';
  }

  async function toggleLike(control, post) {
    const liked = control.dataset.liked === '1';
    setLiked(control, !liked);
    const input = {
      attribution_id_v2: attribution(), feedback_id: b64('feedback:' + post.id),
      feedback_reaction_id: liked ? null : '1635855486666999', feedback_source: 'NEWS_FEED',
      is_tracking_encrypted: true, tracking: tracking(), session_id: uuid(), actor_id: cfg.viewer.id, client_mutation_id: String(++mutationId),
    };
    // ?shape=renamed: a deployment that renamed the field (the adapter must say it cannot read the request).
    if (params.get('shape') === 'renamed') {
      input.feedback_target_id = input.feedback_id;
      delete input.feedback_id;
    }
    const name = liked && params.get('unreact') === 'unknown' ? 'CometUFIFeedbackRemoveReactionMutation' : 'CometUFIFeedbackReactMutation';
    const r = await graphql(name, { input, useDefaultActor: false, __relay_internal__pv__CometUFIReactionsEnableShortNamerelayprovider: false });
    if (!r.ok) {
      setLiked(control, liked);
      toast(L.failed);
    }
  }

  function editorText(editor) {
    return editor.innerText.replace(/\n+$/, '').trim();
  }
  function clearEditor(editor) {
    editor.innerHTML = '<p><br></p>';
  }

  function ownComment(text, postId, commentId) {
    const el = document.createElement('div');
    el.setAttribute('role', 'article');
    el.setAttribute('aria-label', `${L.commentBy} ${cfg.viewer.name} ${L.justNow}`);
    el.setAttribute('tabindex', '-1');
    const a = document.createElement('a');
    a.href = `https://www.facebook.com/${cfg.viewer.slug}?comment_id=${encodeURIComponent(b64(`comment:${postId}_${commentId}`))}`;
    a.setAttribute('role', 'link');
    a.innerHTML = `<span>${cfg.viewer.name}</span>`;
    const body = document.createElement('div');
    body.dir = 'auto';
    body.textContent = text;
    const menu = document.createElement('div');
    menu.setAttribute('role', 'button');
    menu.setAttribute('aria-label', L.edit);
    menu.tabIndex = 0;
    menu.className = 'comment-menu';
    menu.textContent = '…';
    menu.dataset.comment = `${postId}_${commentId}`;
    el.append(a, body, menu);
    return el;
  }

  async function submitComment(editor) {
    const text = editorText(editor);
    if (!text) return;
    const post = postOf(editor);
    const replyTo = editor.closest('.reply-form') ? editor.closest('[role="article"]') : null;
    const parentId = replyTo && replyTo.dataset.commentId;
    const feedback = parentId ? `${post.id}_${parentId}` : post.id;
    const input = {
      client_mutation_id: String(++mutationId), actor_id: cfg.viewer.id, attachments: null, feedback_id: b64('feedback:' + feedback),
      formatting_style: null, message: { ranges: [], text }, reply_comment_parent_fbid: parentId ? b64(`comment:${post.id}_${parentId}`) : null,
      reply_target_clicked: !!parentId, attribution_id_v2: attribution(), vod_video_timestamp: null, feedback_referrer: '/',
      is_tracking_encrypted: true, tracking: tracking(), feedback_source: 'NEWS_FEED', idempotence_token: 'client:' + uuid(), session_id: uuid(),
    };
    editor.setAttribute('aria-busy', 'true');
    const r = await graphql('useCometUFICreateCommentMutation', {
      feedLocation: 'NEWSFEED', feedbackSource: 1, groupID: null, input, inviteShortLinkKey: null, renderLocation: null, scale: 1, useDefaultActor: false, focusCommentID: null,
    });
    editor.removeAttribute('aria-busy');
    if (!r.ok) {
      toast(L.failed);
      return;
    }
    const node = r.data.comment_create.feedback_comment_edge.node;
    const list = replyTo ? replyTo : post.article.querySelector('.comments');
    list.append(ownComment(text, post.id, node.legacy_fbid));
    clearEditor(editor);
  }

  async function deleteComment(ref, el) {
    const r = await graphql('useCometUFIDeleteCommentMutation', {
      input: { client_mutation_id: String(++mutationId), actor_id: cfg.viewer.id, attribution_id_v2: attribution(), comment_id: b64('comment:' + ref), remove_location: 'MENU', tracking: null },
      inviteShortLinkKey: null, renderLocation: null, scale: 1,
    });
    if (r.ok) el.remove();
    else toast(L.failed);
  }

  const audience = () => ({ privacy: { allow: [], base_state: 'EVERYONE', deny: [], tag_expansion_state: 'UNSPECIFIED' } });
  // The id goes in as a bare number, as Facebook writes it (17 digits: past what a JS number holds exactly).
  const scrape = (postId) => `{"share_type":22,"share_params":[${postId}]}`;

  function closeMenus() {
    for (const m of document.querySelectorAll('[role="menu"]')) m.remove();
  }

  function openShareMenu(button, post) {
    closeMenus();
    const menu = document.createElement('div');
    menu.setAttribute('role', 'menu');
    for (const [text, action] of [[L.shareNow, 'now'], [L.shareToFeed, 'feed']]) {
      const item = document.createElement('div');
      item.setAttribute('role', 'menuitem');
      item.tabIndex = 0;
      item.textContent = text;
      item.dataset.share = action;
      item.dataset.post = post.unit.getAttribute('aria-posinset');
      menu.append(item);
    }
    button.after(menu);
  }

  async function shareNow(post) {
    const r = await graphql('useCometFeedToFeedReshare_FeedToFeedMutation', {
      input: {
        attachments: { link: { share_scrape_data: scrape(post.id) } }, audiences: { undirected: audience() }, is_tracking_encrypted: true,
        navigation_data: { attribution_id_v2: attribution() }, source: 'www', tracking: tracking(), actor_id: cfg.viewer.id, client_mutation_id: String(++mutationId),
      },
      renderLocation: 'homepage_stream', scale: 1, privacySelectorRenderLocation: 'COMET_STREAM', useDefaultActor: false, feedLocation: 'NEWSFEED',
    });
    if (!r.ok) toast(L.failed);
  }

  /** The create-post dialog, or the share dialog (with a preview of the shared post) when `shared` is set. */
  function openDialog(shared) {
    document.querySelector('[role="dialog"]')?.remove();
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-label', shared ? L.shareToFeed : L.createPost);
    const title = document.createElement('h2');
    title.textContent = shared ? L.shareToFeed : L.createPost;
    const close = document.createElement('div');
    close.setAttribute('role', 'button');
    close.setAttribute('aria-label', L.close);
    close.className = 'close';
    close.textContent = '×';
    const editor = document.createElement('div');
    editor.contentEditable = 'true';
    editor.setAttribute('role', 'textbox');
    editor.setAttribute('data-lexical-editor', 'true');
    editor.setAttribute('aria-label', shared ? L.sayAbout : L.mind);
    editor.innerHTML = '<p><br></p>';
    dialog.append(title, close, editor);
    if (shared) {
      const preview = document.createElement('div');
      preview.setAttribute('role', 'article');
      preview.innerHTML = shared.article.querySelector('[data-ad-rendering-role="profile_name"]').outerHTML
        + shared.article.querySelector('[data-ad-rendering-role="story_message"]').outerHTML;
      dialog.append(preview);
      dialog.dataset.shared = shared.id;
    }
    const submit = document.createElement('div');
    submit.setAttribute('role', 'button');
    submit.setAttribute('aria-label', L.post);
    submit.tabIndex = 0;
    submit.className = 'submit';
    submit.innerHTML = `<span>${L.post}</span>`;
    if (!shared) submit.setAttribute('aria-disabled', 'true');
    dialog.append(submit);
    editor.addEventListener('input', () => {
      if (!shared) submit.setAttribute('aria-disabled', editorText(editor) ? 'false' : 'true');
    });
    document.body.append(dialog);
    editor.focus();
  }

  function ownPost(text, id) {
    const unit = document.createElement('div');
    unit.setAttribute('aria-posinset', String(Object.keys(cfg.posts).length + 1));
    cfg.posts[unit.getAttribute('aria-posinset')] = id;
    unit.innerHTML = `<div role="article"><div data-ad-rendering-role="profile_name"><h4><a href="https://www.facebook.com/${cfg.viewer.slug}" role="link"><strong><span>${cfg.viewer.name}</span></strong></a></h4></div>`
      + `<a href="https://www.facebook.com/${cfg.viewer.slug}/posts/${id}" role="link">${L.justNow}</a><div data-ad-rendering-role="story_message"><div dir="auto"></div></div></div>`;
    unit.querySelector('[dir="auto"]').textContent = text;
    return unit;
  }

  async function submitDialog(dialog) {
    const editor = dialog.querySelector('[role="textbox"]');
    const text = editorText(editor);
    const shared = dialog.dataset.shared;
    if (!text && !shared) return;
    const input = {
      composer_entry_point: shared ? 'share_modal' : 'inline_composer', composer_source_surface: 'newsfeed', composer_type: shared ? 'share' : 'feed',
      idempotence_token: uuid() + '_FEED', source: 'WWW', audience: audience(), message: { ranges: [], text }, inline_activities: [], text_format_preset_id: '0',
      attachments: shared ? [{ link: { share_scrape_data: scrape(shared) } }] : [], tracking: [null], event_share_metadata: { surface: 'newsfeed' },
      actor_id: cfg.viewer.id, client_mutation_id: String(++mutationId),
    };
    const submit = dialog.querySelector('.submit');
    submit.setAttribute('aria-disabled', 'true');
    const r = await graphql('ComposerStoryCreateMutation', {
      input, feedLocation: 'NEWSFEED', feedbackSource: 0, focusCommentID: null, scale: 1, privacySelectorRenderLocation: 'COMET_STREAM', renderLocation: 'homepage_stream', useDefaultActor: false, isFeed: true,
    });
    submit.setAttribute('aria-disabled', 'false');
    if (!r.ok) {
      toast(L.failed);
      return;
    }
    dialog.remove();
    if (!shared) document.getElementById('feed').querySelector('h3').after(ownPost(text, r.data.story_create.story.legacy_story_hideable_id));
  }

  // Comments already on the page carry their id in the store (the real client keeps it in Relay).
  for (const comment of document.querySelectorAll('[role="article"] [role="article"]')) {
    const link = comment.querySelector('a[href*="comment_id="]:not([href*="comment_id=Y29"])');
    const id = link && /comment_id=(\d+)/.exec(link.getAttribute('href'))?.[1];
    if (id) comment.dataset.commentId = id;
  }

  document.addEventListener('click', (event) => {
    const t = event.target instanceof Element ? event.target : null;
    if (!t) return;
    const item = t.closest('[role="menuitem"][data-share]');
    if (item) {
      const post = postOf(document.querySelector(`[aria-posinset="${item.dataset.post}"]`));
      closeMenus();
      if (item.dataset.share === 'now') void shareNow(post);
      else openDialog(post);
      return;
    }
    const del = t.closest('[role="menuitem"][data-delete]');
    if (del) {
      const comment = document.querySelector(`.comment-menu[data-comment="${del.dataset.delete}"]`).closest('[role="article"]');
      closeMenus();
      void deleteComment(del.dataset.delete, comment);
      return;
    }
    const dialog = t.closest('[role="dialog"]');
    if (dialog) {
      if (t.closest('.close')) dialog.remove();
      const submit = t.closest('.submit');
      if (submit && submit.getAttribute('aria-disabled') !== 'true') void submitDialog(dialog);
      return;
    }
    if (t.closest('[data-pagelet="FeedComposer"] [role="button"]')) {
      openDialog(null);
      return;
    }
    const post = postOf(t);
    if (!post) return;
    const menuButton = t.closest('.comment-menu');
    if (menuButton) {
      closeMenus();
      const menu = document.createElement('div');
      menu.setAttribute('role', 'menu');
      const entry = document.createElement('div');
      entry.setAttribute('role', 'menuitem');
      entry.tabIndex = 0;
      entry.textContent = L.del;
      entry.dataset.delete = menuButton.dataset.comment;
      menu.append(entry);
      menuButton.after(menu);
      return;
    }
    if (t.closest('.reply')) {
      const form = t.closest('[role="article"]').querySelector('.reply-form');
      form.hidden = false;
      form.querySelector('[role="textbox"]').focus();
      return;
    }
    if (t.closest('[data-ad-rendering-role="comment_button"]') || t.closest('[role="button"]')?.querySelector('[data-ad-rendering-role="comment_button"]')) {
      post.article.querySelector('.comment-form [role="textbox"]').focus();
      return;
    }
    const send = t.closest('.comment-form .send');
    if (send) {
      void submitComment(send.closest('form').querySelector('[role="textbox"]'));
      return;
    }
    const share = t.closest('.ufi [role="button"]');
    if (share && share.querySelector('[data-ad-rendering-role="share_button"]')) {
      openShareMenu(share, post);
      return;
    }
    const like = t.closest('.ufi [role="button"]');
    if (like && like === likeControlIn(post.article)) void toggleLike(like, post);
  });

  document.addEventListener('keydown', (event) => {
    const editor = event.target instanceof Element ? event.target.closest('form [data-lexical-editor="true"]') : null;
    if (!editor || event.key !== 'Enter' || event.shiftKey) return;
    event.preventDefault();
    void submitComment(editor);
  });
  document.addEventListener('submit', (event) => event.preventDefault());

  // Like the real feed, the page pages through the same endpoint with queries (never a user action).
  void graphql('CometNewsFeedPaginationQuery', { count: 3, cursor: 'AQHRbT9v', feedLocation: 'NEWSFEED', feedbackSource: 1, orderby: ['TOP_STORIES'], scale: 1 })
    .then(() => { cfg.ready = true; });
})();
