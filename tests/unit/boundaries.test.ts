// @vitest-environment node
/**
 * Context boundaries (STYLE.md habit 10, after Dark Reader's lint rules), checked on the real syntax
 * tree of every source file: Vite's own parser (`parseAst`, oxc via rolldown) reads TypeScript and TSX,
 * so comments and strings never count as imports or API use.
 *
 *   src/core/**      imports only src/core and src/shared (and JSON data); no extension APIs
 *   src/adapters/**  imports only src/adapters, src/shared and src/core; no extension APIs, no storage
 *   src/ui/**        never imports src/background, src/content or src/adapters
 *   IndexedDB        only src/background/** imports `idb` or touches `indexedDB`
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseAst } from 'vite';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SRC = join(ROOT, 'src');

interface SourceFile {
  /** Repo-relative, with forward slashes: `src/core/balance.ts`. */
  path: string;
  /** Every module specifier imported or re-exported, static or dynamic, type-only included. */
  imports: { specifier: string; resolved: string | null }[];
  /** `chrome.x` / `browser.x` member accesses on the global objects. */
  extensionApis: string[];
  /** Whether the file names the `indexedDB` global (or `IDBFactory`, `IDBDatabase`, …) in code. */
  usesIndexedDb: boolean;
}

function listSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : listSources(full);
    if (!/\.(ts|tsx)$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name) || entry.name.endsWith('.d.ts')) return [];
    return [full];
  });
}

type Node = { type: string; [key: string]: unknown };

function walk(node: unknown, visit: (node: Node) => void): void {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit);
    return;
  }
  if (!node || typeof node !== 'object') return;
  if (typeof (node as Node).type === 'string') visit(node as Node);
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'parent' && value && typeof value === 'object') walk(value, visit);
  }
}

/** Reads imports, extension API use and IndexedDB use from one file's code. */
function analyseCode(code: string, file: string): SourceFile {
  const ast = parseAst(code, { lang: file.endsWith('.tsx') ? 'tsx' : 'ts' }, file);
  const path = relative(ROOT, file).split(sep).join('/');
  const out: SourceFile = { path, imports: [], extensionApis: [], usesIndexedDb: false };
  const addImport = (specifier: string): void => {
    const resolved = specifier.startsWith('.') ? relative(ROOT, resolve(dirname(file), specifier)).split(sep).join('/') : null;
    out.imports.push({ specifier, resolved });
  };
  walk(ast, (node) => {
    const source = node.source as { type?: string; value?: unknown } | null | undefined;
    switch (node.type) {
      case 'ImportDeclaration':
      case 'ExportNamedDeclaration':
      case 'ExportAllDeclaration':
      case 'ImportExpression':
      case 'TSImportType': // `import('…').Type` in a type position
        if (source && typeof source.value === 'string') addImport(source.value);
        else if (node.type === 'ImportExpression') out.imports.push({ specifier: '<computed>', resolved: null });
        break;
      case 'MemberExpression': {
        const object = node.object as Node & { name?: string };
        const property = node.property as Node & { name?: string };
        if (object.type === 'Identifier' && (object.name === 'chrome' || object.name === 'browser')) {
          out.extensionApis.push(`${object.name}.${property.name ?? '[computed]'}`);
        }
        break;
      }
      case 'Identifier':
      case 'IdentifierReference':
        if (/^(indexedDB|IDB[A-Z]\w*)$/.test(String(node.name))) out.usesIndexedDb = true;
        break;
    }
  });
  return out;
}

const files = listSources(SRC).map((file) => analyseCode(readFileSync(file, 'utf8'), file));
const inside = (prefix: string): SourceFile[] => files.filter((f) => f.path.startsWith(prefix));

/** Relative imports of `file` that resolve outside every allowed folder. */
function strayImports(file: SourceFile, allowed: string[]): string[] {
  return file.imports
    .filter((i) => i.resolved !== null && !allowed.some((dir) => i.resolved?.startsWith(dir)))
    .map((i) => `${file.path} → ${i.specifier}`);
}

describe('the scanner', () => {
  it('sees the source tree and its imports (or every rule below would pass vacuously)', () => {
    expect(inside('src/core/').length).toBeGreaterThan(3);
    expect(inside('src/adapters/').length).toBeGreaterThan(3);
    expect(inside('src/ui/').length).toBeGreaterThan(3);
    expect(inside('src/background/').length).toBeGreaterThan(2);
    const promo = files.find((f) => f.path === 'src/core/promo.ts');
    expect(promo?.imports).toContainEqual({ specifier: './data/promo/en.json', resolved: 'src/core/data/promo/en.json' });
    const open = files.find((f) => f.path === 'src/background/db/open.ts');
    expect(open?.imports.map((i) => i.specifier)).toContain('idb');
    // Type-only imports count too.
    const types = files.find((f) => f.path === 'src/adapters/types.ts');
    expect(types?.imports.map((i) => i.resolved)).toContain('src/shared/events.ts');
  });

  it('finds imports of every form and API use in code, and ignores comments and strings', () => {
    const code = [
      '// browser.storage.local, chrome.tabs and indexedDB in a comment',
      "/** import x from '../background/index.ts' */",
      "const s = 'import y from \"../content/z.ts\"; chrome.cookies';",
      "import type { A } from '../ui/a.ts';",
      "import '../ui/side-effect.css';",
      "export { b } from './b.ts';",
      "export * from '../shared/all.ts';",
      "const lazy = () => import('../content/c.ts');",
      "type T = import('../shared/t.ts').T;",
      'chrome.runtime.id; browser.i18n.getMessage(s); void lazy;',
    ].join('\n');
    const probe = analyseCode(code, join(SRC, 'core', 'probe.ts'));
    expect(probe.imports.map((i) => i.resolved)).toEqual([
      'src/ui/a.ts', 'src/ui/side-effect.css', 'src/core/b.ts', 'src/shared/all.ts', 'src/content/c.ts', 'src/shared/t.ts',
    ]);
    // …and the core rule would refuse this probe for exactly its three stray imports.
    expect(strayImports(probe, ['src/core/', 'src/shared/'])).toEqual([
      'src/core/probe.ts → ../ui/a.ts', 'src/core/probe.ts → ../ui/side-effect.css', 'src/core/probe.ts → ../content/c.ts',
    ]);
    expect(probe.extensionApis).toEqual(['chrome.runtime', 'browser.i18n']);
    expect(probe.usesIndexedDb).toBe(false);
    expect(analyseCode('const r = indexedDB.open("x");', join(SRC, 'ui', 'p.ts')).usesIndexedDb).toBe(true);
    expect(analyseCode('let f: IDBFactory | undefined;', join(SRC, 'ui', 'p.ts')).usesIndexedDb).toBe(true);
  });
});

describe('src/core', () => {
  it('imports only src/core and src/shared (JSON data included)', () => {
    expect(inside('src/core/').flatMap((f) => strayImports(f, ['src/core/', 'src/shared/']))).toEqual([]);
  });

  it('imports no extension API package and no storage library', () => {
    const bare = inside('src/core/').flatMap((f) => f.imports.filter((i) => i.resolved === null).map((i) => `${f.path} → ${i.specifier}`));
    expect(bare.filter((b) => /→ (webextension-polyfill|idb|@webext-core\/|wxt)/.test(b))).toEqual([]);
  });

  it('uses no chrome.* or browser.* API and no IndexedDB', () => {
    expect(inside('src/core/').flatMap((f) => f.extensionApis.map((api) => `${f.path}: ${api}`))).toEqual([]);
    expect(inside('src/core/').filter((f) => f.usesIndexedDb).map((f) => f.path)).toEqual([]);
  });
});

describe('src/adapters', () => {
  it('imports only src/adapters, src/shared and src/core', () => {
    expect(inside('src/adapters/').flatMap((f) => strayImports(f, ['src/adapters/', 'src/shared/', 'src/core/']))).toEqual([]);
  });

  it('uses no extension API (no storage, no messaging)', () => {
    const packages = inside('src/adapters/').flatMap((f) =>
      f.imports.filter((i) => i.specifier === 'webextension-polyfill').map(() => f.path));
    expect(packages).toEqual([]);
    expect(inside('src/adapters/').flatMap((f) => f.extensionApis.map((api) => `${f.path}: ${api}`))).toEqual([]);
  });
});

describe('src/ui', () => {
  it('never imports src/background, src/content or src/adapters', () => {
    const stray = inside('src/ui/').flatMap((f) =>
      f.imports
        .filter((i) => /^src\/(background|content|adapters)\//.test(i.resolved ?? ''))
        .map((i) => `${f.path} → ${i.specifier}`));
    expect(stray).toEqual([]);
  });
});

describe('IndexedDB', () => {
  it('only src/background/** imports idb or fake-indexeddb', () => {
    const stray = files
      .filter((f) => !f.path.startsWith('src/background/'))
      .flatMap((f) => f.imports.filter((i) => /^(idb|fake-indexeddb)(\/|$)/.test(i.specifier)).map((i) => `${f.path} → ${i.specifier}`));
    expect(stray).toEqual([]);
  });

  it('only src/background/** references indexedDB', () => {
    expect(files.filter((f) => f.usesIndexedDb && !f.path.startsWith('src/background/')).map((f) => f.path)).toEqual([]);
  });
});
