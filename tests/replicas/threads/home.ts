/**
 * Renders the one Threads replica page (home.html, a template) in English or Spanish, for the fake server
 * (tests/e2e/threads-api.ts), so the two languages share one page instead of two copies that drift apart.
 * Rendering throws on a slot left unfilled, so a new slot cannot silently reach a test page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ThreadsLanguage = 'en' | 'es';

/**
 * The client's labels (window.__REPLICA_THREADS__.labels, read by client.js), as JavaScript source: some
 * are functions of a username. The Spanish wording is LOW confidence (not seen on the live site).
 */
const CLIENT_LABELS: Record<ThreadsLanguage, string> = {
  en: `{
        like: 'Like', unlike: 'Unlike', reply: 'Reply', repost: 'Repost', share: 'Share', more: 'More',
        removeRepost: 'Remove', quote: 'Quote', delete: 'Delete', post: 'Post', cancel: 'Cancel',
        addToThread: 'Add to thread', newThread: 'New thread', replyTitle: 'Reply', textbox: 'Empty text field. Type to compose a new post.',
        placeholder: "What's new?", replyPlaceholder: (u) => \`Reply to \${u}...\`, follow: 'Follow', following: 'Following',
        picture: (u) => \`\${u}'s profile picture\`, ago: '2h', posted: 'Posted', reposted: 'Reposted', failed: 'Something went wrong. Try again.',
      }`,
  es: `{
        like: 'Me gusta', unlike: 'Ya no me gusta', reply: 'Responder', repost: 'Republicar', share: 'Compartir', more: 'Más',
        removeRepost: 'Eliminar', quote: 'Citar', delete: 'Eliminar', post: 'Publicar', cancel: 'Cancelar',
        addToThread: 'Añadir al hilo', newThread: 'Nuevo hilo', replyTitle: 'Responder', textbox: 'Campo de texto vacío. Escribe para redactar una publicación nueva.',
        placeholder: '¿Qué novedades hay?', replyPlaceholder: (u) => \`Responder a \${u}...\`, follow: 'Seguir', following: 'Siguiendo',
        picture: (u) => \`Foto del perfil de \${u}\`, ago: '2 h', posted: 'Publicado', reposted: 'Republicado', failed: 'Se produjo un error. Inténtalo de nuevo.',
      }`,
};

const SLOTS: Record<ThreadsLanguage, Record<string, string>> = {
  en: { lang: 'en', home: 'Home', create: 'Create', profile: 'Profile', whatsNew: "What's new?", defaultVariant: 'current', clientLabels: CLIENT_LABELS.en },
  // The Spanish page also wraps post bodies, action bars and the Post button in extra divs (client.js's
  // "wrapped" variant), so the adapter is tested against another build's depth as well as other labels.
  es: { lang: 'es', home: 'Inicio', create: 'Crear', profile: 'Perfil', whatsNew: '¿Qué novedades hay?', defaultVariant: 'wrapped', clientLabels: CLIENT_LABELS.es },
};

const TEMPLATE = join(import.meta.dirname, 'home.html');

/** The replica page in this language, as served at https://www.threads.com/ (see THREADS_URLS). */
export function threadsHome(language: ThreadsLanguage = 'en'): string {
  const values = SLOTS[language];
  return readFileSync(TEMPLATE, 'utf8').replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`tests/replicas/threads/home.html: no value for {{${key}}} in ${language}`);
    return value;
  });
}
