import { describe, expect, it } from 'vitest';
import { fold, isBreakAt, splitLink, linksIn, mentionsIn, PhraseBook, scanText, tokenAt, tokens, withoutLinksAndMentions, wordsAt } from './text.ts';

describe('text helpers', () => {
  it('fold drops case, accents and curly apostrophes', () => {
    expect(fold('¡Regístrate YA! We’re')).toBe("¡registrate ya! we're");
  });

  it('tokens keep inner apostrophes, hyphens, decimals and money symbols', () => {
    expect(tokens('wait... what?! ok')).toEqual(['wait', 'what', 'ok']);
    expect(tokens(fold("We're pre-ordering at $49.99 or 29,90 € (20% off)"))).toEqual([
      "we're", 'pre-ordering', 'at', '$', '49.99', 'or', '29,90', '€', '20', '%', 'off',
    ]);
  });

  it('splits a link into host and path segments, with or without a scheme', () => {
    expect(splitLink('HTTPS://www.YouTube.com:443/@Me/videos?x=1#top')).toEqual({ host: 'youtube.com', path: ['me', 'videos'] });
    expect(splitLink(' media.giphy.com/gifs/clap ')).toEqual({ host: 'media.giphy.com', path: ['gifs', 'clap'] });
    expect(splitLink('example.com')).toEqual({ host: 'example.com', path: [] });
  });

  it('finds links and mentions, and strips them', () => {
    const text = 'Thanks @Maria_Dev! See https://example.com/a?b=1 and www.other.org, or shop.example.io';
    expect(linksIn(text)).toEqual(['https://example.com/a?b=1', 'www.other.org', 'shop.example.io']);
    expect(mentionsIn(text)).toEqual(['maria_dev']);
    expect(withoutLinksAndMentions(text)).not.toMatch(/maria|example|other\.org/i);
    expect(mentionsIn('write to me@example.com')).toEqual([]);
  });

  it('a phrase book finds the longest phrase per label, with numbers and wildcards, across separators but not sentences', () => {
    const book = new PhraseBook<'a' | 'b' | 'c'>({ a: ['buy', 'buy my course'], b: ['only <num> left', 'join * waitlist'], c: ['sign up'] });
    const text = 'Buy my course: only 3 left, join the waitlist';
    const scanned = scanText(fold(text));
    const found = book.find(scanned);
    expect(found.get('a')).toEqual({ at: 0, length: 3 });
    expect(wordsAt(text, scanned, found.get('b')!)).toBe('only 3 left');
    expect(book.find(scanText('nothing here')).size).toBe(0);
    // A whole token must match: "signups" is not "sign up"; punctuation between words is fine; a sentence end is not.
    expect(book.find(scanText('signups up')).size).toBe(0);
    expect(book.find(scanText('sign, up')).get('c')).toEqual({ at: 0, length: 2 });
    expect(book.find(scanText('sign. up')).size).toBe(0);
  });

  it('marks the words of questions and quotations, not the rest', () => {
    const scanned = scanText(fold('Should I sign up? ¿Te apuntas? "Sign up now!" they said. Sign up here.'));
    const asked = Array.from({ length: scanned.count }, (_, i) => i).filter((i) => !isBreakAt(scanned, i) && scanned.asked?.[i]).map((i) => tokenAt(scanned, i));
    expect(asked).toEqual(['should', 'i', 'sign', 'up', 'te', 'apuntas', 'sign', 'up', 'now']);
    const book = new PhraseBook<'cta'>({ cta: ['sign up'] });
    expect(book.find(scanned).get('cta')).toEqual({ at: scanned.count - 4, length: 2 });
    // An unbalanced quote (inches) marks nothing.
    expect(scanText('My 27" screen: sign up').asked?.some(Boolean) ?? false).toBe(false);
    expect(scanText('no marks at all').asked).toBeNull();
  });

  it('fold takes the fast paths and the general one to the same result', () => {
    for (const text of ['Plain ASCII text', 'Ñandú, ÉXITO y acción', 'Straße “quoted” it’s', 'Ελληνικά ά', 'emoji 🎉 café']) {
      expect(fold(text), text).toBe(text.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[’‘`´]/g, "'").toLowerCase());
    }
  });
});
