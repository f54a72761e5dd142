import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addTurn, cropFromMargins, FULL_CROP, marginsOfCrop, planNormalisation, TARGET_LONG_SIDE, turnCrop } from './normaliseImage';

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

describe('editing a page: turns and crops', () => {
  it('adds quarter turns both ways and wraps around', () => {
    expect(addTurn(0, 90)).toBe(90);
    expect(addTurn(0, -90)).toBe(270);
    expect(addTurn(270, 90)).toBe(0);
  });

  it('keeps a crop on the same part of the page when the page is turned', () => {
    // The top strip of an upright page is its right strip after a clockwise turn, its left strip after an anticlockwise one.
    const top = { x: 0, y: 0, width: 1, height: 0.25 };
    expect(turnCrop(top, 90)).toEqual({ x: 0.75, y: 0, width: 0.25, height: 1 });
    expect(turnCrop(top, -90)).toEqual({ x: 0, y: 0, width: 0.25, height: 1 });
    expect(turnCrop(FULL_CROP, 90)).toEqual(FULL_CROP);
    fc.assert(
      fc.property(fc.record({ x: fc.double({ min: 0, max: 0.5, noNaN: true }), y: fc.double({ min: 0, max: 0.5, noNaN: true }), width: fc.double({ min: 0.01, max: 0.5, noNaN: true }), height: fc.double({ min: 0.01, max: 0.5, noNaN: true }) }), (crop) => {
        const back = turnCrop(turnCrop(crop, 90), -90);
        expect(back.x).toBeCloseTo(crop.x, 9);
        expect(back.y).toBeCloseTo(crop.y, 9);
        expect(back.width).toBeCloseTo(crop.width, 9);
        expect(back.height).toBeCloseTo(crop.height, 9);
      }),
    );
  });

  it('reads margins in percent as a crop box and back, never cropping everything away', () => {
    const crop = cropFromMargins({ top: 10, right: 5, bottom: 20, left: 15 });
    expect(crop.x).toBeCloseTo(0.15);
    expect(crop.y).toBeCloseTo(0.1);
    expect(crop.width).toBeCloseTo(0.8);
    expect(crop.height).toBeCloseTo(0.7);
    expect(marginsOfCrop(crop)).toEqual({ top: 10, right: 5, bottom: 20, left: 15 });
    expect(cropFromMargins({ top: 60, right: 0, bottom: 60, left: Number.NaN }).height).toBeCloseTo(0.01);
    // 300x200 with 10 % off the left and right: 240 px wide.
    expect(planNormalisation(300, 200, { crop: cropFromMargins({ top: 0, right: 10, bottom: 0, left: 10 }) })).toMatchObject({ width: 240, height: 200 });
  });
});
