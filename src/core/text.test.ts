import { describe, expect, it } from 'vitest';
import {
  alternationOf, fold, hashesOf, isBreakAt, splitLink, linksIn, mentionsIn, PhraseBook, scanText, scratchScanned, tokenAt, tokens, tokensOfEach, WeightTally, withoutLinksAndMentions, wordsAt,
} from './text.ts';

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
    // The quick test before the link regex: a letter or digit, a dot, a letter.
    for (const none of ['Done. Next.', 'v2.0 is out', '.com alone', 'e. g', '']) expect(linksIn(none), none).toEqual([]);
    expect(linksIn('see Example.COM now')).toEqual(['Example.COM']);
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

  it('alternationOf matches exactly its words, factored by their beginnings', () => {
    expect(alternationOf(['code', 'coupon', 'promo', 'codigo', 'cupon'])).toBe('(?:c(?:o(?:d(?:e|igo)|upon)|upon)|promo)');
    const re = new RegExp(`^(?:${alternationOf(['a', 'ab', 'a.c', 'x+'])})$`);
    for (const yes of ['a', 'ab', 'a.c', 'x+']) expect(re.test(yes), yes).toBe(true);
    for (const no of ['', 'b', 'abc', 'axc', 'x', 'xx']) expect(re.test(no), no).toBe(false);
  });

  it('fold takes the fast paths and the general one to the same result', () => {
    // Latin with accents, curly and back quotes, a lower case that changes the length (İ), beyond Latin.
    for (const text of ['Plain ASCII text', 'Ñandú, ÉXITO y acción', 'Straße “quoted” it’s', 'don`t ´n´ ǅemal', 'İstanbul Ünal', 'Ελληνικά ά', 'emoji 🎉 café']) {
      expect(fold(text), text).toBe(text.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[’‘`´]/g, "'").toLowerCase());
    }
  });
  it('a reused Scanned gives the same tokens as a new one, growing when a text is longer than it', () => {
    const space = scratchScanned();
    const texts = ['Short one?', 'x'.repeat(600) + ' then "quoted" words, 12.5k and 3,50 €', 'Ünïcode café 🎉 we’re', 'last'];
    for (const text of texts) {
      const fresh = scanText(fold(text));
      const reused = scanText(fold(text), space);
      expect(reused.count, text).toBe(fresh.count);
      const view = (s: typeof fresh) => Array.from({ length: s.count }, (_, i) => [tokenAt(s, i), s.kind[i], s.hash[i], s.hash2[i], s.asked?.[i] ?? 0]);
      expect(view(reused), text).toEqual(view(fresh));
    }
  });

  it('tokenizes many texts in one scan as it does one by one', () => {
    const texts = ['buy now', '', "we're pre-order", '$49.99', 'link.in bio?', '"quoted"', 'código: VERANO25', '31k'];
    expect(tokensOfEach(texts.map(fold))).toEqual(texts.map((t) => tokens(fold(t))));
  });

  it('a negation marks the few words after it, in its sentence, and is never found itself', () => {
    const book = new PhraseBook<'promo' | 'neg'>({ promo: ['giveaway', 'waitlist'], neg: ["don't", 'no'] }, { negation: { label: 'neg', reach: 3 } });
    expect(book.find(scanText(fold("I don't have a giveaway"))).size).toBe(0);
    // Beyond its reach, or past the end of the sentence, a phrase counts again.
    expect(book.find(scanText(fold("I don't think we need one more giveaway"))).get('promo')).toEqual({ at: 7, length: 1 });
    expect(book.find(scanText(fold('No. Join the waitlist'))).get('promo')).toEqual({ at: 4, length: 1 });
  });

  it('a tally counts word pairs too, and never the unweighted words, alone or in a pair', () => {
    const book = new PhraseBook<'x'>({}, { weights: new Map([['link', 1], ['link below', 2], ['our brand', 4]]) });
    const tally = new WeightTally();
    book.find(scanText('link below. link below'), undefined, tally);
    expect(tally.sum).toBeCloseTo(3);
    expect(tally.topIds().map((id) => book.wordOf(id))).toEqual(['link below', 'link']);
    // A pair never runs across a sentence break.
    tally.reset();
    book.find(scanText('link. below'), undefined, tally);
    expect(tally.sum).toBeCloseTo(1);
    tally.reset();
    book.find(scanText('our brand, link below'), undefined, tally, hashesOf(['brand', 'below']));
    expect(tally.sum).toBeCloseTo(1);
  });

  it('a book of thousands of words and pairs finds each it holds exactly once, and nothing else', () => {
    // Enough nodes that many share a probe run in the table, and pairs keyed by their first word's slot.
    const words = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}x`);
    const weights = new Map<string, number>(words.map((w, i) => [w, (i % 7) + 1]));
    for (let i = 0; i < 500; i++) weights.set(`${words[i]} ${words[i + 1]}`, 10);
    const book = new PhraseBook<'p'>({ p: ['w0x w1x w2x'] }, { weights });
    const tally = new WeightTally();
    const found = book.find(scanText(`${words.slice(0, 600).join(' ')} ${words.slice(0, 600).join(' ')} unknownword w1x w0x`), undefined, tally);
    let expected = 500 * 10;
    for (let i = 0; i < 600; i++) expected += (i % 7) + 1;
    expect(tally.sum).toBe(expected);
    expect(found.get('p')).toEqual({ at: 0, length: 3 });
  });

  it('a tally adds each weighted word once and names the heaviest', () => {
    const book = new PhraseBook<'x'>({}, { weights: new Map([['launch', 2], ['today', 0.5], ['sadly', -1]]) });
    const tally = new WeightTally();
    book.find(scanText('launch today, launch! sadly'), undefined, tally);
    expect(tally.sum).toBeCloseTo(1.5);
    expect(tally.topIds().map((id) => book.wordOf(id))).toEqual(['launch', 'today']);
    tally.reset();
    book.find(scanText('nothing weighted'), undefined, tally);
    expect([tally.sum, tally.topIds()]).toEqual([0, []]);
  });
});
