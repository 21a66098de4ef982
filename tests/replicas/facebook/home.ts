/**
 * Renders the one Facebook feed replica (home.html, a template) as one of its variants. The fake server
 * (tests/e2e/facebook-api.ts) serves these pages and the adapter's unit tests parse them, so both read the
 * same markup instead of copies that drift apart. Every variant difference is a {{slot}} here; rendering
 * throws on a slot left unfilled, so a new slot cannot silently reach a test page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type FacebookVariant = 'en' | 'es' | 'broken';

/** What the replica's client script shows as it acts (window.__REPLICA_FB__.labels, read by client.js). */
const CLIENT_LABELS = {
  en: {
    like: 'Like', remove: 'Remove Like', comment: 'Comment', reply: 'Reply', post: 'Post', createPost: 'Create post',
    mind: "What's on your mind, Sam?", shareNow: 'Share now (Public)', shareToFeed: 'Share to Feed', sayAbout: 'Say something about this…',
    writeComment: 'Write a comment…', edit: 'Edit or delete this', del: 'Delete', failed: "This action couldn't be completed. Try again.",
    commentBy: 'Comment by', justNow: 'Just now', close: 'Close',
  },
  es: {
    like: 'Me gusta', remove: 'Quitar Me gusta', comment: 'Comentar', reply: 'Responder', post: 'Publicar', createPost: 'Crear publicación',
    mind: '¿Qué estás pensando, Sam?', shareNow: 'Compartir ahora (público)', shareToFeed: 'Compartir en el feed', sayAbout: 'Di algo sobre esto…',
    writeComment: 'Escribe un comentario…', edit: 'Editar o eliminar', del: 'Eliminar', failed: 'No se pudo completar esta acción. Inténtalo de nuevo.',
    commentBy: 'Comentario de', justNow: 'Ahora', close: 'Cerrar',
  },
} as const;

/** The page's own text (HTML-safe as written: no `<`, `&` or `"`). */
const TEXT = {
  en: {
    lang: 'en', yourProfile: 'Your profile', shortcuts: 'Shortcuts', friends: 'Friends', groups: 'Groups',
    feedHeading: 'News Feed posts', leaveComment: 'Leave a comment', share: 'Share',
    sendThis: 'Send this to friends or post it on your profile.', commentByCarol: 'Comment by Carol Diaz 2 hours ago',
    replyToCarol: 'Reply to Carol Diaz', time3h: '3h', time2h: '2h', time1d: '1d', timeYesterday: 'Yesterday at 18:05',
  },
  es: {
    lang: 'es', yourProfile: 'Tu perfil', shortcuts: 'Accesos directos', friends: 'Amigos', groups: 'Grupos',
    feedHeading: 'Publicaciones de la sección de noticias', leaveComment: 'Deja un comentario', share: 'Compartir',
    sendThis: 'Envía esto a tus amigos o publícalo en tu perfil.', commentByCarol: 'Comentario de Carol Diaz hace 2 horas',
    replyToCarol: 'Responder a Carol Diaz', time3h: '3 h', time2h: '2 h', time1d: '1 d', timeYesterday: 'Ayer a las 18:05',
  },
} as const;

const TEMPLATE = join(import.meta.dirname, 'home.html');

function slots(variant: FacebookVariant): Record<string, string> {
  const lang = variant === 'es' ? 'es' : 'en';
  const labels = CLIENT_LABELS[lang];
  const es = variant === 'es';
  return {
    ...TEXT[lang],
    like: labels.like, comment: labels.comment, reply: labels.reply, mind: labels.mind, writeComment: labels.writeComment,
    // The Spanish build seen in 2025-2026: no FeedUnit pagelets, two more wrappers around each article and
    // two around each like control (the adapter must not rely on depth).
    feedUnit0: es ? 'class="x1lliihq x1n2onr6"' : 'data-pagelet="FeedUnit_0"',
    feedUnit1: es ? 'class="x1lliihq x1n2onr6"' : 'data-pagelet="FeedUnit_1"',
    feedUnit2: es ? 'class="x1lliihq x1n2onr6"' : 'data-pagelet="FeedUnit_2"',
    articleOpen: es ? '<div class="x78zum5"><div class="xdt5ytf">' : '',
    articleClose: es ? '</div></div>' : '',
    likeOpen: es ? '<div class="x6s0dn4"><span class="x3nfvp2">' : '',
    likeClose: es ? '</span></div>' : '',
    // A redesign renaming the post-header hook: the health check must notice (facebook-health e2e).
    profileHook: variant === 'broken' ? 'actor_name' : 'profile_name',
    transport: es ? 'fetch' : 'xhr',
    clientLabels: JSON.stringify(labels),
  };
}

/**
 * Markup every post repeats, written once in the template at its first use between <!--{{#name}}--> and
 * <!--{{/name}}--> (the markers dropped there), copied where {{name}} stands.
 */
function expandFragments(template: string): string {
  const fragments = new Map<string, string>();
  const marked = template.replace(/<!--\{\{#(\w+)\}\}-->([\s\S]*?)<!--\{\{\/\1\}\}-->/g, (_, name: string, body: string) => {
    fragments.set(name, body);
    return body;
  });
  return marked.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => fragments.get(name) ?? whole);
}

/** The replica page of this variant, as served at https://www.facebook.com/ (see FACEBOOK_URLS). */
export function facebookHome(variant: FacebookVariant = 'en'): string {
  const values = slots(variant);
  return expandFragments(readFileSync(TEMPLATE, 'utf8')).replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`tests/replicas/facebook/home.html: no value for {{${key}}} in the ${variant} variant`);
    return value;
  });
}
