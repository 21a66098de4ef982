/**
 * Every user-facing string comes from _locales/<lang>/messages.json through the browser's i18n API.
 * `t` falls back to the key itself so a missing string is visible, never blank (and so does every string
 * outside an extension, in unit tests). The API is reached without webextension-polyfill: the popup
 * and the content scripts import this module, and the polyfill costs them start-up time (issue #2).
 */
import { extensionApi } from './extension-api.ts';
import type { Band } from '../core/balance.ts';
import type { Platform } from './events.ts';

export function t(key: string, substitutions?: string | (string | number)[]): string {
  const subs = substitutions === undefined ? undefined : Array.isArray(substitutions) ? substitutions.map(String) : substitutions;
  return extensionApi?.i18n.getMessage(key, subs) || key;
}

export function platformName(platform: Platform): string {
  return t(`platform_${platform}`);
}

/** "Balanced", "Leaning take"… for hide-numbers mode. */
export function bandLabel(band: Band): string {
  return t(`band${band.charAt(0).toUpperCase()}${band.slice(1)}`);
}

/** The UI language, for Intl formatting of dates and numbers. */
export function uiLocale(): string {
  return extensionApi?.i18n.getUILanguage() || 'en';
}

// Number formatters are built once per page and kept: building one costs far more than formatting with
// it, and the popup formats a dozen numbers in its first render (issue #2). The UI language never changes
// while a page or script is alive. (Date formatters are not kept: they fix the time zone when built.)
const numberFormats = new Map<number, Intl.NumberFormat>();

export function formatNumber(n: number, maximumFractionDigits = 1): string {
  let format = numberFormats.get(maximumFractionDigits);
  if (!format) numberFormats.set(maximumFractionDigits, (format = new Intl.NumberFormat(uiLocale(), { maximumFractionDigits })));
  return format.format(n);
}

export function formatDateTime(ms: number): string {
  return new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}
