// @vitest-environment node
/**
 * Every user-facing string comes from _locales: English and Spanish have the same keys and the same
 * placeholders, every key the code asks for exists, and no UI component carries a literal sentence.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAst } from 'vite';
import { describe, expect, test } from 'vitest';

type AstNode = { type: string; value?: unknown; [key: string]: unknown };
function walk(node: unknown, visit: (n: AstNode) => void): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit);
    return;
  }
  const n = node as AstNode;
  if (typeof n.type === 'string') visit(n);
  for (const value of Object.values(n)) if (value && typeof value === 'object') walk(value, visit);
}

const ROOT = join(import.meta.dirname, '..', '..');
type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const load = (lang: string): Messages => JSON.parse(readFileSync(join(ROOT, '_locales', lang, 'messages.json'), 'utf8')) as Messages;
const en = load('en');
const es = load('es');

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path, ext);
    return ext.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}
const sources = files(join(ROOT, 'src'), /\.tsx?$/).map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }));

describe('locales', () => {
  test('English and Spanish have exactly the same keys', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  test('every message is non-empty and uses the same placeholders in both languages', () => {
    for (const [key, entry] of Object.entries(en)) {
      const other = es[key];
      expect(entry.message.trim(), key).not.toBe('');
      expect(other?.message.trim(), key).not.toBe('');
      const used = (m: string) => [...m.matchAll(/\$(\w+)\$/g)].map((x) => x[1]?.toLowerCase()).sort();
      expect(used(other?.message ?? ''), key).toEqual(used(entry.message));
      expect(Object.keys(other?.placeholders ?? {}).sort(), key).toEqual(Object.keys(entry.placeholders ?? {}).sort());
    }
  });

  test('the manifest description fits the stores\' 132 characters', () => {
    expect(en.extDescription?.message.length).toBeLessThanOrEqual(132);
    expect(es.extDescription?.message.length).toBeLessThanOrEqual(132);
  });

  test('every literal key passed to t() exists', () => {
    const missing: string[] = [];
    for (const { path, text } of sources) {
      for (const match of text.matchAll(/\bt\(\s*'([A-Za-z0-9_@]+)'/g)) {
        const key = match[1] ?? '';
        if (!key.startsWith('@@') && !(key in en)) missing.push(`${path}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('components', () => {
  test('no JSX text is a literal sentence (strings come from t())', () => {
    const literals: string[] = [];
    for (const { path, text } of sources.filter((s) => s.path.endsWith('.tsx'))) {
      // JSXText nodes from Vite's own TSX parser: text a person would read, written in the markup.
      walk(parseAst(text, { lang: 'tsx' }, path), (node) => {
        if (node.type === 'JSXText' && /\p{L}{2,}/u.test(String(node.value))) literals.push(`${path}: "${String(node.value).trim()}"`);
      });
    }
    expect(literals).toEqual([]);
  });

  test('no attribute a person reads (aria-label, title, placeholder, alt) is a literal', () => {
    const literals: string[] = [];
    for (const { path, text } of sources.filter((s) => s.path.endsWith('.tsx') || s.path.includes('content/nudge'))) {
      for (const match of text.matchAll(/\b(aria-label|title|placeholder|alt)="([^"]*\p{L}[^"]*)"/gu)) {
        literals.push(`${path}: ${match[1]}="${match[2]}"`);
      }
    }
    expect(literals).toEqual([]);
  });
});
