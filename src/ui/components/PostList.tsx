/**
 * The user's own posts with the self-promotion judgement and its reasons, and a button to relabel each
 * one. Shared by the popup (recent posts) and the review (the week's posts). The caller owns the
 * transport: it passes how to load the posts and how to relabel one.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { PromoReason } from '../../shared/events.ts';
import { formatDateTime, platformName, t } from '../../shared/i18n.ts';
import type { PostView } from '../../shared/messages.ts';

/** "links to your domain (example.com)", "call to action: sign up"… */
export function reasonText(reason: PromoReason): string {
  return t(`reason_${reason.code.replace(/-/g, '_')}`, reason.detail);
}

const SNIPPET = 160;

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > SNIPPET ? `${flat.slice(0, SNIPPET - 1)}…` : flat;
}

export interface PostListProps {
  load: () => Promise<PostView[]>;
  relabel: (id: string, promotional: boolean) => Promise<void>;
  /** Called after a relabel landed, e.g. to refresh the figures around the list. */
  onChanged?: () => void;
  /** Hide-numbers mode: no dates either, only the posts and their labels. */
  hideNumbers?: boolean;
  testId: string;
}

export function PostList({ load, relabel, onChanged, hideNumbers = false, testId }: PostListProps) {
  const [posts, setPosts] = useState<PostView[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState<string | null>(null);

  const refresh = useCallback(() => load().then(setPosts, () => setFailed(true)), [load]);
  useEffect(() => void refresh(), [refresh]);

  const flip = async (post: PostView): Promise<void> => {
    setBusy(post.id);
    try {
      await relabel(post.id, !post.promotional);
      setStatus(t(post.promotional ? 'relabelledPlain' : 'relabelledPromo'));
      await refresh();
      onChanged?.();
    } catch {
      setStatus(t('relabelFailed'));
    } finally {
      setBusy(null);
    }
  };

  if (failed) return <p class="muted" data-testid={testId}>{t('postsFailed')}</p>;
  if (posts === null) return <p class="muted" aria-busy="true" data-testid={testId}>{t('postsLoading')}</p>;
  return (
    <div data-testid={testId}>
      {posts.length === 0 ? <p class="muted">{t('postsNone')}</p> : (
        <ul class="posts">
          {posts.map((post) => (
            <li key={post.id} class={post.promotional ? 'post promo' : 'post'} data-testid="post" data-id={post.id}>
              <p class="post-text">{snippet(post.text) || t('postNoText')}</p>
              <p class="post-meta muted">
                {platformName(post.platform)}{!hideNumbers && ` · ${formatDateTime(post.at)}`}
                {post.url && <> · <a href={post.url} target="_blank" rel="noopener noreferrer">{t('postOpen')}</a></>}
              </p>
              <p class="post-label">
                {/* The label is words, not only a colour. */}
                <strong data-testid="post-label">{t(post.promotional ? 'postPromotional' : 'postNotPromotional')}</strong>
                {post.userLabelled && <span class="muted"> · {t('postLabelledByYou')}</span>}
              </p>
              {post.promotional && post.reasons.length > 0 && (
                <ul class="reasons" aria-label={t('postReasons')} data-testid="post-reasons">
                  {post.reasons.map((r) => <li key={`${r.code}:${r.detail}`}>{reasonText(r)}</li>)}
                </ul>
              )}
              <button type="button" data-testid="relabel" disabled={busy === post.id} onClick={() => void flip(post)}>
                {t(post.promotional ? 'relabelAsPlain' : 'relabelAsPromo')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p class="visually-hidden" role="status" aria-live="polite">{status}</p>
    </div>
  );
}
