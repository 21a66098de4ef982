import { describe, expect, it } from 'vitest';
import { BREAK, fold, linksIn, mentionsIn, PhraseBook, sentenceTokens, tokens, withoutLinksAndMentions, wordsAt, writtenTokens } from './text.ts';

describe('text helpers', () => {
  it('fold drops case, accents and curly apostrophes', () => {
    expect(fold('¡Regístrate YA! We’re')).toBe("¡registrate ya! we're");
  });

  it('tokens keep inner apostrophes, hyphens, decimals and money symbols', () => {
    expect(tokens(fold("We're pre-ordering at $49.99 or 29,90 € (20% off)"))).toEqual([
      "we're", 'pre-ordering', 'at', '$', '49.99', 'or', '29,90', '€', '20', '%', 'off',
    ]);
  });

  it('finds links and mentions, and strips them', () => {
    const text = 'Thanks @Maria_Dev! See https://example.com/a?b=1 and www.other.org, or shop.example.io';
    expect(linksIn(text)).toEqual(['https://example.com/a?b=1', 'www.other.org', 'shop.example.io']);
    expect(mentionsIn(text)).toEqual(['maria_dev']);
    expect(withoutLinksAndMentions(text)).not.toMatch(/maria|example|other\.org/i);
    expect(mentionsIn('write to me@example.com')).toEqual([]);
  });

  it('a phrase book finds the longest phrase per label, with numbers and wildcards', () => {
    const book = new PhraseBook<'a' | 'b'>({ a: ['buy', 'buy my course'], b: ['only <num> left', 'join * waitlist'] });
    const text = 'Buy my course: only 3 left, join the waitlist';
    const toks = tokens(fold(text));
    const found = book.find(toks);
    expect(found.get('a')).toEqual({ at: 0, length: 3 });
    expect(wordsAt(writtenTokens(text), toks, found.get('b')!)).toBe('only 3 left');
    expect(book.find(tokens('nothing here')).size).toBe(0);
  });

  it('sentence tokens mark the words of questions, and phrases never run across sentences', () => {
    const { toks, asked } = sentenceTokens(fold('Should I sign up? ¿Te apuntas. Sign. Up now!'));
    expect(toks).toEqual(['should', 'i', 'sign', 'up', BREAK, BREAK, 'te', 'apuntas', BREAK, 'sign', BREAK, 'up', 'now', BREAK]);
    expect(toks.filter((_, i) => asked[i])).toEqual(['should', 'i', 'sign', 'up', 'te', 'apuntas']);
    const book = new PhraseBook<'cta'>({ cta: ['sign up'] });
    expect(book.find(toks, asked).size).toBe(0);
    expect(book.find(toks).get('cta')).toEqual({ at: 2, length: 2 });
  });

  it('fold takes the fast paths and the general one to the same result', () => {
    for (const text of ['Plain ASCII text', 'Ñandú, ÉXITO y acción', 'Straße “quoted” it’s', 'Ελληνικά ά', 'emoji 🎉 café']) {
      expect(fold(text), text).toBe(text.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[’‘`´]/g, "'").toLowerCase());
    }
  });
});
