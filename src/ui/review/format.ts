/** Number and date formatting for the review page. */
import { startOfDay } from '../../core/week-summary.ts';
import { formatNumber, t, uiLocale } from '../../shared/i18n.ts';

export function ratioText(ratio: number | null, give: number): string {
  if (ratio === null) return give > 0 ? t('reviewRatioNoTake') : '–';
  return `${formatNumber(ratio)} : 1`;
}

export function percent(share: number | null): string {
  return share === null ? '–' : new Intl.NumberFormat(uiLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

export function dayLabel(day: string, style: 'short' | 'long' = 'short'): string {
  return new Intl.DateTimeFormat(uiLocale(), style === 'short' ? { weekday: 'short' } : { weekday: 'long', day: 'numeric', month: 'long' })
    .format(startOfDay(day));
}

/** "16 – 22 Nov 2026" for the week starting on `week`. */
export function weekLabel(week: string, lastDay: string): string {
  const fmt = new Intl.DateTimeFormat(uiLocale(), { day: 'numeric', month: 'short', year: 'numeric' });
  return fmt.formatRange(startOfDay(week), startOfDay(lastDay));
}

export function shortWeekLabel(week: string): string {
  return new Intl.DateTimeFormat(uiLocale(), { day: 'numeric', month: 'short' }).format(startOfDay(week));
}
