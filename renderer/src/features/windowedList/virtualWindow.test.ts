import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { virtualWindow } from './virtualWindow';

describe('virtualWindow', () => {
  it('renders the rows in view plus the overscan, whatever the list length', () => {
    expect(virtualWindow(200_000, 40, 4_000_000, 600, 5)).toEqual({ start: 99_995, end: 100_021, padTop: 99_995 * 40, padBottom: (200_000 - 100_021) * 40 });
    expect(virtualWindow(0, 40, 0, 600)).toEqual({ start: 0, end: 0, padTop: 0, padBottom: 0 });
  });

  it('keeps the total height and covers the viewport', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300_000 }), fc.integer({ min: 1, max: 80 }), fc.nat(20_000_000), fc.integer({ min: 0, max: 3000 }), (count, rowHeight, scrollTop, height) => {
        const w = virtualWindow(count, rowHeight, scrollTop, height);
        expect(w.padTop + (w.end - w.start) * rowHeight + w.padBottom).toBe(count * rowHeight);
        expect(w.end - w.start).toBeLessThanOrEqual(Math.ceil(height / rowHeight) + 1 + 16);
        const firstVisible = Math.floor(scrollTop / rowHeight);
        if (firstVisible < count) expect(w.start <= firstVisible && firstVisible < w.end).toBe(true);
      }),
    );
  });
});
