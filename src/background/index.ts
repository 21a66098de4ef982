/**
 * The background service worker: the only writer of the ledger. Listeners are registered
 * synchronously at the top level so that a message wakes the worker and is never missed.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import * as v from 'valibot';
import { adapterList } from '../adapters/registry.ts';
import { badgeText, computeBalance } from '../core/balance.ts';
import { buildExport, ImportError, parseExport } from '../core/export-format.ts';
import { lastDays } from '../core/days.ts';
import {
  ContentToBackgroundSchema, PageToBackgroundSchema, type ContentToBackground, type PageToBackground, type Reply,
} from '../shared/messages.ts';
import { nextHealth } from '../shared/health.ts';
import { normalizeHandle, normalizeSettings, SETTINGS_KEY, type Settings } from '../shared/settings.ts';
import { emptyNudgeState, SNAPSHOT_DAYS, SNAPSHOT_KEY, type Snapshot } from '../shared/snapshot.ts';
import { snoozeUntil } from '../core/nudge.ts';
import {
  applyObservation, deleteAll, deleteRange, exportEvents, importEvents, PeriodError, rebuildAllTallies, rebuildRecentTallies,
} from './ledger.ts';
import { currentLexicon, forgetLexicon, listPosts, RelabelError, relabelPost } from './labels.ts';
import { database, ownHandles, readSettings, readSnapshot } from './state.ts';
import { instancePlatform } from './instances.ts';
import type { Platform } from '../shared/events.ts';
import {
  deleteReflections, loadPeople, loadReview, loadWeekEvents, onReviewAlarm, openReview, REVIEW_ALARM, reviewWeekOfNotification, saveReflection,
  scheduleReviewAlarm,
} from './review.ts';

// One write at a time: every change reads, updates and republishes the snapshot in order.
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

async function publish(patch: Partial<Snapshot> = {}): Promise<Snapshot> {
  const db = await database();
  const days = lastDays(Date.now(), SNAPSHOT_DAYS);
  const oldest = days[days.length - 1] ?? '';
  // Only small reads here: this runs after every change (a count() over 100,000 events alone took
  // 110–190 ms in Chromium, see the bench).
  const [tallies, previous, settings] = await Promise.all([
    db.getAll('days', IDBKeyRange.lowerBound(oldest)),
    readSnapshot(),
    readSettings(),
  ]);
  const snapshot: Snapshot = { ...previous, ...patch, tallies, updatedAt: Date.now() };
  if (!('writeError' in patch)) delete snapshot.writeError;
  await browser.storage.local.set({ [SNAPSHOT_KEY]: snapshot });
  await updateBadge(snapshot, settings);
  return snapshot;
}

async function updateBadge(snapshot: Snapshot, settings: Settings): Promise<void> {
  const balance = computeBalance(snapshot.tallies, settings, Date.now());
  await browser.action.setBadgeText({ text: snapshot.writeError ? '!' : badgeText(balance) });
  // Green once the target is met, amber while giving is owed (the text says the same without colour).
  await browser.action.setBadgeBackgroundColor({ color: snapshot.writeError ? '#b3261e' : balance.met ? '#1e7b4f' : '#b26a00' });
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The platform whose adapter matches the sender's page, so a site can only report about itself. */
function senderPlatform(sender: Runtime.MessageSender): Platform | null {
  if (!sender.url) return null;
  let host: string;
  try {
    host = new URL(sender.url).hostname;
  } catch {
    return null;
  }
  for (const adapter of adapterList()) {
    for (const pattern of adapter.matches) {
      const patternHost = /^https:\/\/([^/]+)\//.exec(pattern)?.[1] ?? '';
      if (patternHost === host || (patternHost.startsWith('*.') && host.endsWith(patternHost.slice(1)))) return adapter.id;
    }
  }
  return null;
}

async function handleContent(message: ContentToBackground, platform: Platform): Promise<Reply<boolean>> {
  const settings = await readSettings();
  if (settings.disabledPlatforms.includes(platform)) return { ok: true, value: false };
  switch (message.type) {
    case 'observed': {
      const snapshot = await readSnapshot();
      const db = await database();
      try {
        const own = ownHandles(settings, snapshot.identities);
        // Only a new own post needs what the user taught the classifier.
        const lexicon = message.observation.op === 'did' && message.observation.kind === 'post' ? await currentLexicon(db, settings, own) : undefined;
        const changed = await applyObservation(db, message.observation, { settings, own, ...(lexicon ? { lexicon } : {}) });
        if (changed || snapshot.writeError) await publish();
        return { ok: true, value: changed };
      } catch (error) {
        await publish({ writeError: errorText(error) }).catch(() => undefined);
        return { ok: false, error: 'writeFailed', detail: errorText(error) };
      }
    }
    case 'identity': {
      const snapshot = await readSnapshot();
      const handle = normalizeHandle(message.handle);
      if (snapshot.identities[platform] === handle) return { ok: true, value: false };
      const identities = { ...snapshot.identities, [platform]: handle };
      await rebuildRecentTallies(await database(), ownHandles(settings, identities), Date.now());
      await publish({ identities });
      return { ok: true, value: true };
    }
    case 'health': {
      const snapshot = await readSnapshot();
      // Pages report on every navigation; only a change of state or problem is worth a write.
      const next = nextHealth(snapshot.health[platform], platform, message.scope, message.problem, Date.now());
      if (!next) return { ok: true, value: false };
      await publish({ health: { ...snapshot.health, [platform]: next } });
      return { ok: true, value: true };
    }
    case 'nudge': {
      const now = Date.now();
      const snapshot = await readSnapshot();
      const nudge = { ...emptyNudgeState(), ...snapshot.nudge };
      if (message.outcome === 'shown' && message.variant === 'full') nudge.lastFullCard = { ...nudge.lastFullCard, [platform]: now };
      if (message.outcome === 'engageFirst') nudge.lastEngageFirst = { ...nudge.lastEngageFirst, [platform]: now };
      if (message.outcome === 'snoozed' && message.snooze) nudge.snoozedUntil = snoozeUntil(message.snooze, now);
      await (await database()).add('nudges', { platform, at: now, outcome: message.outcome, variant: message.variant });
      await publish({ nudge });
      return { ok: true, value: true };
    }
  }
}

async function handlePage(message: PageToBackground): Promise<Reply<unknown>> {
  switch (message.type) {
    case 'ping':
      return { ok: true, value: 'pong' };
    case 'export': {
      const [events, settings] = await Promise.all([exportEvents(await database()), readSettings()]);
      return { ok: true, value: buildExport(events, settings, Date.now()) };
    }
    case 'import': {
      let parsed;
      try {
        parsed = parseExport(message.file);
      } catch (error) {
        if (error instanceof ImportError) return { ok: false, error: error.messageKey, detail: error.detail };
        throw error;
      }
      const settings = await readSettings();
      if (parsed.settings) {
        // Merge only who the user is (handles, domains); targets and weights stay as set here.
        const handles = { ...settings.handles };
        for (const [platform, list] of Object.entries(parsed.settings.handles) as [Platform, string[]][]) {
          handles[platform] = [...new Set([...(handles[platform] ?? []), ...list])];
        }
        settings.handles = handles;
        settings.domains = [...new Set([...settings.domains, ...parsed.settings.domains])];
        await browser.storage.local.set({ [SETTINGS_KEY]: settings });
      }
      const snapshot = await readSnapshot();
      const result = await importEvents(await database(), parsed.events, ownHandles(settings, snapshot.identities));
      forgetLexicon();
      await publish();
      return { ok: true, value: result };
    }
    case 'deleteAll': {
      await deleteAll(await database());
      forgetLexicon();
      await deleteReflections(await database());
      await publish({ health: {}, identities: {}, nudge: emptyNudgeState() });
      return { ok: true, value: true };
    }
    case 'deleteRange': {
      let deleted: number;
      try {
        deleted = await deleteRange(await database(), message.from, message.to);
      } catch (error) {
        if (error instanceof PeriodError) return { ok: false, error: 'deleteRangeInvalid', detail: error.message };
        throw error;
      }
      // Relabels of deleted posts may be gone, and with them what the classifier learnt.
      forgetLexicon();
      await publish();
      return { ok: true, value: deleted };
    }
    case 'review': {
      const [settings, snapshot] = await Promise.all([readSettings(), readSnapshot()]);
      return { ok: true, value: await loadReview(await database(), settings, ownHandles(settings, snapshot.identities), Date.now(), message.week) };
    }
    case 'reviewPeople': {
      const [settings, snapshot] = await Promise.all([readSettings(), readSnapshot()]);
      return { ok: true, value: await loadPeople(await database(), settings, ownHandles(settings, snapshot.identities), message.week) };
    }
    case 'reviewEvents':
      return { ok: true, value: await loadWeekEvents(await database(), message.week) };
    case 'reflect': {
      const { type: _type, ...input } = message;
      return { ok: true, value: await saveReflection(await database(), await readSettings(), Date.now(), input) };
    }
    case 'posts':
      return { ok: true, value: await listPosts(await database(), message.from, message.to, message.limit) };
    case 'relabel': {
      const [settings, snapshot] = await Promise.all([readSettings(), readSnapshot()]);
      try {
        const changed = await relabelPost(await database(), message.id, message.promotional, ownHandles(settings, snapshot.identities));
        if (changed) {
          forgetLexicon();
          await publish();
        }
        return { ok: true, value: changed };
      } catch (error) {
        if (error instanceof RelabelError) return { ok: false, error: 'notAPost', detail: error.message };
        throw error;
      }
    }
  }
}

const REVIEW_READS: ReadonlySet<PageToBackground['type']> = new Set(['review', 'reviewPeople', 'reviewEvents', 'posts']);

function isExtensionPage(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && !!sender.url?.startsWith(browser.runtime.getURL(''));
}

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
  if (sender.id !== browser.runtime.id) return undefined;
  if (isExtensionPage(sender)) {
    const parsed = v.safeParse(PageToBackgroundSchema, raw);
    // Our own pages may hear why (e.g. a reversed period); a content script never does.
    if (!parsed.success) return Promise.resolve({ ok: false, error: 'badMessage', detail: parsed.issues[0].message });
    const message = parsed.output;
    // The review's reads need no place in the write queue: a five-week read must not hold up captures.
    const run = REVIEW_READS.has(message.type) ? handlePage(message) : serial(() => handlePage(message));
    return run.catch((error: unknown) => ({ ok: false, error: 'failed', detail: errorText(error) }));
  }
  const known = senderPlatform(sender);
  // A Mastodon instance the user added in the options (content scripts registered for its host).
  if (!known && sender.url) return instancePlatform(sender.url).then((platform) => acceptContent(raw, platform));
  return acceptContent(raw, known);
});

function acceptContent(raw: unknown, platform: Platform | null): Promise<unknown> {
  const parsed = v.safeParse(ContentToBackgroundSchema, raw);
  if (!platform || !parsed.success) return Promise.resolve({ ok: false, error: 'badMessage' });
  if ('platform' in parsed.output && parsed.output.platform !== platform) return Promise.resolve({ ok: false, error: 'badMessage' });
  if (parsed.output.type === 'observed' && parsed.output.observation.platform !== platform) {
    return Promise.resolve({ ok: false, error: 'badMessage' });
  }
  const message = parsed.output;
  return serial(() => handleContent(message, platform));
}

browser.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local' || !changes[SETTINGS_KEY]) return;
  void serial(async () => {
    const settings = await readSettings();
    const snapshot = await readSnapshot();
    const before = JSON.stringify(ownHandles({ ...settings, handles: (changes[SETTINGS_KEY]?.oldValue as Settings | undefined)?.handles ?? {} }, snapshot.identities));
    const after = ownHandles(settings, snapshot.identities);
    if (before !== JSON.stringify(after)) await rebuildAllTallies(await database(), after);
    // A new week start moves the review alarm.
    if (normalizeSettings(changes[SETTINGS_KEY]?.oldValue).weekStart !== settings.weekStart) await scheduleReviewAlarm(settings, Date.now(), true);
    await publish();
  });
});

browser.runtime.onInstalled.addListener(() => void serial(() => publish()));
browser.runtime.onStartup.addListener(() => void serial(() => publish()));

// Weekly review: the alarm at each week start, the notification it may show, the keyboard shortcut.
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name !== REVIEW_ALARM) return;
  serial(async () => onReviewAlarm(await database(), await readSettings(), Date.now()))
    .catch((error: unknown) => console.error('give-first: weekly review alarm', error));
});
browser.notifications.onClicked.addListener((id) => {
  const week = reviewWeekOfNotification(id);
  if (week) void openReview(week).then(() => browser.notifications.clear(id));
});
browser.commands.onCommand.addListener((command) => {
  if (command === 'open-review') void openReview();
});
void readSettings().then((settings) => scheduleReviewAlarm(settings, Date.now()));
