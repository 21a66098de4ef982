import { describe, expect, it } from 'vitest';
import type { GiveFirstEvent } from '../shared/events.ts';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings.ts';
import { useTimeZone } from '../../tests/unit/time-zone.ts';
import {
  buildExport, EXPORT_FORMAT, EXPORT_VERSION, exportFileName, ImportError, MAX_IMPORT_EVENTS, parseExport,
} from './export-format.ts';

useTimeZone('Europe/Madrid');

const events: GiveFirstEvent[] = [
  {
    id: 'x:like:20', platform: 'x', kind: 'like', at: Date.UTC(2026, 0, 10, 9, 30, 0, 123), source: 'capture',
    target: { id: '20', url: 'https://x.com/jack/status/20', author: 'jack' },
  },
  {
    // Liked in summer time, unliked in winter time: two different offsets in one event.
    id: 'x:like:21', platform: 'x', kind: 'like', at: Date.UTC(2026, 9, 24, 22, 0), source: 'capture',
    target: { id: '21' }, undoneAt: Date.UTC(2026, 9, 25, 2, 0, 0, 1),
  },
  {
    id: 'x:post:1900000000000000001', platform: 'x', kind: 'post', at: Date.UTC(2026, 6, 1, 7, 0), source: 'capture',
    text: 'Mi nuevo curso ya disponible: https://example.com 🎉', promotional: true,
    target: { id: '1900000000000000001', url: 'https://x.com/me_here/status/1900000000000000001', author: 'me_here' },
  },
  {
    id: 'x:reply:1900000000000000002', platform: 'x', kind: 'reply', at: Date.UTC(2026, 6, 1, 8, 0), source: 'import',
    text: 'Thanks!\nLine two, "quoted".', target: { id: '20', author: 'jack' },
  },
  { id: 'bluesky:follow:did:plc:abc', platform: 'bluesky', kind: 'follow', at: 0, source: 'manual' },
  { id: 'x:post:local-1', platform: 'x', kind: 'post', at: Date.UTC(2026, 2, 29, 1, 0), source: 'capture', promotional: false },
];

const settings: Settings = {
  ...structuredClone(DEFAULT_SETTINGS),
  target: 4,
  handles: { x: ['me_here'], bluesky: ['me.bsky.social'] },
  domains: ['example.com'],
  disabledPlatforms: ['reddit'],
};

const now = Date.UTC(2026, 10, 23, 8, 15);

/** A valid file as it comes back from JSON.parse, for tampering with. */
function file(): Record<string, unknown> & { events: Record<string, unknown>[] } {
  return JSON.parse(JSON.stringify(buildExport(events, settings, now))) as ReturnType<typeof file>;
}

function rejection(raw: unknown): ImportError {
  try {
    parseExport(raw);
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('parseExport accepted the file');
}

describe('buildExport', () => {
  it('writes the public header and ISO-8601 times with the local offset', () => {
    const out = buildExport(events, settings, now);
    expect(out.format).toBe(EXPORT_FORMAT);
    expect(out.version).toBe(EXPORT_VERSION);
    expect(out.exportedAt).toBe('2026-11-23T09:15:00.000+01:00');
    expect(out.events[0]?.at).toBe('2026-01-10T10:30:00.123+01:00');
    expect(out.events[1]?.at).toBe('2026-10-25T00:00:00.000+02:00');
    expect(out.events[1]?.undoneAt).toBe('2026-10-25T03:00:00.001+01:00');
    expect(out.events[0]).not.toHaveProperty('undoneAt');
    expect(out.settings).toEqual(settings);
  });

  it('does not change the events it is given', () => {
    const copy = structuredClone(events);
    buildExport(events, settings, now);
    expect(events).toEqual(copy);
  });

  it('names the file after the local date', () => {
    expect(exportFileName(now)).toBe('give-first-2026-11-23.json');
    expect(exportFileName(Date.UTC(2026, 11, 31, 23, 30))).toBe('give-first-2027-01-01.json');
  });
});

describe('parseExport', () => {
  it('round-trips buildExport through JSON without loss (undoneAt, offsets, text, flags)', () => {
    const text = JSON.stringify(buildExport(events, settings, now));
    const parsed = parseExport(JSON.parse(text));
    expect(parsed.events).toEqual(events);
    expect(parsed.settings).toEqual(settings);
  });

  it('round-trips when read back in another time zone', () => {
    const text = JSON.stringify(buildExport(events, settings, now));
    process.env.TZ = 'Asia/Kolkata';
    try {
      expect(parseExport(JSON.parse(text)).events).toEqual(events);
    } finally {
      process.env.TZ = 'Europe/Madrid';
    }
  });

  it('accepts UTC "Z" times and other offsets written by hand', () => {
    const raw = file();
    raw.events = [
      { id: 'x:like:1', platform: 'x', kind: 'like', at: '2026-03-01T10:00:00Z', source: 'manual' },
      { id: 'x:like:2', platform: 'x', kind: 'like', at: '2026-03-01T10:00-05:00', source: 'manual', undoneAt: '2026-03-01T15:00:01.5Z' },
    ];
    const parsed = parseExport(raw);
    expect(parsed.events.map((e) => e.at)).toEqual([Date.UTC(2026, 2, 1, 10), Date.UTC(2026, 2, 1, 15)]);
    expect(parsed.events[1]?.undoneAt).toBe(Date.UTC(2026, 2, 1, 15, 0, 1, 500));
  });

  it('returns null settings when the file has none, and repairs damaged settings', () => {
    const raw = file();
    delete raw.settings;
    expect(parseExport(raw).settings).toBeNull();
    const damaged = file();
    damaged.settings = { target: 'lots', domains: ['example.com'] };
    expect(parseExport(damaged).settings).toEqual({ ...DEFAULT_SETTINGS, domains: ['example.com'] });
  });

  it('accepts an empty backup', () => {
    const raw = file();
    raw.events = [];
    expect(parseExport(raw).events).toEqual([]);
  });

  it('rejects what is not a backup object', () => {
    for (const raw of [null, undefined, 42, 'give-first-export', [], [file()]]) {
      expect(rejection(raw).messageKey).toBe('importErrorNotBackup');
    }
  });

  it('rejects a wrong format name', () => {
    const raw = file();
    raw.format = 'someone-elses-export';
    expect(rejection(raw).messageKey).toBe('importErrorNotBackup');
    delete raw.format;
    expect(rejection(raw).messageKey).toBe('importErrorNotBackup');
  });

  it('rejects another version, naming it', () => {
    const raw = file();
    raw.version = 2;
    const error = rejection(raw);
    expect(error.messageKey).toBe('importErrorVersion');
    expect(error.detail).toBe('2');
    raw.version = '1';
    expect(rejection(raw).messageKey).toBe('importErrorVersion');
  });

  it('rejects events that are not an array', () => {
    const raw = file();
    for (const value of [undefined, null, {}, 'events']) {
      raw.events = value as never;
      expect(rejection(raw).messageKey).toBe('importErrorNotBackup');
    }
  });

  it('rejects too many events before looking at any of them', () => {
    const raw = file();
    // Sparse: the length alone must be enough to refuse it.
    raw.events = new Array(MAX_IMPORT_EVENTS + 1) as Record<string, unknown>[];
    const error = rejection(raw);
    expect(error.messageKey).toBe('importErrorTooLarge');
    expect(error.detail).toBe(String(MAX_IMPORT_EVENTS + 1));
  });

  type Tamper = [name: string, change: (event: Record<string, unknown>) => void, detail: string];
  const tampers: Tamper[] = [
    ['an unknown kind', (e) => { e.kind = 'bookmark'; }, '#2 kind'],
    ['an unknown platform', (e) => { e.platform = 'myspace'; }, '#2 platform'],
    ['an unknown source', (e) => { e.source = 'scraped'; }, '#2 source'],
    ['an empty id', (e) => { e.id = ''; }, '#2 id'],
    ['a numeric time', (e) => { e.at = 1_767_000_000_000; }, '#2 (time)'],
    ['a time without offset', (e) => { e.at = '2026-01-10T10:30:00'; }, '#2 (time)'],
    ['an impossible time', (e) => { e.at = '2026-13-45T99:99:00Z'; }, '#2 (time)'],
    ['a bad undoneAt', (e) => { e.undoneAt = 'yesterday'; }, '#2 (time)'],
    ['a null undoneAt', (e) => { e.undoneAt = null; }, '#2 (time)'],
    ['an extra field', (e) => { e.opAt = 5; }, '#2 opAt'],
    ['a non-boolean promotional flag', (e) => { e.promotional = 'yes'; }, '#2 promotional'],
    ['a bad target', (e) => { e.target = { id: 20 }; }, '#2 target.id'],
    ['text over the limit', (e) => { e.text = 'a'.repeat(10_001); }, '#2 text'],
  ];

  it.each(tampers)('rejects the whole file for one event with %s', (_name, change, detail) => {
    const raw = file();
    const second = raw.events[1];
    if (!second) throw new Error('fixture has at least two events');
    change(second);
    const error = rejection(raw);
    expect(error.messageKey).toBe('importErrorEvent');
    expect(error.detail).toBe(detail);
    expect(error.message).toBe(`importErrorEvent: ${detail}`);
  });

  it('rejects an event that is not an object', () => {
    const raw = file();
    raw.events.splice(2, 0, 'x:like:20' as never);
    const error = rejection(raw);
    expect(error.messageKey).toBe('importErrorEvent');
    expect(error.detail).toBe('#3');
  });

  it('rejects a duplicate id', () => {
    const raw = file();
    raw.events.push({ ...raw.events[0] });
    const error = rejection(raw);
    expect(error.messageKey).toBe('importErrorEvent');
    expect(error.detail).toBe(`#${events.length + 1} (duplicate id)`);
  });
});
