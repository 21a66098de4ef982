import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS, normalizeSettings, SETTINGS_VERSION, weightOf } from './settings.ts';

describe('normalizeSettings', () => {
  test('nothing stored gives the defaults', () => {
    expect(normalizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings('junk')).toEqual(DEFAULT_SETTINGS);
  });

  test('version 1 settings (before the nudge) upgrade to the current version without losing choices', () => {
    const v1 = {
      version: 1,
      target: 9,
      weights: { like: 0.5, follow: 1, repost: 2, quote: 2, reply: 4, post: 1, promoPost: 3 },
      handles: { x: ['me'] },
      domains: ['example.com'],
      disabledPlatforms: ['reddit'],
    };
    const out = normalizeSettings(v1);
    expect(out.version).toBe(SETTINGS_VERSION);
    expect(out.target).toBe(9);
    expect(out.weights.reply).toBe(4);
    expect(out.weights.like).toBe(0.5);
    expect(out.handles).toEqual({ x: ['me'] });
    expect(out.domains).toEqual(['example.com']);
    expect(out.disabledPlatforms).toEqual(['reddit']);
    expect(out.nudge).toEqual(DEFAULT_SETTINGS.nudge);
  });

  test('a partial weights or nudge object is completed from the defaults', () => {
    const out = normalizeSettings({ weights: { reply: 5 }, nudge: { strength: 'pause' } });
    expect(out.weights).toEqual({ ...DEFAULT_SETTINGS.weights, reply: 5 });
    expect(out.nudge).toEqual({ ...DEFAULT_SETTINGS.nudge, strength: 'pause' });
  });

  test('a broken field falls back alone; valid neighbours are kept', () => {
    const out = normalizeSettings({ target: -4, domains: ['mine.dev'], nudge: { strength: 'shout' } });
    expect(out.target).toBe(DEFAULT_SETTINGS.target);
    expect(out.domains).toEqual(['mine.dev']);
    expect(out.nudge).toEqual(DEFAULT_SETTINGS.nudge);
  });

  test('weights: a promotional post takes more than an ordinary one by default', () => {
    expect(weightOf(DEFAULT_SETTINGS.weights, 'post', false)).toBe(1);
    expect(weightOf(DEFAULT_SETTINGS.weights, 'post', true)).toBe(2);
    expect(weightOf(DEFAULT_SETTINGS.weights, 'reply', false)).toBe(3);
  });

  test('weekly review settings: Monday and notifications on by default; older settings gain them; bad values fall back', () => {
    expect(DEFAULT_SETTINGS.weekStart).toBe(1);
    expect(DEFAULT_SETTINGS.reviewNotifications).toBe(true);
    const upgraded = normalizeSettings({ version: 2, target: 9 });
    expect(upgraded.weekStart).toBe(1);
    expect(upgraded.reviewNotifications).toBe(true);
    expect(upgraded.target).toBe(9);
    expect(normalizeSettings({ weekStart: 0, reviewNotifications: false })).toMatchObject({ weekStart: 0, reviewNotifications: false });
    expect(normalizeSettings({ weekStart: 7, target: 5 })).toMatchObject({ weekStart: 1, target: 5 });
    expect(normalizeSettings({ weekStart: 2.5 }).weekStart).toBe(1);
  });
});
