/*
 * Replica of old reddit's client behaviour (reddit.js / reddit-init, jQuery) for the parts Give First
 * listens to, served from https://www.redditstatic.com/ like the real bundles. Requests are jQuery-style
 * XMLHttpRequest posts of form-encoded bodies to the legacy API (platforms.md §4.B, confidence H):
 *   /api/vote       id, dir (1 | 0 | -1), vh, isTrusted, r, uh, renderstyle=html      → {}
 *   /api/comment    thing_id (t3_ top level, t1_ reply), text, id (#form-…), r, uh, renderstyle=html
 *                   → {"jquery": [… ["insert_things" …[{"kind": "t1", "data": {"id": "t1_…", …}}]]], "success": true}
 *   /api/submit     uh, kind=self|link, sr, title, text | url, renderstyle=html → jquery "redirect" to the new post
 *   /api/subscribe  sr (t5_…), action=sub|unsub, r, uh, renderstyle=html         → {}
 *   /api/del        id, executed=deleted, r, uh, renderstyle=html                 → {}
 * Votes flip the arrows at once (old reddit does not wait); comments appear only once the server sends the
 * thing back; errors show in the form's `.error` span.
 */
(function () {
  'use strict';
  var cfg = window.__REPLICA_OLD_REDDIT__;
  var modhash = cfg.modhash;

  function request(op, params, done) {
    params.r = cfg.subreddit;
    params.uh = modhash;
    params.renderstyle = 'html';
    var xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/' + op, true);
    xhr.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded; charset=UTF-8');
    xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    xhr.onload = function () {
      var data = null;
      try { data = JSON.parse(xhr.responseText); } catch (e) { /* not JSON */ }
      done(xhr.status >= 200 && xhr.status < 300 && !(data && data.success === false), data);
    };
    xhr.onerror = function () { done(false, null); };
    xhr.send(new URLSearchParams(params).toString());
  }

  function thingOf(el) { return el.closest('.thing'); }

  function vote(arrow) {
    var thing = thingOf(arrow);
    var midcol = arrow.closest('.midcol');
    var entry = thing.querySelector(':scope > .entry');
    var up = arrow.classList.contains('up') || arrow.classList.contains('upmod');
    var wasUp = midcol.classList.contains('likes');
    var wasDown = midcol.classList.contains('dislikes');
    var dir = up ? (wasUp ? 0 : 1) : (wasDown ? 0 : -1);
    [midcol, entry].forEach(function (el) {
      el.classList.remove('likes', 'dislikes', 'unvoted');
      el.classList.add(dir === 1 ? 'likes' : dir === -1 ? 'dislikes' : 'unvoted');
    });
    var upArrow = midcol.querySelector('.arrow.up, .arrow.upmod');
    var downArrow = midcol.querySelector('.arrow.down, .arrow.downmod');
    upArrow.className = 'arrow ' + (dir === 1 ? 'upmod' : 'up') + ' login-required access-required';
    downArrow.className = 'arrow ' + (dir === -1 ? 'downmod' : 'down') + ' login-required access-required';
    request('vote', { id: thing.getAttribute('data-fullname'), dir: String(dir), vh: cfg.voteHash, isTrusted: 'true' }, function () {});
  }

  function showError(form, text) {
    var status = form.querySelector('.status');
    status.textContent = text;
    status.classList.add('error');
    status.style.display = '';
  }

  function postComment(form) {
    var text = form.querySelector('textarea[name="text"]').value;
    var parent = form.querySelector('input[name="thing_id"]').value;
    var button = form.querySelector('button.save');
    button.disabled = true;
    request('comment', { thing_id: parent, text: text, id: '#' + form.id }, function (ok, data) {
      button.disabled = false;
      var things = [];
      (data && data.jquery || []).forEach(function (cmd) {
        if (cmd[2] === 'call' && Array.isArray(cmd[3]) && Array.isArray(cmd[3][0]) && cmd[3][0][0] && cmd[3][0][0].kind === 't1') things = cmd[3][0];
      });
      if (!ok || !things.length) return showError(form, cfg.labels.commentFailed);
      var t = things[0].data;
      var tpl = document.getElementById('replica-own-comment').innerHTML
        .split('{{id}}').join(t.id.slice(3)).split('{{fullname}}').join(t.id);
      var holder = document.createElement('div');
      holder.innerHTML = tpl.trim();
      var el = holder.firstElementChild;
      el.querySelector('.usertext-body .md').innerHTML = '<p></p>';
      el.querySelector('.usertext-body .md p').textContent = t.contentText;
      var parentThing = parent.indexOf('t1_') === 0 ? document.getElementById('thing_' + parent) : null;
      var list = parentThing ? parentThing.querySelector(':scope > .child') : document.getElementById('siteTable_' + cfg.linkFullname);
      if (parentThing) {
        form.remove();
        var nested = list.querySelector(':scope > .sitetable') || list.appendChild(Object.assign(document.createElement('div'), { className: 'sitetable listing' }));
        nested.appendChild(el);
      } else {
        form.querySelector('textarea').value = '';
        list.insertBefore(el, list.firstChild);
      }
    });
  }

  document.addEventListener('click', function (event) {
    var arrow = event.target.closest('.midcol .arrow');
    if (arrow) return vote(arrow);
    var replyLink = event.target.closest('a.reply-button, .reply-button a');
    if (replyLink) {
      event.preventDefault();
      var thing = thingOf(replyLink);
      var child = thing.querySelector(':scope > .child');
      if (!child.querySelector(':scope > form.usertext')) {
        var form = document.querySelector('form.usertext.cloneable').cloneNode(true);
        form.classList.remove('cloneable');
        form.id = 'form-' + thing.getAttribute('data-fullname') + Math.random().toString(36).slice(2, 5);
        form.querySelector('input[name="thing_id"]').value = thing.getAttribute('data-fullname');
        form.querySelector('textarea').value = '';
        form.querySelector('button.cancel').style.display = '';
        child.insertBefore(form, child.firstChild);
      }
      child.querySelector('textarea').focus();
      return;
    }
    var toggle = event.target.closest('.fancy-toggle-button a.option');
    if (toggle) {
      event.preventDefault();
      var box = toggle.closest('.fancy-toggle-button');
      var sub = toggle.classList.contains('add');
      request('subscribe', { sr: cfg.subredditFullname, action: sub ? 'sub' : 'unsub' }, function (ok) {
        if (!ok) return;
        box.querySelector('a.add').classList.toggle('active', !sub);
        box.querySelector('a.remove').classList.toggle('active', sub);
      });
      return;
    }
    var del = event.target.closest('form.del-button a.yes');
    if (del) {
      event.preventDefault();
      var gone = thingOf(del);
      request('del', { id: gone.getAttribute('data-fullname'), executed: 'deleted' }, function (ok) {
        if (ok) gone.classList.add('deleted');
      });
      return;
    }
    var delAsk = event.target.closest('form.del-button a.togglebutton');
    if (delAsk) {
      event.preventDefault();
      delAsk.closest('form').querySelector('.option.error').style.display = 'inline';
    }
  });

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.matches('form.usertext')) {
      event.preventDefault();
      postComment(form);
    } else if (form.matches('form#newlink')) {
      event.preventDefault();
      var kind = form.querySelector('input[name="kind"]').value;
      var params = { kind: kind, sr: form.querySelector('input[name="sr"]').value, title: form.querySelector('textarea[name="title"]').value };
      if (kind === 'link') params.url = form.querySelector('input[name="url"]').value;
      else params.text = form.querySelector('textarea[name="text"]').value;
      request('submit', params, function (ok, data) {
        var target = null;
        (data && data.jquery || []).forEach(function (cmd, i, all) {
          if (cmd[2] === 'attr' && cmd[3] === 'redirect' && all[i + 1]) target = all[i + 1][3][0];
        });
        if (!ok || !target) return showError(form, cfg.labels.submitFailed);
        location.assign(target);
      });
    }
  });
  document.documentElement.setAttribute('data-replica-ready', '');
})();
