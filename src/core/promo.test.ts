import { describe, expect, it } from 'vitest';
import phrases from './data/promo-phrases.json';
import { classifyPromotion, normalizeDomain } from './promo.ts';

const mine = { domains: ['example.com'] };
const none = { domains: [] };

function promotional(text: string, context = mine, links?: string[]): boolean {
  return classifyPromotion({ text, ...(links ? { links } : {}) }, context).promotional;
}

describe('own-domain links', () => {
  it('flags a link to an own domain, its subdomains and its www host', () => {
    for (const text of [
      'New post: https://example.com/blog/give-first',
      'Read it at http://example.com',
      'Details on https://www.example.com/about',
      'Docs: https://docs.example.com/start?x=1',
      'Bare link: example.com/pricing',
      'Bare www: www.example.com',
      'Shouting: HTTPS://EXAMPLE.COM/PATH',
    ]) {
      expect(promotional(text), text).toBe(true);
    }
    expect(classifyPromotion({ text: 'see https://blog.example.com' }, mine).reasons).toEqual([{ code: 'own-domain', detail: 'example.com' }]);
  });

  it('checks links outside the text too (a link card)', () => {
    expect(promotional('Something I wrote', mine, ['https://example.com/essay'])).toBe(true);
    expect(promotional('Something I read', mine, ['https://elsewhere.org/essay'])).toBe(false);
  });

  it('does not flag look-alike or unrelated domains', () => {
    for (const text of [
      'https://notexample.com/page',
      'https://example.com.evil.net/page',
      'https://example.co/page',
      'Great piece on https://nytimes.com/2026/remote-work',
      'an example of good writing',
    ]) {
      expect(promotional(text), text).toBe(false);
    }
  });

  it('normalises how the user typed their domains', () => {
    expect(normalizeDomain('https://www.Example.com/')).toBe('example.com');
    expect(normalizeDomain(' Example.COM. ')).toBe('example.com');
    expect(normalizeDomain('shop.example.com')).toBe('shop.example.com');
    expect(promotional('https://example.com/x', { domains: ['https://WWW.example.com/'] })).toBe(true);
    expect(promotional('https://example.com/x', { domains: [''] })).toBe(false);
  });

  it('flags nothing about links when the user has no domains', () => {
    expect(promotional('https://example.com/blog', none)).toBe(false);
  });
});

describe('call-to-action phrases', () => {
  it('flags English phrases, whatever the case', () => {
    for (const text of [
      'Buy now before it sells out',
      'Sign up for the beta!',
      'Link in bio',
      'DM me for details',
      'Use code GIVE10 at checkout',
      'Check out my new video',
      "We're hiring engineers in Madrid",
      'My new book is out. Pre-order here',
      'Just launched: the thing',
    ]) {
      expect(promotional(text, none), text).toBe(true);
    }
  });

  it('flags Spanish phrases, accents included', () => {
    for (const text of [
      'Regístrate hoy en el taller',
      'REGÍSTRATE HOY',
      'Suscríbete a mi canal',
      'Mi nuevo curso ya disponible',
      'Estamos contratando en Valencia',
      'Usa el código DAR10',
      'Enlace en la bio',
      '¡Inscríbete!',
    ]) {
      expect(promotional(text, none), text).toBe(true);
    }
  });

  it('matches whole words only', () => {
    for (const text of [
      'Signups are down this quarter',
      'I will sign upstairs',
      'Our podcasting setup is simple',
      'Compra yates de segunda mano',
      'Preventable bugs are the worst',
      'Randomly: dm meetups are fun',
    ]) {
      expect(promotional(text, none), text).toBe(false);
    }
  });

  it('does not flag ordinary questions and opinions', () => {
    for (const text of [
      'What do you think about remote work?',
      'Hot take: tabs are better than spaces.',
      'Great thread, thanks for sharing this.',
      '¿Qué opináis del teletrabajo?',
      'Hoy he aprendido algo nuevo sobre IndexedDB.',
      'Congrats on the launch!',
      '',
    ]) {
      const result = classifyPromotion({ text }, mine);
      expect(result, text).toEqual({ promotional: false, score: 0, reasons: [] });
    }
  });

  it('reports the phrase it found', () => {
    expect(classifyPromotion({ text: 'Please subscribe now!' }, none).reasons).toEqual([{ code: 'call-to-action', detail: 'subscribe now' }]);
  });

  it('recognises every phrase in the data file on its own', () => {
    for (const phrase of [...phrases.en, ...phrases.es]) {
      expect(promotional(`Hola: ${phrase}.`, none), phrase).toBe(true);
      expect(promotional(`${phrase.toUpperCase()}`, none), phrase).toBe(true);
    }
  });
});

describe('score', () => {
  it('grows with the number of reasons', () => {
    expect(classifyPromotion({ text: 'https://example.com' }, mine).score).toBeCloseTo(0.6);
    const both = classifyPromotion({ text: 'Buy now at https://example.com/shop' }, mine);
    expect(both.promotional).toBe(true);
    expect(both.score).toBeCloseTo(0.9);
    expect(both.reasons.map((r) => r.code)).toEqual(['own-domain', 'call-to-action']);
  });
});
