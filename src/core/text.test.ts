import { describe, expect, it } from 'vitest';
import { fold, linksIn, mentionsIn, PhraseBook, tokens, withoutLinksAndMentions, wordsAt } from './text.ts';

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
    const toks = tokens(fold('Buy my course: only 3 left, join the waitlist'));
    const found = book.find(toks);
    expect(found.get('a')).toEqual({ at: 0, length: 3 });
    expect(wordsAt('Buy my course: only 3 left, join the waitlist', toks, found.get('b')!)).toBe('only 3 left');
    expect(book.find(tokens('nothing here')).size).toBe(0);
  });
});
