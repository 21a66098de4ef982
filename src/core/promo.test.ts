import { describe, expect, it } from 'vitest';
import en from './data/promo/en.json';
import es from './data/promo/es.json';
import { classifyPromotion, learnLexicon, normalizeDomain, THRESHOLD, type PromoContext, type PromoSignal } from './promo.ts';

const mine: PromoContext = { domains: ['example.com'], handles: ['ana_builds'], brands: ['Shipfast', 'La Huerta Digital'] };
const none: PromoContext = { domains: [] };

function promotional(text: string, context = mine, links?: string[]): boolean {
  return classifyPromotion({ text, ...(links ? { links } : {}) }, context).promotional;
}

function codes(text: string, context = mine): PromoSignal[] {
  return classifyPromotion({ text }, context).reasons.map((r) => r.code);
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
});

describe('own pages on other sites', () => {
  it('a link whose path names the user or their brand is their own page', () => {
    expect(classifyPromotion({ text: 'Part 2 is up: youtube.com/@ana_builds' }, mine).reasons).toContainEqual({ code: 'own-page', detail: 'youtube.com/ana_builds' });
    expect(codes('Stars welcome: https://github.com/shipfast/cli')).toContain('own-page');
    expect(codes('Great talk: https://youtube.com/@someone_else')).not.toContain('own-page');
  });

  it('a "domain" given with a path is a page, not the whole site', () => {
    const ctx: PromoContext = { domains: ['youtube.com/@mychannel', 'github.com/sponsors/me'] };
    expect(codes('New video: https://www.youtube.com/@mychannel/videos', ctx)).toContain('own-page');
    expect(codes('Loved this one: https://youtube.com/@otherchannel', ctx)).not.toContain('own-page');
    expect(promotional('Loved this one: https://youtube.com/@otherchannel', ctx)).toBe(false);
    expect(codes('Sponsor me? github.com/sponsors/me', ctx)).toContain('own-page');
  });
});

describe('each signal, in English and Spanish', () => {
  const cases: [PromoSignal, string, string][] = [
    ['call-to-action', 'Sign up here, it takes a minute', 'Regístrate aquí, es un minuto'],
    ['call-to-action', 'Link in bio 👆', 'Enlace en la bio 👆'],
    ['call-to-action', 'DM me if you want the template', 'Escríbeme por DM si quieres la plantilla'],
    ['launch', 'Just launched the thing I worked on all year', 'Acabo de lanzar lo que llevo todo el año haciendo'],
    ['launch', 'New episode with a guest who ran 100 marathons', 'Nuevo episodio con una invitada que corrió 100 maratones'],
    ['discount', 'Use code SPRING25 this week', 'Usa el código VERANO25 esta semana'],
    ['discount', '30% off everything until Monday', '30% de descuento en todo hasta el lunes'],
    ['price', 'All of it for $49', 'Todo por 49 euros'],
    ['own-product', 'My newsletter goes out on Sundays', 'Mi newsletter sale los domingos'],
    ['hiring', "We're hiring a backend engineer in Lisbon", 'Estamos contratando una ingeniera backend en Lima'],
    ['event', 'I’m speaking at the meetup on Thursday', 'Os espero en el meetup del jueves'],
    ['urgency', 'Only 5 seats left', 'Solo quedan 5 plazas'],
    ['self-mention', 'Shipfast turned two today', 'La Huerta Digital cumple dos años'],
  ];
  for (const [signal, english, spanish] of cases) {
    it(`${signal}: "${english}" / "${spanish}"`, () => {
      expect(codes(english)).toContain(signal);
      expect(codes(spanish)).toContain(signal);
    });
  }

  it('self-mention: the user’s own handle, not somebody else’s', () => {
    expect(codes('Follow @ana_builds for the rest of the series')).toContain('self-mention');
    expect(codes('Follow @someone_else for the rest of the series')).not.toContain('self-mention');
  });

  it('a discount code must look like one (upper case), not any word after "code"', () => {
    expect(codes('Use code LAUNCH20')).toContain('discount');
    expect(codes('I love reading code written by others')).not.toContain('discount');
    // Without a code word, an affiliate code carries the percentage the post offers.
    expect(classifyPromotion({ text: 'They gave me one for you all: PEPPER15 gets 15% off.' }, mine).reasons).toContainEqual({ code: 'discount', detail: 'PEPPER15' });
    expect(classifyPromotion({ text: 'Ellos me lo mandan, y con LOLA15 les dan 15%' }, mine).reasons).toContainEqual({ code: 'discount', detail: 'LOLA15' });
    expect(codes('COVID19 cases fell 20% this week')).not.toContain('discount');
    expect(codes('The RTX4090 is 10% faster here')).not.toContain('discount');
  });

  it('matches whole words and ignores accents and case', () => {
    expect(codes('REGISTRATE YA')).toContain('call-to-action');
    expect(codes('Signups are down this quarter')).toEqual([]);
    expect(codes('Preventable bugs are the worst')).toEqual([]);
    expect(codes('Compra yates de segunda mano')).toEqual([]);
  });
});

describe('the decision', () => {
  it('one strong signal decides; one weak signal does not', () => {
    expect(promotional('Some thoughts: https://example.com/notes')).toBe(true);
    expect(promotional('Writing my book taught me to cut 80% of every draft.')).toBe(false);
    expect(promotional('Shipfast had a rough night, sorry to everyone affected.')).toBe(false);
  });

  it('weak signals together tip a post', () => {
    const result = classifyPromotion({ text: 'My course, 6 weeks, $199.' }, mine);
    expect(result.promotional).toBe(true);
    expect(result.reasons.map((r) => r.code)).toEqual(['price', 'own-product']);
    expect(result.score).toBeGreaterThanOrEqual(THRESHOLD);
  });

  it('questions and credit to others are not promotion', () => {
    for (const text of [
      'Did anyone sign up for the design summit?',
      '¿Alguien se ha inscrito al congreso de diseño?',
      'Congrats to @maria on the launch! Go check it out',
      'Enhorabuena a @lucia por el lanzamiento, echadle un vistazo',
      'What do you think about remote work?',
      'Hot take: tabs are better than spaces.',
      '',
    ]) {
      expect(promotional(text), text).toBe(false);
    }
  });

  it('quoted words are someone else’s: an ad quoted to mock it is not promotion', () => {
    expect(promotional('Got an email: “40% off, today only!” from a tool I cancelled. No thanks.')).toBe(false);
    expect(promotional('Me llegó un correo: «¡40 % de descuento, solo hoy!». Qué detalle.')).toBe(false);
    // An unbalanced quote mark (inches, a typo) hides nothing.
    expect(promotional('My 27" monitor setup guide: use code DESK20 for 20% off')).toBe(true);
  });

  it('a service notice about one’s own site is not promotion; a joke or a complaint about marketing neither', () => {
    expect(promotional('example.com was down for an hour this morning, sorry folks. Postmortem coming.')).toBe(false);
    expect(promotional('BOOK NOW!!! just kidding, I am booking the dentist.')).toBe(false);
    expect(promotional('Link in bio culture has ruined the internet.')).toBe(false);
  });

  it('a phrase just after a negation is not urged ("I don’t have a giveaway"), in English and Spanish', () => {
    expect(codes('I don’t have a giveaway or anything, I just wanted to say thank you.', none)).not.toContain('call-to-action');
    expect(codes('Hosting a giveaway this week for my readers', none)).toContain('call-to-action');
    expect(codes('No hay lista de espera y no voy a abrir otro taller.', none)).not.toContain('call-to-action');
    expect(codes('Apuntate a la lista de espera del taller', none)).toContain('call-to-action');
    // Only the next few words: a later sentence is the writer's own again.
    expect(codes('Not a joke. Sign up today.', none)).toContain('call-to-action');
  });

  it('an amount written short ("$31k net", "$5.1k MRR") is a figure, not a price', () => {
    expect(codes('Year 2 numbers: about $31k net, ~$9k on ads.', none)).not.toContain('price');
    expect(codes('The print is $31 with free shipping', none)).toContain('price');
  });

  it('a release of one’s content ("video is up", "part 7 is up", "restock Friday") is launch language', () => {
    expect(codes('Full build video of the walnut table is up.', none)).toContain('launch');
    expect(codes('Hollow Depths part 7 is up. Chat was right.', none)).toContain('launch');
    expect(codes('Sticker sheets restock Friday 10am!', none)).toContain('launch');
    expect(codes('Vlog nuevo: un día de boda desde mi lado de la cámara', none)).toContain('launch');
    expect(codes('My heart rate is up after that hill.', none)).not.toContain('launch');
  });

  it('a question that sells is still promotion', () => {
    expect(promotional('Want more clients? Book a call: https://example.com/call')).toBe(true);
  });

  it('gives a score between 0 and 1 and explains it with the phrases as written', () => {
    const result = classifyPromotion({ text: 'Últimas plazas para mi taller 👇 link en bio' }, mine);
    expect(result.promotional).toBe(true);
    expect(result.score).toBe(1);
    expect(result.reasons.filter((r) => r.code !== 'wording')).toEqual([
      { code: 'call-to-action', detail: 'link en bio' },
      { code: 'own-product', detail: 'mi taller' },
      { code: 'urgency', detail: 'últimas plazas' },
    ]);
    expect(classifyPromotion({ text: 'A quiet Sunday.' }, mine).promotional).toBe(false);
  });

  it('every phrase in the data files is found on its own (numbers filled in)', () => {
    for (const lang of [en, es]) {
      for (const list of [lang.cta, lang.launch, lang.discount, lang.price, lang.ownProduct, lang.hiring, lang.event, lang.urgency]) {
        for (const phrase of list) {
          const text = `Hola: ${phrase.replace(/<num>/g, '12').replace(/\*/g, 'word')}.`;
          expect(codes(text, none).length, phrase).toBeGreaterThan(0);
        }
      }
    }
  });
});

describe('learning from relabels', () => {
  it('words in two posts the user marked promotional become a signal, until a post marked not has them', () => {
    const before = classifyPromotion({ text: 'Friday at the Greenhouse, as always' }, mine);
    expect(before.promotional).toBe(false);
    const lexicon = learnLexicon([
      { text: 'Greenhouse sessions: tonight, with Lola on bass', promotional: true },
      { text: 'Another Greenhouse night, thank you all', promotional: true },
    ], mine);
    expect([...lexicon.terms]).toContain('greenhouse');
    const after = classifyPromotion({ text: 'Friday at the Greenhouse, as always' }, { ...mine, lexicon });
    expect(after.promotional).toBe(true);
    expect(after.reasons).toContainEqual({ code: 'learned', detail: 'greenhouse' });
    // One label is not enough to learn from…
    expect(learnLexicon([{ text: 'Greenhouse sessions tonight', promotional: true }], mine).terms.size).toBe(0);
    // …and a word the user also used in a post they said was not promotional is not learnt.
    const mixed = learnLexicon([
      { text: 'Greenhouse sessions tonight', promotional: true },
      { text: 'Greenhouse sessions tomorrow', promotional: true },
      { text: 'The greenhouse in my garden froze', promotional: false },
    ], mine);
    expect(mixed.terms.has('greenhouse')).toBe(false);
    expect(mixed.terms.has('sessions')).toBe(true);
  });

  it('common words are never learnt', () => {
    const lexicon = learnLexicon([
      { text: 'This is the one for you today', promotional: true },
      { text: 'This is the day for you', promotional: true },
    ], mine);
    expect([...lexicon.terms]).toEqual([]);
  });

  it('a reason the user overrules twice stops counting; confirmed once, it stays', () => {
    // Each overruled reason is counted by what matched: two different codes are two different reasons.
    const codesOnce = learnLexicon([
      { text: 'Use code FAMILY10 at the zoo, we got it from the school', promotional: false },
      { text: 'The museum gave us code KIDS2026, use it', promotional: false },
    ], none);
    expect(codesOnce.muted.size).toBe(0);
    const lexicon = learnLexicon([
      { text: 'Just launched a lemonade stand with my kid', promotional: false },
      { text: 'Just launched our paper boats in the river', promotional: false },
    ], none);
    expect(lexicon.muted.has('launch:just launched')).toBe(true);
    expect(classifyPromotion({ text: 'Just launched a kite today' }, { ...none, lexicon }).reasons).toEqual([]);
    const confirmed = learnLexicon([
      { text: 'Just launched a lemonade stand with my kid', promotional: false },
      { text: 'Just launched our paper boats in the river', promotional: false },
      { text: 'Just launched my app', promotional: true },
    ], none);
    expect(confirmed.muted.has('launch:just launched')).toBe(false);
  });
});

describe('the wording model', () => {
  it('tips a post the rules leave undecided when it reads like a shop’s, and names the words', () => {
    // One weak rule signal (a price) is not enough on its own…
    const text = 'Our spring collection is here. Handmade in small batches, $40, shipping worldwide.';
    const shop = classifyPromotion({ text }, none);
    expect(shop.reasons.filter((r) => r.code !== 'wording').map((r) => r.code)).toEqual(['price']);
    // …the wording does it, and says which words.
    expect(shop.promotional).toBe(true);
    const words = shop.reasons.find((r) => r.code === 'wording')?.detail.split(', ') ?? [];
    expect(words.length).toBeGreaterThan(0);
    for (const word of words) expect(text.toLowerCase()).toContain(word);
    // The same price in a personal note is not tipped.
    expect(classifyPromotion({ text: 'Paid $40 for a haircut today and honestly it was worth it.' }, none).promotional).toBe(false);
  });

  it('judges a post with no rule signal by its wording alone; a personal note stays at 0', () => {
    const booking = classifyPromotion({ text: 'Booking spring weddings now, a few dates still free.' }, none);
    expect(booking.promotional).toBe(true);
    expect(booking.reasons.map((r) => r.code)).toEqual(['wording']);
    expect(classifyPromotion({ text: 'Went for a long walk by the river this morning. Cold, grey, perfect.' }, none))
      .toEqual({ promotional: false, score: 0, reasons: [] });
  });

  it('never reads the user’s own brand words: the same post scores the same whatever the brand is called', () => {
    const a = classifyPromotion({ text: 'Zebrafy turns two today. Thank you.' }, { domains: [], brands: ['Zebrafy'] });
    const b = classifyPromotion({ text: 'Quokkly turns two today. Thank you.' }, { domains: [], brands: ['Quokkly'] });
    expect(a.score).toBe(b.score);
  });

  it('model.json is what the training script makes from the tuning corpora (never edited by hand)', async () => {
    const { trainModel } = await import('../../tests/tools/train-promo.ts');
    const model = await import('./data/promo/model.json');
    expect(trainModel()).toEqual({ _comment: model._comment, prior: model.prior, weights: model.weights });
  });
});
