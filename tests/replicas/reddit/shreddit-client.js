/*
 * Replica of the behaviour of Reddit's new web client ("shreddit", www.reddit.com) for the parts Give
 * First listens to, served as the page's own bundle from https://www.redditstatic.com/shreddit/…
 * It knows nothing about the extension. Sources: platforms.md §4 (A1, B).
 *
 * - <shreddit-post> and <shreddit-comment-action-row> render their vote buttons in an OPEN shadow root
 *   (`button[upvote]`, `button[downvote]`, `aria-pressed`), as shreddit does (RedditEnhancer,
 *   hide_vote_buttons.js). A vote flips at once (optimistic) and rolls back if the request fails.
 *   Request: fetch POST /svc/shreddit/graphql, JSON {operation: 'UpdatePostVoteState' |
 *   'UpdateCommentVoteState', variables: {input: {postId | commentId, voteState: 'UP'|'DOWN'|'NONE'}},
 *   csrf_token} (M).
 * - Comments: the composer's light-DOM `button[type=submit][slot=submit-button]` sends the comment. The
 *   real endpoint is unknown (platforms.md §13); this replica posts to /svc/shreddit/<parent>/create-comment
 *   (an assumption, nothing depends on it) and, on success only, inserts the new <shreddit-comment>.
 * - <shreddit-join-button>: a click sends a GraphQL mutation (name assumed: UpdateSubredditSubscriptions)
 *   and flips the `subscribed` attribute only once the server agrees (assumed behaviour, L).
 * - r-post-composer-form on /r/<sub>/submit: #submit-post-button sends GraphQL CreatePost
 *   {input: {subredditName, title, content: {markdown}, kind}} and then opens the new post.
 * - Deleting one's own post or comment: the item's overflow menu (`shreddit-overflow-menu`, light DOM,
 *   slotted into the post / action row; markup assumed, L) → "Delete" → a confirmation dialog → GraphQL
 *   DeletePost {input: {postId}} / DeleteComment {input: {commentId}} (third-party scripts: M for
 *   comments, L for posts). Only once the server agrees does the item show as deleted; a failure shows
 *   a toast and leaves it as it was.
 */
(() => {
  'use strict';
  const cfg = window.__REPLICA_REDDIT__;
  const csrf = 'replica0csrf0' + Math.random().toString(16).slice(2, 10);

  function gql(operation, variables) {
    return fetch('/svc/shreddit/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      credentials: 'include',
      body: JSON.stringify({ operation, variables, csrf_token: csrf }),
    }).then(
      (res) => res.json().catch(() => null).then((data) => ({ ok: res.ok, data })),
      () => ({ ok: false, data: null }),
    );
  }
  const succeeded = (res) => res.ok && !(res.data && Array.isArray(res.data.errors) && res.data.errors.length)
    && !Object.values((res.data && res.data.data) || {}).some((p) => p && p.ok === false);

  function toast(text) {
    const t = document.createElement('faceplate-toast');
    t.setAttribute('role', 'status');
    t.textContent = text;
    document.body.append(t);
    setTimeout(() => t.remove(), 4000);
  }

  const VOTE_CSS = `
    :host { display: block; }
    .vote { display: inline-flex; align-items: center; gap: 4px; border-radius: 999px; background: #e5ebee; padding: 2px; }
    .vote.bg-action-upvote { background: #d93a00; color: #fff; }
    .vote.bg-action-downvote { background: #6a5cff; color: #fff; }
    button { border: 0; background: none; cursor: pointer; font: inherit; color: inherit; width: 32px; height: 32px; border-radius: 999px; }
    button:hover { background: rgba(0,0,0,.08); }`;

  /** Renders the vote pill into `root`, wired to `send(state)`. */
  function votePill(root, host, idAttr, operation, field) {
    root.innerHTML = `<style>${VOTE_CSS}</style>
      <span class="vote" data-post-click-location="vote">
        <button upvote aria-pressed="false" aria-label="${cfg.labels.upvote}">⇧</button>
        <faceplate-number number="0" part="score"></faceplate-number>
        <button downvote aria-pressed="false" aria-label="${cfg.labels.downvote}">⇩</button>
      </span><slot></slot>`;
    const pill = root.querySelector('.vote');
    const up = root.querySelector('button[upvote]');
    const down = root.querySelector('button[downvote]');
    const score = root.querySelector('faceplate-number');
    const base = Number(host.getAttribute('score') || 0);
    let state = 'NONE';
    const paint = () => {
      up.setAttribute('aria-pressed', String(state === 'UP'));
      down.setAttribute('aria-pressed', String(state === 'DOWN'));
      pill.classList.toggle('bg-action-upvote', state === 'UP');
      pill.classList.toggle('bg-action-downvote', state === 'DOWN');
      const n = base + (state === 'UP' ? 1 : state === 'DOWN' ? -1 : 0);
      score.setAttribute('number', String(n));
      score.textContent = String(n);
    };
    paint();
    const vote = (wanted) => {
      const before = state;
      state = state === wanted ? 'NONE' : wanted;
      paint();
      const id = host.getAttribute(idAttr);
      gql(operation, { input: { [field]: id, voteState: state } }).then((res) => {
        if (!succeeded(res)) {
          state = before;
          paint();
          toast(cfg.labels.voteFailed);
        }
      });
    };
    up.addEventListener('click', () => vote('UP'));
    down.addEventListener('click', () => vote('DOWN'));
  }

  customElements.define('shreddit-post', class extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      const root = this.attachShadow({ mode: 'open' });
      root.innerHTML = '<slot name="credit-bar"></slot><slot name="title"></slot><slot name="text-body"></slot><div part="actions"></div><slot name="overflow"></slot>';
      const actions = document.createElement('div');
      root.querySelector('[part=actions]').replaceWith(actions);
      votePill(actions.attachShadow({ mode: 'open' }), this, 'id', 'UpdatePostVoteState', 'postId');
      if (this.getAttribute('author') === cfg.viewer && !this.querySelector(':scope > shreddit-overflow-menu')) this.append(overflowMenu('post'));
    }
  });

  customElements.define('shreddit-comment-action-row', class extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      const root = this.attachShadow({ mode: 'open' });
      const comment = this.closest('shreddit-comment');
      const holder = document.createElement('span');
      root.append(holder);
      const slot = document.createElement('slot');
      slot.name = 'comment-reply';
      root.append(slot);
      const overflow = document.createElement('slot');
      overflow.name = 'overflow';
      root.append(overflow);
      votePill(holder.attachShadow({ mode: 'open' }), comment, 'thingid', 'UpdateCommentVoteState', 'commentId');
      if (comment.getAttribute('author') === cfg.viewer && !this.querySelector(':scope > shreddit-overflow-menu')) this.append(overflowMenu('comment'));
    }
  });

  customElements.define('shreddit-join-button', class extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      const root = this.attachShadow({ mode: 'open' });
      root.innerHTML = '<style>button{border-radius:999px;padding:6px 14px;border:1px solid #0045ac;background:#0045ac;color:#fff;font:inherit;cursor:pointer}:host([subscribed]) button{background:#fff;color:#0045ac}</style><button type="button"></button>';
      const button = root.querySelector('button');
      const paint = () => { button.textContent = this.hasAttribute('subscribed') ? cfg.labels.joined : cfg.labels.join; };
      paint();
      let busy = false;
      button.addEventListener('click', () => {
        if (busy) return;
        busy = true;
        const join = !this.hasAttribute('subscribed');
        gql('UpdateSubredditSubscriptions', { input: { inputs: [{ subredditId: this.getAttribute('subreddit-id'), subscribeState: join ? 'SUBSCRIBED' : 'NONE' }] } }).then((res) => {
          busy = false;
          if (!succeeded(res)) return toast(cfg.labels.joinFailed);
          if (join) this.setAttribute('subscribed', ''); else this.removeAttribute('subscribed');
          paint();
        });
      });
    }
  });

  // ------------------------------------------------------------------ deleting one's own post or comment

  // A declaration (hoisted): the custom elements above upgrade, and call this, before this line runs.
  function label(key, fallback) { return (cfg.labels && cfg.labels[key]) || fallback; }

  function overflowMenu(kind) {
    const menu = document.createElement('shreddit-overflow-menu');
    menu.setAttribute('slot', 'overflow');
    menu.innerHTML = `<button type="button" aria-haspopup="menu" aria-expanded="false" aria-label="${kind === 'post' ? label('postOptions', 'Open post options') : label('commentOptions', 'Open comment options')}">···</button>
      <div role="menu" hidden><button type="button" role="menuitem" data-action="delete">${label('delete', 'Delete')}</button></div>`;
    return menu;
  }

  function confirmDelete(thing) {
    const isPost = thing.localName === 'shreddit-post';
    document.querySelector('[role="dialog"][data-replica-delete]')?.remove();
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.setAttribute('data-replica-delete', '');
    const title = isPost ? label('deletePostTitle', 'Delete post?') : label('deleteCommentTitle', 'Delete comment?');
    dialog.setAttribute('aria-label', title);
    dialog.innerHTML = `<h2>${title}</h2><p>${isPost ? label('deletePostBody', 'Once you delete this post, it can’t be restored.') : label('deleteCommentBody', 'Are you sure you want to delete your comment?')}</p>
      <button type="button" data-action="cancel">${label('cancel', 'Cancel')}</button> <button type="button" data-action="confirm-delete">${label('delete', 'Delete')}</button>`;
    document.body.append(dialog);
    dialog.querySelector('[data-action="cancel"]').addEventListener('click', () => dialog.remove());
    const confirm = dialog.querySelector('[data-action="confirm-delete"]');
    confirm.addEventListener('click', () => {
      confirm.disabled = true;
      const id = isPost ? thing.id : thing.getAttribute('thingid');
      gql(isPost ? 'DeletePost' : 'DeleteComment', { input: isPost ? { postId: id } : { commentId: id } }).then((res) => {
        dialog.remove();
        if (!succeeded(res)) return toast(label('deleteFailed', 'Something went wrong. Try again.'));
        thing.setAttribute('author', '[deleted]');
        thing.querySelector(':scope > shreddit-overflow-menu, :scope > shreddit-comment-action-row > shreddit-overflow-menu')?.remove();
        const body = thing.querySelector(isPost ? ':scope > [slot="text-body"]' : ':scope > [slot="comment"]');
        if (body) body.innerHTML = `<p>${isPost ? label('postDeleted', '[ Deleted by user ]') : label('commentDeleted', 'Comment deleted by user')}</p>`;
        toast(isPost ? label('postDeletedToast', 'Post deleted') : label('commentDeletedToast', 'Comment deleted'));
      });
    });
  }

  // ------------------------------------------------------------------ comments

  function composerMarkup(parentId) {
    return `<shreddit-composer parent-id="${parentId}" placeholder="${cfg.labels.placeholder}">
      <div contenteditable="true" role="textbox" aria-multiline="true" aria-label="${cfg.labels.placeholder}" class="rte"></div>
      <button slot="submit-button" type="submit" class="button-primary">${cfg.labels.comment}</button>
    </shreddit-composer>`;
  }

  function newComment({ id, parentId, text, depth }) {
    const el = document.createElement('shreddit-comment');
    const permalink = `${cfg.postPermalink}comment/${id.slice(3)}/`;
    for (const [k, v] of Object.entries({ thingid: id, author: cfg.viewer, permalink, depth: String(depth), parentid: parentId, score: '1', 'created-timestamp': new Date().toISOString() })) el.setAttribute(k, v);
    el.innerHTML = `<div slot="commentMeta"><a href="/user/${cfg.viewer}/">${cfg.viewer}</a> · <time>${cfg.labels.justNow}</time></div>
      <div slot="comment" id="${id}-comment-rtjson-content"><p></p></div>
      <shreddit-comment-action-row comment-id="${id}" slot="actionRow"><button slot="comment-reply" type="button">${cfg.labels.reply}</button></shreddit-comment-action-row>`;
    el.querySelector('[slot="comment"] p').textContent = text;
    return el;
  }

  document.addEventListener('click', (event) => {
    const opener = event.target.closest('shreddit-overflow-menu > button[aria-haspopup]');
    if (opener) {
      const list = opener.nextElementSibling;
      list.hidden = !list.hidden;
      opener.setAttribute('aria-expanded', String(!list.hidden));
      return;
    }
    const del = event.target.closest('shreddit-overflow-menu [data-action="delete"]');
    if (del) {
      const menu = del.closest('shreddit-overflow-menu');
      menu.querySelector('[role="menu"]').hidden = true;
      confirmDelete(menu.closest('shreddit-comment') || menu.closest('shreddit-post'));
      return;
    }
    const reply = event.target.closest('[slot="comment-reply"]');
    if (reply) {
      const comment = reply.closest('shreddit-comment');
      if (!comment.querySelector(':scope > [bundlename="comment_composer"]')) {
        const holder = document.createElement('faceplate-partial');
        holder.setAttribute('bundlename', 'comment_composer');
        holder.innerHTML = composerMarkup(comment.getAttribute('thingid'));
        comment.append(holder);
      }
      comment.querySelector('[contenteditable]').focus();
      return;
    }
    const submit = event.target.closest('shreddit-composer button[type="submit"]');
    if (submit && !submit.closest('r-post-composer-form')) {
      event.preventDefault();
      const composer = submit.closest('shreddit-composer');
      const box = composer.querySelector('[contenteditable]');
      const text = box.innerText.trim();
      if (!text) return;
      const parentId = composer.getAttribute('parent-id');
      submit.disabled = true;
      const body = new URLSearchParams({ text, parent: parentId, csrf_token: csrf });
      fetch(`/svc/shreddit/${parentId}/create-comment`, { method: 'POST', body, credentials: 'include' })
        .then((res) => res.json().then((data) => ({ ok: res.ok, data })), () => ({ ok: false, data: null }))
        .then((res) => {
          submit.disabled = false;
          if (!res.ok || !res.data || !res.data.id) return toast(cfg.labels.commentFailed);
          box.textContent = '';
          const parentComment = parentId.startsWith('t1_') ? document.querySelector(`shreddit-comment[thingid="${parentId}"]`) : null;
          const el = newComment({ id: res.data.id, parentId, text, depth: parentComment ? Number(parentComment.getAttribute('depth')) + 1 : 0 });
          if (parentComment) {
            parentComment.querySelector(':scope > [bundlename="comment_composer"]')?.remove();
            parentComment.append(el);
          } else {
            document.querySelector('shreddit-comment-tree').prepend(el);
          }
        }).catch(() => { submit.disabled = false; });
      return;
    }
    const post = event.target.closest('#submit-post-button');
    if (post) {
      event.preventDefault();
      const form = post.closest('r-post-composer-form');
      const title = form.querySelector('textarea[name="title"]').value.trim();
      const markdown = form.querySelector('[contenteditable]').innerText.trim();
      if (!title) return;
      post.disabled = true;
      gql('CreatePost', { input: { isNsfw: false, isSpoiler: false, content: { markdown }, title, flair: null, subredditName: form.getAttribute('subreddit-name'), kind: 'TEXT' } }).then((res) => {
        post.disabled = false;
        if (!succeeded(res)) return toast(cfg.labels.postFailed);
        location.assign(res.data.data.createPost.post.permalink);
      });
    }
  });

  document.documentElement.setAttribute('data-replica-ready', '');
})();
