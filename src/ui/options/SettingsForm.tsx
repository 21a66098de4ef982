/** Target, weights, own handles and domains, and which sites to capture. Saved to storage.local. */
import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { PLATFORMS, type Platform } from '../../shared/events.ts';
import { platformName, t, uiLocale } from '../../shared/i18n.ts';
import {
  normalizeHandle, normalizeSettings, SETTINGS_KEY, TARGET_PRESETS, type NudgeSettings, type NudgeStrength, type Settings, type Weights,
} from '../../shared/settings.ts';

const STRENGTHS: NudgeStrength[] = ['gentle', 'pause', 'reflect'];
const HOURS = Array.from({ length: 24 }, (_, h) => h);

const WEIGHT_FIELDS: (keyof Weights)[] = ['like', 'follow', 'repost', 'quote', 'reply', 'post', 'promoPost'];

/** Some browsers (or policies) give extensions no notifications: the setting says so instead of failing quietly. */
const canNotify = typeof browser.notifications?.create === 'function';

function splitList(text: string): string[] {
  return text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
}

/** Names may hold spaces ("La Huerta Digital"): one per line or comma. */
function splitLines(text: string): string[] {
  return text.split(/[\n,]+/).map((s) => s.trim()).filter(Boolean);
}

/** One checkbox per site; checked means on. `off` lists the sites switched off. */
function PlatformChecks({ name, off, disabled = false, onChange }: {
  name: string; off: Platform[]; disabled?: boolean; onChange(off: Platform[]): void;
}) {
  return (
    <div class="grid">
      {PLATFORMS.map((platform) => (
        <label key={platform} class="check">
          <input
            type="checkbox" name={`${name}-${platform}`} disabled={disabled} checked={!off.includes(platform)}
            onChange={(e) => onChange(e.currentTarget.checked ? off.filter((p) => p !== platform) : [...off, platform])}
          />{' '}
          {platformName(platform)}
        </label>
      ))}
    </div>
  );
}

export function SettingsForm({ initial }: { initial: Settings }) {
  const [draft, setDraft] = useState<Settings>(initial);
  const [status, setStatus] = useState('');
  const preset = TARGET_PRESETS.find((p) => p.target === draft.target)?.id ?? 'custom';
  const update = (patch: Partial<Settings>): void => {
    setDraft({ ...draft, ...patch });
    setStatus('');
  };

  const updateNudge = (patch: Partial<NudgeSettings>): void => update({ nudge: { ...draft.nudge, ...patch } });

  const save = async (event: Event): Promise<void> => {
    event.preventDefault();
    const clean = normalizeSettings({
      ...draft,
      handles: Object.fromEntries(
        Object.entries(draft.handles).map(([p, list]) => [p, (list ?? []).map(normalizeHandle).filter(Boolean)]),
      ),
    });
    await browser.storage.local.set({ [SETTINGS_KEY]: clean });
    setDraft(clean);
    setStatus(t('saved'));
  };

  return (
    <form onSubmit={(e) => void save(e)} aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settingsTitle')}</h2>

      <fieldset>
        <legend>{t('targetLegend')}</legend>
        <p class="muted">{t('targetHelp')}</p>
        <label>
          {t('targetPreset')}{' '}
          <select
            value={preset}
            onChange={(e) => {
              const chosen = TARGET_PRESETS.find((p) => p.id === e.currentTarget.value);
              if (chosen) update({ target: chosen.target });
            }}
          >
            {TARGET_PRESETS.map((p) => <option key={p.id} value={p.id}>{t(`preset_${p.id}`)}</option>)}
            <option value="custom">{t('preset_custom')}</option>
          </select>
        </label>{' '}
        <label>
          {t('targetCustom')}{' '}
          <input
            name="target" type="number" min="0.1" max="100" step="0.1" value={draft.target} required
            onInput={(e) => update({ target: Number(e.currentTarget.value) })}
          />
        </label>
      </fieldset>

      <fieldset>
        <legend>{t('weightsLegend')}</legend>
        <p class="muted">{t('weightsHelp')}</p>
        <div class="grid">
          {WEIGHT_FIELDS.map((field) => (
            <label key={field}>
              {t(`weight_${field}`)}
              <input
                name={`weight-${field}`} type="number" min="0" max="100" step="0.5" value={draft.weights[field]} required
                onInput={(e) => update({ weights: { ...draft.weights, [field]: Number(e.currentTarget.value) } })}
              />
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('identityLegend')}</legend>
        <p class="muted">{t('identityHelp')}</p>
        <div class="grid">
          {PLATFORMS.map((platform: Platform) => (
            <label key={platform}>
              {platformName(platform)}
              <input
                name={`handles-${platform}`} type="text" autoComplete="off" spellcheck={false}
                value={(draft.handles[platform] ?? []).join(', ')}
                onChange={(e) => update({ handles: { ...draft.handles, [platform]: splitList(e.currentTarget.value) } })}
              />
            </label>
          ))}
        </div>
        <label class="block">
          {t('domainsLabel')}
          <textarea
            name="domains" rows={3} spellcheck={false} value={draft.domains.join('\n')}
            onChange={(e) => update({ domains: splitList(e.currentTarget.value) })}
          />
        </label>
        <label class="block">
          {t('brandsLabel')}
          <textarea
            name="brands" rows={3} spellcheck={false} value={draft.brands.join('\n')}
            onChange={(e) => update({ brands: splitLines(e.currentTarget.value) })}
          />
        </label>
      </fieldset>

      <fieldset>
        <legend>{t('sitesLegend')}</legend>
        <PlatformChecks
          name="site" off={draft.disabledPlatforms}
          onChange={(disabledPlatforms) => update({ disabledPlatforms })}
        />
      </fieldset>

      <fieldset>
        <legend>{t('nudgeLegend')}</legend>
        <label class="check">
          <input
            type="checkbox" name="nudge-enabled" checked={draft.nudge.enabled}
            onChange={(e) => updateNudge({ enabled: e.currentTarget.checked })}
          />{' '}
          {t('nudgeEnabled')}
        </label>
        <div class="grid">
          <label>
            {t('nudgeStrength')}
            <select
              name="nudge-strength" value={draft.nudge.strength} disabled={!draft.nudge.enabled}
              onChange={(e) => updateNudge({ strength: e.currentTarget.value as NudgeStrength })}
            >
              {STRENGTHS.map((s) => <option key={s} value={s}>{t(`nudgeStrength_${s}`)}</option>)}
            </select>
          </label>
          <label>
            {t('nudgeQuietHours')}
            <select
              name="nudge-quiet" value={draft.nudge.quietHours ? 'on' : 'off'} disabled={!draft.nudge.enabled}
              onChange={(e) => updateNudge({ quietHours: e.currentTarget.value === 'on' ? { from: 22, to: 7 } : null })}
            >
              <option value="off">{t('nudgeQuietNone')}</option>
              <option value="on">22:00 – 07:00</option>
            </select>
          </label>
          {draft.nudge.quietHours && (
            <>
              <label>
                {t('nudgeQuietFrom')}
                <select
                  name="nudge-quiet-from" value={draft.nudge.quietHours.from}
                  onChange={(e) => updateNudge({ quietHours: { from: Number(e.currentTarget.value), to: draft.nudge.quietHours?.to ?? 7 } })}
                >
                  {HOURS.map((h) => <option key={h} value={h}>{`${String(h).padStart(2, '0')}:00`}</option>)}
                </select>
              </label>
              <label>
                {t('nudgeQuietTo')}
                <select
                  name="nudge-quiet-to" value={draft.nudge.quietHours.to}
                  onChange={(e) => updateNudge({ quietHours: { from: draft.nudge.quietHours?.from ?? 22, to: Number(e.currentTarget.value) } })}
                >
                  {HOURS.map((h) => <option key={h} value={h}>{`${String(h).padStart(2, '0')}:00`}</option>)}
                </select>
              </label>
            </>
          )}
        </div>
        <p class="muted">{t('nudgeSites')}</p>
        <PlatformChecks
          name="nudge-site" off={draft.nudge.disabledPlatforms} disabled={!draft.nudge.enabled}
          onChange={(disabledPlatforms) => updateNudge({ disabledPlatforms })}
        />
      </fieldset>

      <fieldset>
        <legend>{t('displayLegend')}</legend>
        <label class="check">
          <input
            type="checkbox" name="hide-numbers" checked={draft.hideNumbers}
            onChange={(e) => update({ hideNumbers: e.currentTarget.checked })}
          />{' '}
          {t('hideNumbersLabel')}
        </label>
      </fieldset>

      <fieldset>
        <legend>{t('reviewLegend')}</legend>
        <div class="grid">
          <label>
            {t('reviewWeekStart')}
            <select name="week-start" value={draft.weekStart} onChange={(e) => update({ weekStart: Number(e.currentTarget.value) })}>
              {/* Day names from Intl: 2023-01-01 was a Sunday, so day d is 1 + d January 2023. */}
              {[1, 2, 3, 4, 5, 6, 0].map((d) => (
                <option key={d} value={d}>{new Intl.DateTimeFormat(uiLocale(), { weekday: 'long' }).format(new Date(2023, 0, 1 + d))}</option>
              ))}
            </select>
          </label>
          <label class="check">
            <input
              type="checkbox" name="review-notifications" checked={draft.reviewNotifications && canNotify}
              disabled={!canNotify} aria-describedby={canNotify ? undefined : 'notifications-unsupported'}
              onChange={(e) => update({ reviewNotifications: e.currentTarget.checked })}
            />{' '}
            {t('reviewNotificationsSetting')}
          </label>
          {!canNotify && <p class="muted" id="notifications-unsupported" data-testid="notifications-unsupported">{t('notificationsUnsupported')}</p>}
        </div>
      </fieldset>

      <p>
        <button type="submit" class="primary">{t('saveSettings')}</button>{' '}
        <span role="status" data-testid="settings-status">{status}</span>
      </p>
    </form>
  );
}
