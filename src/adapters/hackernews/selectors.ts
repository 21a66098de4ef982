/**
 * Every DOM hook the Hacker News adapter uses, by role (platforms.md §9.A: refined-hacker-news, recent
 * clients agree; confidence H). HN is server-rendered HTML that has barely changed in a decade.
 */
export const selectors = {
  /** A story or comment row; its id is the item id. */
  item: 'tr.athing[id]',
  comment: 'tr.athing.comtr[id]',
  author: 'a.hnuser',
  commentText: '.commtext',
  /** A story's title link. */
  titleLink: '.titleline > a, td.title > a.storylink',
  /** The signed-in user's name in the top bar. */
  me: 'a#me',
  upvote: 'a[id^="up_"]',
  unvote: 'a[id^="un_"]',
  voteCell: 'td.votelinks',
  /** The item-page link to (un)favourite: `fave?id=<id>&auth=…`, `&un=t` to undo. */
  fave: 'a[href^="fave?"], a[href^="/fave?"]',
  commentForm: 'form[action="comment"]',
  submitForm: 'form[action="/r"], form[action="r"]',
  /** The confirm page's form (`delete-confirm?id=…`): hidden id, goto, hmac; submits `d` = Yes | No. */
  deleteForm: 'form[action="/xdelete"], form[action="xdelete"]',
  submitButton: 'input[type="submit"], button[type="submit"], button:not([type])',
} as const;
