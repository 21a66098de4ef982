/**
 * The backup file: a public contract (README, "Export format"). Times are ISO-8601 with offset in the
 * file and epoch milliseconds inside the extension. Parsing is all-or-nothing: one bad event rejects
 * the whole file, so an import never half-applies.
 */
import * as v from 'valibot';
import { EventSchema, type GiveFirstEvent } from '../shared/events.ts';
import { normalizeSettings, type Settings } from '../shared/settings.ts';
import { isoWithOffset } from './days.ts';

export const EXPORT_FORMAT = 'give-first-export';
export const EXPORT_VERSION = 1;
/** A year of heavy use is ~100,000 events; ten times that is not a backup of ours. */
export const MAX_IMPORT_EVENTS = 1_000_000;
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

export interface ExportedEvent extends Omit<GiveFirstEvent, 'at' | 'undoneAt'> {
  at: string;
  undoneAt?: string;
}

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  events: ExportedEvent[];
  settings: Settings;
}

export function buildExport(events: readonly GiveFirstEvent[], settings: Settings, now: number): ExportFile {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: isoWithOffset(now),
    events: events.map((e) => {
      const { at, undoneAt, ...rest } = e;
      const out: ExportedEvent = { ...rest, at: isoWithOffset(at) };
      if (undoneAt !== undefined) out.undoneAt = isoWithOffset(undoneAt);
      return out;
    }),
    settings,
  };
}

export function exportFileName(now: number): string {
  return `give-first-${isoWithOffset(now).slice(0, 10)}.json`;
}

/** Why a file was refused: a message key in _locales plus the detail to show. */
export class ImportError extends Error {
  constructor(readonly messageKey: string, readonly detail = '') {
    super(`${messageKey}${detail ? `: ${detail}` : ''}`);
  }
}

// ISO-8601 with an explicit offset or Z; a bare local time would be ambiguous.
const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function isoToMs(value: unknown): number | undefined {
  if (typeof value !== 'string' || !ISO_RE.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

export interface ParsedImport {
  events: GiveFirstEvent[];
  settings: Settings | null;
}

/** Validates a parsed backup file. Throws ImportError naming the first problem. */
export function parseExport(raw: unknown): ParsedImport {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ImportError('importErrorNotBackup');
  const file = raw as Record<string, unknown>;
  if (file.format !== EXPORT_FORMAT) throw new ImportError('importErrorNotBackup');
  if (file.version !== EXPORT_VERSION) throw new ImportError('importErrorVersion', String(file.version));
  if (!Array.isArray(file.events)) throw new ImportError('importErrorNotBackup');
  if (file.events.length > MAX_IMPORT_EVENTS) throw new ImportError('importErrorTooLarge', String(file.events.length));
  const events: GiveFirstEvent[] = [];
  const seen = new Set<string>();
  file.events.forEach((item: unknown, index) => {
    if (!item || typeof item !== 'object') throw new ImportError('importErrorEvent', `#${index + 1}`);
    const rec = item as Record<string, unknown>;
    const at = isoToMs(rec.at);
    const undoneAt = rec.undoneAt === undefined ? undefined : isoToMs(rec.undoneAt);
    if (at === undefined || (rec.undoneAt !== undefined && undoneAt === undefined)) {
      throw new ImportError('importErrorEvent', `#${index + 1} (time)`);
    }
    const candidate: Record<string, unknown> = { ...rec, at };
    if (undoneAt === undefined) delete candidate.undoneAt;
    else candidate.undoneAt = undoneAt;
    const parsed = v.safeParse(v.strictObject(EventSchema.entries), candidate);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
      throw new ImportError('importErrorEvent', `#${index + 1} ${path}`.trim());
    }
    if (seen.has(parsed.output.id)) throw new ImportError('importErrorEvent', `#${index + 1} (duplicate id)`);
    seen.add(parsed.output.id);
    events.push(parsed.output as GiveFirstEvent);
  });
  const settings = file.settings === undefined ? null : normalizeSettings(file.settings);
  return { events, settings };
}
