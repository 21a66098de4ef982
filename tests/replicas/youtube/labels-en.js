/* English UI strings of the YouTube replica (served as the page's locale bundle; see client.js). */
window.__REPLICA_YT_LABELS__ = {
  hl: 'en', like: 'I like this', dislike: 'I dislike this',
  likeVideo: 'like this video along with 1,204 other people', dislikeVideo: 'Dislike this video',
  subscribe: 'Subscribe', subscribed: 'Subscribed', unsubscribe: 'Unsubscribe',
  subscribeTo: (n) => `Subscribe to ${n}.`, unsubscribeFrom: (n) => `Unsubscribe from ${n}`,
  commentsCount: (n) => `${n} Comments`, addComment: 'Add a comment…', addReply: 'Add a reply…',
  comment: 'Comment', reply: 'Reply', cancel: 'Cancel', justNow: 'now',
  likeComment: 'Like this comment', dislikeComment: 'Dislike this comment',
  post: 'Post', postPlaceholder: 'Share a sneak peek of your next video', visibility: 'Visibility: Public',
  accountMenu: 'Account menu', error: 'Something went wrong. Try again later.',
};
