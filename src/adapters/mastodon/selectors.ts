/**
 * Every DOM hook the Mastodon adapter uses, by role. Source: platforms.md §3.A — mastodon/mastodon
 * `app/javascript/mastodon/components/status.jsx`, `status_action_bar.jsx`,
 * `features/compose/components/compose_form.jsx` (BEM classes stable for years, confidence H), except
 * the detection root and initial state (several third-party scripts agree, confidence M). A redesign
 * (`components/status/redesign/*`) is under way: the health check reports when these stop matching.
 */
export const selectors = {
  /** The web UI's React root, on every instance whatever its domain. */
  root: '#mastodon',
  /** `{"meta": {"me": <account id>, "access_token": …}, "accounts": {…}}`: only `me` and its acct are read. */
  initialState: 'script#initial-state',
  status: '.status[data-id]',
  detailedStatus: '.detailed-status',
  actionBar: '.status__action-bar, .detailed-status__action-bar',
  favouriteButton: '.star-icon',
  displayName: 'a.status__display-name',
  relativeTime: 'a.status__relative-time',
  composeForm: 'form.compose-form',
  composeText: 'textarea.autosuggest-textarea__textarea, .compose-form textarea',
  submit: '.compose-form__submit button[type="submit"]',
  replyIndicator: '.reply-indicator',
  /** Shown while editing a post (4.x). */
  editIndicator: '.edit-indicator',
  columns: '.columns-area, .columns-area__panels',
  emptyColumn: '.empty-column-indicator',
} as const;
