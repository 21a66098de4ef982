import { describe, expect, it } from 'vitest';
import { isGenericReply } from './generic.ts';

describe('generic replies (the quality floor)', () => {
  it('stock praise, thanks and agreement are generic, in English and Spanish', () => {
    for (const text of [
      'Great post!', 'Love this 🙌', 'So true.', 'Well said', 'Totally agree', 'Thanks for sharing', 'Congrats!!', 'Brilliant 🔥🔥',
      'Great insights, thanks for sharing, Maria! Very valuable',
      'This is such a great and insightful post, thank you so much for sharing your amazing perspective with all of us!',
      'Gran post', 'Totalmente de acuerdo', 'Qué buena reflexión', 'Gracias por compartir', '¡Enhorabuena!', 'Me encanta 😍',
    ]) {
      expect(isGenericReply(text), text).toBe(true);
    }
  });

  it('emoji only, a tag only, +1 are generic', () => {
    for (const text of ['🔥🔥🔥', '👏', '@maria', '@maria @juan', '+1', '💯 💯']) expect(isGenericReply(text), text).toBe(true);
  });

  it('hashtags, laughter, letters typed twice and a long empty pod comment are generic too', () => {
    for (const text of [
      'Love this! 💯 #leadership #growth #mindset',
      'jajajaja muero',
      'graciasss 🙌',
      'q buenoo',
      'Goood stuff',
      'quién más? 🙋‍♀️',
      'Absolutely love this perspective! So many valuable insights packed into one post. Thank you for always sharing your wisdom so generously with your network. Truly inspiring leadership on display here, Daniel.',
    ]) {
      expect(isGenericReply(text), text).toBe(true);
    }
    // A hashtag that names something is still not enough, but a specific word beside the praise is.
    expect(isGenericReply('Love this! Tried it with #rustlang on a Pi and it halved the build time.')).toBe(false);
  });

  it('a question engages, however short', () => {
    for (const text of ['Source?', 'Why not SQLite?', 'Which version of Postgres?', '¿Fuente?', '¿Y en móvil también pasa?', 'Great post! Did you try caching it?']) {
      expect(isGenericReply(text), text).toBe(false);
    }
  });

  it('a reply that names something specific is substantive, even with praise', () => {
    for (const text of [
      'Thanks — the part about indexing the join column fixed our slow query',
      'Congrats on the launch, the onboarding video is really clear',
      'Love the colour palette on the second chart',
      'Gracias, lo del índice compuesto nos ha salvado la semana',
      'We tried this at work and the retro format stuck',
    ]) {
      expect(isGenericReply(text), text).toBe(false);
    }
  });

  it('a reply with a link shares something specific', () => {
    expect(isGenericReply('https://example.org/paper.pdf')).toBe(false);
  });

  it('an empty reply is generic (nothing given but the click)', () => {
    expect(isGenericReply('')).toBe(true);
  });
});
