/*
 * Replica of LinkedIn's web client behaviour for the feed replicas (tests/replicas/linkedin/*.html), served by
 * the tests from static.licdn.com like LinkedIn's own bundles. Configured by the page's inline script
 * (`window.__REPLICA_LI__`): which front end's markup to drive (selector map `sel`), the transport (`xhr` for
 * the classic Ember build, `fetch` for the SDUI build), labels, and the client's store (post → share urn).
 *
 * The requests are the real client's (platforms.md §5.B and src/adapters/linkedin/network.ts, with confidence):
 *   react      POST /voyager/api/voyagerSocialDashReactions?threadUrn=<activity urn>  {reactionType}
 *   unreact    POST /flagship-web/rsc-action/actions/server-request?sduiid=com.linkedin.sdui.reactions.delete
 *   comment    POST /voyager/api/voyagerSocialDashNormComments?decorationId=…  {commentary:{text,attributesV2}, threadUrn}
 *   delete it  DELETE /voyager/api/voyagerSocialDashNormComments/<urn:li:fsd_comment:(…)>
 *   post/quote POST /voyager/api/graphql?action=execute&queryId=voyagerContentcreationDashShares.<hash>
 *   repost     POST /voyager/api/graphql?action=execute&queryId=voyagerFeedDashReposts.<hash>
 *   delete     POST …/server-request?sduiid=com.linkedin.sdui.update.deletePost
 *   follow     POST /voyager/api/feed/dash/followingStates/<urn:li:fsd_followingState:…>  {patch:{$set:{following}}}
 *   unfollow   classic: POST /voyager/api/feed/follows?action=unfollowByEntityUrn {urn}; SDUI: followingStates false
 * Every UI change is optimistic, as on LinkedIn, and rolled back (with a toast) when the request fails.
 * Headers: csrf-token and the rest.li headers are sent as LinkedIn does (the extension must never read them).
 */
(() => {
  const cfg = window.__REPLICA_LI__;
  const sel = cfg.sel;
  const L = cfg.labels;
  const params = new URLSearchParams(location.search);
  cfg.transport = cfg.transport || 'xhr';
  const CSRF = 'ajax:4821937465019283746';
  // LinkedIn keeps the csrf token in the JSESSIONID cookie, readable by script, and echoes it in a header.
  document.cookie = `JSESSIONID="${CSRF}"; path=/; secure`;
  const SHARES_QUERY = 'voyagerContentcreationDashShares.' + cfg.sharesHash;
  const REPOSTS_QUERY = 'voyagerFeedDashReposts.' + cfg.repostsHash;

  function send(method, path, body) {
    const headers = {
      'csrf-token': CSRF,
      'x-restli-protocol-version': '2.0.0',
      'x-li-lang': document.documentElement.lang === 'es' ? 'es_ES' : 'en_US',
      accept: 'application/vnd.linkedin.normalized+json+2.1',
    };
    const payload = body === undefined ? undefined : JSON.stringify(body);
    if (payload !== undefined) headers['content-type'] = 'application/json; charset=UTF-8';
    if (cfg.transport === 'fetch') {
      return fetch(path, { method, headers, body: payload, credentials: 'include' }).then(async (r) => {
        const text = await r.text();
        return { status: r.status, text };
      }, () => ({ status: 0, text: '' }));
    }
    return new Promise((resolve) => {
      const xhr = new XMLHttpRequest();
      xhr.open(method, path);
      for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
      xhr.withCredentials = true;
      xhr.onloadend = () => resolve({ status: xhr.status, text: xhr.responseText });
      xhr.send(payload);
    });
  }
  const ok = (r) => r.status >= 200 && r.status < 300;
  const json = (r) => { try { return JSON.parse(r.text || 'null'); } catch { return null; } };
  const gqlErrors = (r) => { const j = json(r); return !!(j && ((j.errors && j.errors.length) || (j.data && j.data.errors && j.data.errors.length))); };

  function toast(text) {
    const el = document.createElement('div');
    el.className = cfg.toastClass;
    el.setAttribute('role', 'alert');
    el.textContent = text;
    document.getElementById(cfg.toastsId).append(el);
    setTimeout(() => el.remove(), 4000);
  }

  function sduiBody(action, payload) {
    return {
      requestId: action,
      serverRequest: {
        requestId: action,
        requestedArguments: {
          $type: 'proto.sdui.actions.requests.RequestedArguments',
          payload,
          requestedStateKeys: [],
          requestMetadata: { $type: 'proto.sdui.common.RequestMetadata', currentActor: { id: 'identitySwitcherActorContext' } },
        },
      },
    };
  }
  const activityUrnPayload = (urn) => ({
    __typename: 'proto_com_linkedin_common_ActivityUrn',
    activityUrn: { activityId: urn.replace('urn:li:activity:', '') },
  });

  const postOf = (el) => el.closest(sel.post);
  const urnOf = (post) => post.getAttribute(cfg.urnAttr) || (post.querySelector(sel.permalink)?.getAttribute('href').match(/urn:li:activity:\d+/) || [])[0];

  // --- reactions -------------------------------------------------------------------------------------
  const TYPES = { LIKE: L.like, PRAISE: L.celebrate, EMPATHY: L.love, INTEREST: L.insightful };
  function setReacted(button, type) {
    button.setAttribute('aria-pressed', type ? 'true' : 'false');
    button.setAttribute('aria-label', type ? L.unreactLabel(TYPES[type]) : L.reactLabel);
    button.classList.toggle('react-button--active', !!type);
    button.querySelector(sel.reactText).textContent = type ? TYPES[type] : L.like;
    button.dataset.reactionType = type || '';
  }
  async function react(post, type) {
    const button = post.querySelector(sel.reactButton);
    const before = button.dataset.reactionType || '';
    const urn = urnOf(post);
    const removing = !type;
    setReacted(button, type);
    let r;
    if (removing) {
      const action = params.get('unreact') === 'v2' ? 'com.linkedin.sdui.reactions.remove' : 'com.linkedin.sdui.reactions.delete';
      r = await send('POST', '/flagship-web/rsc-action/actions/server-request?sduiid=' + action,
        sduiBody(action, { threadUrn: { threadUrnActivityThreadUrn: activityUrnPayload(urn) }, reactionType: 'ReactionType_' + before, reactionSource: 'Update' }));
    } else {
      r = await send('POST', '/voyager/api/voyagerSocialDashReactions?threadUrn=' + encodeURIComponent(urn), { reactionType: type });
    }
    if (!ok(r)) {
      setReacted(button, before);
      toast(L.error);
    }
  }

  // --- comments --------------------------------------------------------------------------------------
  function boxText(box) { return box.querySelector(sel.editor).innerText.trim(); }
  async function submitComment(form) {
    const post = postOf(form);
    const parentComment = form.closest(sel.comment);
    const threadUrn = parentComment ? parentComment.getAttribute('data-id') : urnOf(post);
    const text = boxText(form);
    const submit = form.querySelector(sel.commentSubmit);
    submit.disabled = true;
    const r = await send('POST', '/voyager/api/voyagerSocialDashNormComments?decorationId=com.linkedin.voyager.dash.deco.social.NormComment-43', {
      commentary: { text, attributesV2: [], $type: 'com.linkedin.voyager.dash.common.text.TextViewModel' },
      threadUrn,
    });
    submit.disabled = false;
    if (!ok(r)) { toast(L.error); return; }
    const data = json(r)?.data || {};
    const dash = /urn:li:fsd_comment:\((\d+),urn:li:activity:(\d+)\)/.exec(data.entityUrn || '');
    const article = document.createElement('article');
    article.className = cfg.commentClass;
    article.setAttribute('data-id', `urn:li:comment:(activity:${dash[2]},${dash[1]})`);
    article.dataset.dashUrn = data.entityUrn;
    article.innerHTML = cfg.ownCommentHtml.replace('{TEXT}', text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]));
    (parentComment ? parentComment.querySelector(sel.replies) : post.querySelector(sel.commentsList)).append(article);
    form.querySelector(sel.editor).textContent = '';
    submit.hidden = true;
  }
  async function deleteComment(article) {
    article.hidden = true;
    const r = await send('DELETE', '/voyager/api/voyagerSocialDashNormComments/' + encodeURIComponent(article.dataset.dashUrn));
    if (!ok(r)) { article.hidden = false; toast(L.error); return; }
    article.remove();
  }

  // --- sharing ---------------------------------------------------------------------------------------
  const modal = () => document.querySelector(sel.modal);
  function openModal(resharing) {
    const m = modal();
    m.closest(sel.modalOuter).hidden = false;
    m.dataset.parentUrn = resharing ? cfg.shares[urnOf(resharing)] : '';
    const preview = m.querySelector(sel.modalPreviewSlot);
    preview.innerHTML = '';
    if (resharing) {
      const mini = document.createElement('div');
      mini.className = cfg.previewClass;
      if (cfg.previewViewName) mini.setAttribute('data-view-name', cfg.previewViewName);
      mini.textContent = resharing.querySelector(sel.postText).textContent;
      preview.append(mini);
    }
    const editor = m.querySelector(sel.editor);
    editor.textContent = '';
    m.querySelector(sel.postButton).disabled = !resharing;
    editor.focus();
  }
  function closeModal() { modal().closest(sel.modalOuter).hidden = true; }
  async function publish() {
    const m = modal();
    const text = m.querySelector(sel.editor).innerText.trim();
    const parentUrn = m.dataset.parentUrn;
    const post = {
      allowedCommentersScope: 'ALL',
      intendedShareLifeCycleState: 'PUBLISHED',
      origin: parentUrn ? 'RESHARE' : 'FEED',
      visibilityDataUnion: { visibilityType: 'ANYONE' },
      commentary: { text, attributesV2: [] },
    };
    if (parentUrn) post.parentUrn = parentUrn;
    m.querySelector(sel.postButton).disabled = true;
    const r = await send('POST', '/voyager/api/graphql?action=execute&queryId=' + SHARES_QUERY, { variables: { post }, queryId: SHARES_QUERY, includeWebMetadata: true });
    m.querySelector(sel.postButton).disabled = false;
    if (!ok(r) || gqlErrors(r)) { toast(L.error); return; }
    closeModal();
    const activity = /urn:li:activity:\d+/.exec(r.text)?.[0];
    addOwnPost(activity, text);
  }
  async function repostNow(post) {
    const r = await send('POST', '/voyager/api/graphql?action=execute&queryId=' + REPOSTS_QUERY, {
      variables: { entity: { rootContentUrn: cfg.shares[urnOf(post)] } }, queryId: REPOSTS_QUERY, includeWebMetadata: true,
    });
    if (!ok(r) || gqlErrors(r)) { toast(L.error); return; }
    addOwnPost(/urn:li:activity:\d+/.exec(r.text)?.[0], L.reposted);
  }
  function addOwnPost(activity, text) {
    const holder = document.createElement('div');
    holder.innerHTML = cfg.ownPostHtml.replaceAll('{URN}', activity).replace('{TEXT}', text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]));
    document.querySelector(sel.feed).prepend(holder.firstElementChild);
  }
  async function deletePost(post) {
    const urn = urnOf(post);
    post.hidden = true;
    const action = 'com.linkedin.sdui.update.deletePost';
    const r = await send('POST', '/flagship-web/rsc-action/actions/server-request?sduiid=' + action, sduiBody(action, {
      updateKeyContainer: { feedType: 3, items: [{ feedUpdateUrn: { updateUrnActivityUrn: activityUrnPayload(urn) } }] },
    }));
    if (!ok(r)) { post.hidden = false; toast(L.error); return; }
    post.remove();
  }

  // --- follows ---------------------------------------------------------------------------------------
  async function toggleFollow(button) {
    const following = button.getAttribute('aria-pressed') === 'true';
    const { urn: entity, name } = cfg.follows[urnOf(postOf(button))];
    const set = (on) => {
      button.setAttribute('aria-pressed', on ? 'true' : 'false');
      button.setAttribute('aria-label', (on ? L.followingLabel : L.followLabel) + ' ' + name);
      button.textContent = on ? L.following : L.follow;
    };
    set(!following);
    let r;
    if (following && cfg.unfollowByEntityUrn) {
      r = await send('POST', '/voyager/api/feed/follows?action=unfollowByEntityUrn', { urn: entity });
    } else {
      r = await send('POST', '/voyager/api/feed/dash/followingStates/' + encodeURIComponent('urn:li:fsd_followingState:' + entity), { patch: { $set: { following: !following } } });
    }
    if (!ok(r)) { set(following); toast(L.error); }
  }

  // --- wiring (one delegated listener, as Ember's event dispatcher and React's root do) --------------
  document.addEventListener('mouseover', (e) => {
    const span = e.target.closest && e.target.closest(sel.reactHost);
    if (span) span.querySelector(sel.reactMenu).hidden = false;
  });
  document.addEventListener('input', (e) => {
    const form = e.target.closest && e.target.closest(sel.commentForm);
    if (form) form.querySelector(sel.commentSubmit).hidden = boxText(form) === '';
    const m = e.target.closest && e.target.closest(sel.modal);
    if (m) m.querySelector(sel.postButton).disabled = !m.dataset.parentUrn && m.querySelector(sel.editor).innerText.trim() === '';
  });
  document.addEventListener('click', (e) => {
    const t = e.target;
    if (!(t instanceof Element)) return;
    let el;
    if ((el = t.closest(sel.reactionChoice))) {
      e.preventDefault();
      el.closest(sel.reactMenu).hidden = true;
      void react(postOf(el), el.getAttribute('data-reaction'));
    } else if ((el = t.closest(sel.reactButton))) {
      void react(postOf(el), el.getAttribute('aria-pressed') === 'true' ? null : 'LIKE');
    } else if ((el = t.closest(sel.commentButton))) {
      const box = postOf(el).querySelector(sel.commentBox);
      box.hidden = false;
      box.querySelector(sel.editor).focus();
    } else if ((el = t.closest(sel.replyButton))) {
      const box = el.closest(sel.comment).querySelector(sel.commentBox);
      box.hidden = false;
      box.querySelector(sel.editor).focus();
    } else if ((el = t.closest(sel.commentSubmit))) {
      e.preventDefault();
      void submitComment(el.closest(sel.commentForm));
    } else if ((el = t.closest(sel.commentDelete))) {
      void deleteComment(el.closest(sel.comment));
    } else if ((el = t.closest(sel.repostButton))) {
      el.parentElement.querySelector(sel.repostMenu).hidden = false;
    } else if ((el = t.closest(sel.repostNow))) {
      el.closest(sel.repostMenu).hidden = true;
      void repostNow(postOf(el));
    } else if ((el = t.closest(sel.repostThoughts))) {
      el.closest(sel.repostMenu).hidden = true;
      openModal(postOf(el));
    } else if ((el = t.closest(sel.shareTrigger))) {
      openModal(null);
    } else if ((el = t.closest(sel.modalClose))) {
      closeModal();
    } else if ((el = t.closest(sel.postButton))) {
      if (!el.disabled) void publish();
    } else if ((el = t.closest(sel.followButton))) {
      void toggleFollow(el);
    } else if ((el = t.closest(sel.deletePost))) {
      void deletePost(postOf(el));
    }
  });
  document.addEventListener('submit', (e) => e.preventDefault());
  window.__REPLICA_LI__.ready = true;
})();
