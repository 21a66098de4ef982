/**
 * JSON allow-lists for the page tap (TapSpec.jsonFields, formJsonFields, responseJsonFields): a request
 * or answer is relayed with only the paths its adapter's parser reads, so client context, visitor ids,
 * device ids and tracking blobs sent beside them never leave the page's world.
 *
 * A path is dotted (`input.message.text`); an array met on the way is kept with the rest of the path
 * applied to each element (`input.attachments.link.share_scrape_data` keeps that field of every
 * attachment), elements that are not objects becoming null so indices stay. A path's last key keeps its
 * value whole. A value that cannot be read as JSON is dropped, never relayed as is.
 */

type Tree = { [key: string]: Tree | true };

function treeOf(paths: readonly string[]): Tree {
  const root: Tree = Object.create(null) as Tree;
  for (const path of paths) {
    const keys = path.split('.');
    let node = root;
    for (const [i, key] of keys.entries()) {
      const existing = node[key];
      if (existing === true) break; // a shorter path already keeps the whole value
      if (i === keys.length - 1) node[key] = true;
      else node = existing ?? (node[key] = Object.create(null) as Tree);
    }
  }
  return root;
}

function keepIn(value: unknown, tree: Tree): unknown {
  if (Array.isArray(value)) return value.map((item: unknown) => (item !== null && typeof item === 'object' ? keepIn(item, tree) : null));
  const from = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(tree)) {
    if (!Object.hasOwn(from, key)) continue;
    const sub = tree[key];
    const child = from[key];
    if (sub === true) out[key] = child;
    // Only an object or array can hold the rest of the path; anything else is not what was asked for.
    else if (sub && child !== null && typeof child === 'object') out[key] = keepIn(child, sub);
  }
  return out;
}

/** `value` with only `paths` kept; a value that is not an object or array holds none of them: undefined. */
export function keepJsonFields(value: unknown, paths: readonly string[]): unknown {
  if (value === null || typeof value !== 'object') return undefined;
  return keepIn(value, treeOf(paths));
}

/** A JSON text with only `paths` kept; null when it is not a JSON object or array. Without paths, as is. */
export function keepJsonText(text: string | null, paths: readonly string[] | undefined): string | null {
  if (text === null || !paths) return text;
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    return null;
  }
  const kept = keepJsonFields(value, paths);
  return kept === undefined ? null : JSON.stringify(kept);
}
