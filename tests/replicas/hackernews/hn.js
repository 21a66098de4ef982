/*
 * Replica of Hacker News's page script (news.ycombinator.com/hn.js) for the parts Give First listens to:
 * voting. As HN's own script does, a click on an arrow link (`a#up_<id>`, class `clicky`) hides the arrow
 * (`nosee`), writes an `a#un_<id>` "unvote" link into `span#unv_<id>`, and sends the vote as an image
 * beacon (`new Image().src = href`, a GET to `vote?id=…&how=up&auth=…&goto=…`); the page never looks at
 * the answer. "unvote" does the reverse. Comments, replies, submissions and favourites are plain forms and
 * links (server round trips). The `classic` variant (HN before 2022) uses `onclick="return vote(…)"`
 * attributes and hides the whole `td.votelinks` cell instead. Sources: platforms.md §9.
 */
function $(id) { return document.getElementById(id); }
function addClass(el, cl) { if (el && !el.classList.contains(cl)) el.classList.add(cl); }
function remClass(el, cl) { if (el) el.classList.remove(cl); }
function vis(el, on) { if (el) (on ? remClass : addClass)(el, 'nosee'); }
function vote(ev, el, how) {
  var id = el.id.split(/_/)[1];
  var up = $('up_' + id);
  var classic = document.documentElement.hasAttribute('data-classic');
  vis(classic && up ? up.closest('td.votelinks') : up, how == 'un');
  vis($('down_' + id), how == 'un');
  var unv = '';
  if (how != 'un') {
    unv = " | <a id='un_" + id + "' class='clicky' href='" + el.getAttribute('href').replace('how=up', 'how=un').replace('how=down', 'how=un') + "'>" + (how == 'up' ? 'unvote' : 'undown') + '</a>';
  }
  $('unv_' + id).innerHTML = unv;
  new Image().src = el.href;
  if (ev) { ev.stopPropagation(); ev.preventDefault(); }
  return false;
}
document.addEventListener('click', function (ev) {
  var el = ev.target.closest('a.clicky, a[id^="up_"]');
  if (!el || !el.id) return;
  var m = /^(up|down|un)_/.exec(el.id);
  if (m) vote(ev, el, m[1]);
});
