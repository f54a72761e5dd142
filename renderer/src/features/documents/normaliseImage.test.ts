import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planNormalisation, TARGET_LONG_SIDE } from './normaliseImage';

describe('planNormalisation', () => {
  it('scales a 12 MP phone photo down to A4 at 300 dpi on its longest side', () => {
    const plan = planNormalisation(3024, 4032);
    expect(plan.height).toBe(TARGET_LONG_SIDE);
    expect(plan.width).toBe(1860);
  });

  it('never enlarges a small image', () => {
    expect(planNormalisation(496, 702)).toMatchObject({ width: 496, height: 702 });
  });

  it('swaps the sides of a page turned a quarter', () => {
    const plan = planNormalisation(4000, 3000, { rotate: 90 });
    expect(plan.width).toBeLessThan(plan.height);
    expect(plan.source).toEqual({ x: 0, y: 0, width: 4000, height: 3000 });
  });

  it('maps an upright crop back into the original frame for each turn', () => {
    // A 200x100 original turned 90° clockwise is 100x200 upright; its top half is the original's left half.
    expect(planNormalisation(200, 100, { rotate: 90, crop: { x: 0, y: 0, width: 1, height: 0.5 } }).source).toEqual({ x: 0, y: 0, width: 100, height: 100 });
    expect(planNormalisation(200, 100, { rotate: 180, crop: { x: 0, y: 0, width: 0.25, height: 1 } }).source).toEqual({ x: 150, y: 0, width: 50, height: 100 });
    expect(planNormalisation(200, 100, { rotate: 270, crop: { x: 0, y: 0, width: 1, height: 0.5 } }).source).toEqual({ x: 100, y: 0, width: 100, height: 100 });
  });

  it('keeps the source rectangle inside the image and the output within the target, for any input', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9000 }),
        fc.integer({ min: 1, max: 9000 }),
        fc.constantFrom(0 as const, 90 as const, 180 as const, 270 as const),
        fc.record({ x: fc.double({ min: -0.5, max: 1.5, noNaN: true }), y: fc.double({ min: -0.5, max: 1.5, noNaN: true }), width: fc.double({ min: 0, max: 2, noNaN: true }), height: fc.double({ min: 0, max: 2, noNaN: true }) }),
        (width, height, rotate, crop) => {
          const plan = planNormalisation(width, height, { rotate, crop });
          expect(plan.source.x).toBeGreaterThanOrEqual(0);
          expect(plan.source.y).toBeGreaterThanOrEqual(0);
          expect(plan.source.x + plan.source.width).toBeLessThanOrEqual(width + 1);
          expect(plan.source.y + plan.source.height).toBeLessThanOrEqual(height + 1);
          expect(Math.max(plan.width, plan.height)).toBeLessThanOrEqual(TARGET_LONG_SIDE);
          expect(Math.min(plan.width, plan.height)).toBeGreaterThanOrEqual(1);
        },
      ),
    );
  });
});
