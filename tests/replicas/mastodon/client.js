/*
 * Replica of the Mastodon web UI's behaviour (the parts Give First listens to), served as the page's own
 * bundle from /packs/js/application-<hash>.js. It knows nothing about the extension.
 *
 * Requests as the web UI sends them (platforms.md §3.B; mastodon actions/compose.js, interactions.js,
 * accounts.js): axios, i.e. XMLHttpRequest, same origin, JSON, a Bearer token from the initial state:
 *   POST /api/v1/statuses {status, in_reply_to_id, media_ids, sensitive, spoiler_text, visibility, poll, language}
 *        with an Idempotency-Key header; DELETE /api/v1/statuses/:id
 *   POST /api/v1/statuses/:id/favourite | unfavourite | reblog | unreblog
 *   POST /api/v1/accounts/:id/follow {reblogs} | unfollow
 * Favourites and boosts flip at once and roll back on failure; the alert shows "Oops!".
 *
 * Markup (platforms.md §3.A): #mastodon root, script#initial-state, .status__wrapper > .status[data-id],
 * a.status__display-name[title=acct][data-id], a.status__relative-time, .status__action-bar with
 * .status__action-bar__button (title Reply / Boost / Favorite; `active` when on; .star-icon), the compose
 * form (form.compose-form, textarea.autosuggest-textarea__textarea, .reply-indicator when replying,
 * .compose-form__submit button[type=submit]); Ctrl/Cmd+Enter submits.
 *
 * window.__REPLICA_MASTODON__ = { labels, variant: 'current' | 'wrapped' (extra wrappers) | 'redesign'
 * (action bar renamed as in components/status/redesign: health must complain) }.
 */
(() => {
  'use strict';
  const cfg = window.__REPLICA_MASTODON__;
  const L = cfg.labels;
  const state = JSON.parse(document.getElementById('initial-state').textContent);
  const token = state.meta.access_token;
  const me = state.accounts[state.meta.me];
  const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

  function api(method, path, body) {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(method, path);
      xhr.setRequestHeader('Authorization', `Bearer ${token}`);
      xhr.setRequestHeader('Content-Type', 'application/json');
      if (method === 'POST' && path === '/api/v1/statuses') xhr.setRequestHeader('Idempotency-Key', crypto.randomUUID());
      xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve(JSON.parse(xhr.responseText || '{}')) : reject(new Error(String(xhr.status))));
      xhr.onerror = () => reject(new Error('network'));
      xhr.send(body === undefined ? null : JSON.stringify(body));
    });
  }

  function alertOops() {
    const a = document.createElement('div');
    a.className = 'notification-bar';
    a.setAttribute('role', 'alert');
    a.textContent = L.oops;
    document.querySelector('.notification-list').append(a);
    setTimeout(() => a.remove(), 4000);
  }

  const statuses = new Map();

  function statusHtml(s) {
    const bar = cfg.variant === 'redesign' ? 'status-actions' : 'status__action-bar';
    const btn = (cls, title, active, text) =>
      `<button type="button" class="status__action-bar__button icon-button ${cls}${active ? ' active' : ''}" title="${esc(title)}" aria-label="${esc(title)}" aria-pressed="${active}">${text}</button>`;
    const body = `<div class="status status-public${s.in_reply_to_id ? ' status-reply' : ''}" data-id="${s.id}" tabindex="-1">
      <div class="status__info">
        <a href="${esc(s.url)}" class="status__relative-time" target="_blank" rel="noopener noreferrer"><time datetime="${s.created_at}">1h</time></a>
        <a href="${esc(s.account.url)}" title="${esc(s.account.acct)}" data-id="${s.account.id}" class="status__display-name"><bdi><strong class="display-name__html">${esc(s.account.display_name)}</strong></bdi> <span class="display-name__account">@${esc(s.account.acct)}</span></a>
      </div>
      <div class="status__content"><div class="status__content__text" lang="en"><p>${esc(s.content)}</p></div></div>
      <div class="${bar}">
        ${btn('reply', L.reply, false, '↩')}
        ${btn('boost', s.reblogged ? L.unboost : L.boost, !!s.reblogged, '⟲')}
        ${btn('star-icon', s.favourited ? L.unfavourite : L.favourite, !!s.favourited, '★')}
        <div class="status__action-bar__dropdown"><button type="button" class="icon-button" title="${esc(L.more)}" aria-label="${esc(L.more)}">…</button></div>
      </div></div>`;
    const wrapped = cfg.variant === 'wrapped' ? `<div class="status__wrapper-inner"><div class="focusable">${body}</div></div>` : body;
    return `<article data-replica-status="${s.id}"><div tabindex="-1" class="status__wrapper status-public focusable">${wrapped}</div></article>`;
  }
  const render = (s) => {
    const el = document.querySelector(`[data-replica-status="${s.id}"]`);
    if (el) el.outerHTML = statusHtml(s);
  };

  async function toggle(s, field, on, off) {
    const was = !!s[field];
    s[field] = !was;
    render(s);
    try {
      await api('POST', `/api/v1/statuses/${s.id}/${was ? off : on}`);
    } catch {
      s[field] = was;
      render(s);
      alertOops();
    }
  }

  // Compose form
  const form = document.querySelector('form.compose-form');
  const textarea = form.querySelector('textarea');
  let replyTo = null;
  function setReply(s) {
    replyTo = s;
    form.querySelector('.reply-indicator')?.remove();
    if (s) {
      form.querySelector('.compose-form__highlightable').insertAdjacentHTML('afterbegin',
        `<div class="reply-indicator"><div class="reply-indicator__header"><strong>${esc(s.account.display_name)}</strong></div><div class="reply-indicator__content">${esc(s.content)}</div></div>`);
      form.querySelector('.compose-form__submit button').textContent = L.replyButton;
      textarea.value = `@${s.account.acct} `;
      textarea.focus();
    } else {
      form.querySelector('.compose-form__submit button').textContent = L.post;
    }
  }
  async function submit() {
    const text = textarea.value.trim();
    if (!text) return;
    try {
      const created = await api('POST', '/api/v1/statuses', {
        status: text, in_reply_to_id: replyTo ? replyTo.id : null, media_ids: [], sensitive: false, spoiler_text: '',
        visibility: 'public', poll: null, language: 'en',
      });
      statuses.set(created.id, created);
      document.querySelector('.item-list').insertAdjacentHTML('afterbegin', statusHtml(created));
      textarea.value = '';
      setReply(null);
    } catch {
      alertOops();
    }
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void submit();
  });
  textarea.addEventListener('keydown', (e) => {
    // compose_form.jsx: keyCode === 13 && (ctrlKey || metaKey) → handleSubmit
    if (e.keyCode === 13 && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    }
  });

  document.addEventListener('click', (e) => {
    const t = e.target instanceof Element ? e.target : null;
    if (!t) return;
    const follow = t.closest('.account__header__tabs__buttons button');
    if (follow) { void toggleFollow(follow); return; }
    const confirm = t.closest('.confirmation-modal__action-bar .button');
    if (confirm) { void confirmDelete(); return; }
    const item = t.closest('.dropdown-menu__item a');
    if (item) { e.preventDefault(); openConfirm(item.closest('.dropdown-menu').getAttribute('data-for')); return; }
    const el = t.closest('.status[data-id]');
    const s = el && statuses.get(el.getAttribute('data-id'));
    if (!s) return;
    if (t.closest('.star-icon')) void toggle(s, 'favourited', 'favourite', 'unfavourite');
    else if (t.closest('.boost')) void toggle(s, 'reblogged', 'reblog', 'unreblog');
    else if (t.closest('.reply')) setReply(s);
    else if (t.closest('.status__action-bar__dropdown') && s.account.id === me.id) openMenu(s);
    else if (t.closest('a[href]')) e.preventDefault();
  });

  function openMenu(s) {
    document.querySelector('.dropdown-menu')?.remove();
    document.body.insertAdjacentHTML('beforeend', `<div class="dropdown-menu" role="menu" data-for="${s.id}"><ul><li class="dropdown-menu__item dropdown-menu__item--dangerous"><a href="#" role="menuitem">${esc(L.delete)}</a></li></ul></div>`);
  }
  let deleting = null;
  function openConfirm(id) {
    document.querySelector('.dropdown-menu')?.remove();
    deleting = id;
    document.querySelector('.modal-root').innerHTML = `<div class="modal-root__modal confirmation-modal"><div class="confirmation-modal__container">${esc(L.deleteConfirm)}</div><div class="confirmation-modal__action-bar"><button type="button" class="button button-secondary">${esc(L.cancel)}</button><button type="button" class="button">${esc(L.delete)}</button></div></div>`;
  }
  async function confirmDelete() {
    const id = deleting;
    document.querySelector('.modal-root').innerHTML = '';
    try {
      await api('DELETE', `/api/v1/statuses/${id}`);
      document.querySelector(`[data-replica-status="${id}"]`)?.remove();
    } catch {
      alertOops();
    }
  }

  const account = cfg.profile;
  async function toggleFollow(button) {
    const following = button.classList.contains('button--destructive');
    try {
      const rel = await api('POST', `/api/v1/accounts/${account.id}/${following ? 'unfollow' : 'follow'}`, following ? undefined : { reblogs: true });
      button.classList.toggle('button--destructive', !!rel.following);
      button.textContent = rel.following ? L.unfollow : L.follow;
    } catch {
      alertOops();
    }
  }

  const list = document.querySelector('.item-list');
  const timeline = account ? `/api/v1/accounts/${account.id}/statuses` : '/api/v1/timelines/home';
  api('GET', timeline).then((items) => {
    for (const s of items) {
      statuses.set(s.id, s);
      list.insertAdjacentHTML('beforeend', statusHtml(s));
    }
  }, alertOops);
})();
