import { describe, expect, it } from 'vitest';
import { pickSuggestions } from './suggestions.ts';

describe('pickSuggestions', () => {
  /** An element whose box is at `top` (the test window is 768 px high unless set otherwise). */
  function at(top: number, name: string): HTMLElement {
    const el = document.createElement('article');
    el.id = name;
    el.getBoundingClientRect = () => ({ top, bottom: top + 100, left: 0, right: 100, width: 100, height: 100, x: 0, y: top, toJSON: () => ({}) });
    return el;
  }
  const ids = (els: HTMLElement[]): string[] => els.map((el) => el.id);

  it('puts visible candidates first, each group in page order, at most max', () => {
    const height = window.innerHeight;
    const list = [at(-500, 'above'), at(10, 'a'), at(height + 50, 'below'), at(200, 'b')];
    expect(ids(pickSuggestions(list, 3))).toEqual(['a', 'b', 'above']);
    expect(ids(pickSuggestions(list, 10))).toEqual(['a', 'b', 'above', 'below']);
    expect(pickSuggestions(list, 0)).toEqual([]);
  });

  it('stops reading candidates once max visible ones were found', () => {
    let read = 0;
    function* lazy(): Generator<HTMLElement> {
      for (let i = 0; i < 100; i++) {
        read++;
        yield at(10, `p${i}`);
      }
    }
    expect(ids(pickSuggestions(lazy(), 2))).toEqual(['p0', 'p1']);
    expect(read).toBe(2);
  });
});
