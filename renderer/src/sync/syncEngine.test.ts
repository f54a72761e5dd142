import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from './api';
import { CLOCK_WARNING_MS, clockIsOff, measureClockOffset } from './clockOffset';
import { backoffDelay, isTemporary } from './syncEngine';

describe('retry policy', () => {
  it('backs off exponentially with jitter, never above the cap', () => {
    expect(backoffDelay(0, () => 0)).toBe(500);
    expect(backoffDelay(0, () => 1)).toBe(1_000);
    expect(backoffDelay(3, () => 0.5)).toBe(6_000);
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const delay = backoffDelay(attempt);
      expect(delay).toBeGreaterThanOrEqual(Math.min(60_000, 1_000 * 2 ** attempt) / 2);
      expect(delay).toBeLessThanOrEqual(60_000);
    }
  });

  it('retries only what may succeed later', () => {
    expect(isTemporary(new NetworkError('reset'))).toBe(true);
    expect(isTemporary(new ApiError(503, 'unavailable', 'x'))).toBe(true);
    expect(isTemporary(new ApiError(429, 'rate_limited', 'x'))).toBe(true);
    expect(isTemporary(new ApiError(426, 'protocol_outdated', 'x'))).toBe(false);
    expect(isTemporary(new ApiError(409, 'mutation_gap', 'x'))).toBe(false);
  });
});

describe('clock offset', () => {
  it('measures the server clock against the midpoint of the round trip and warns beyond five minutes', () => {
    const sent = Date.parse('2026-03-02T00:00:00Z');
    const offset = measureClockOffset(sent, sent + 200, '2026-03-05T00:00:00.100Z');
    expect(offset).toBe(3 * 24 * 60 * 60 * 1000);
    expect(clockIsOff(offset)).toBe(true);
    expect(clockIsOff(CLOCK_WARNING_MS)).toBe(false);
    expect(clockIsOff(-CLOCK_WARNING_MS - 1)).toBe(true);
    expect(clockIsOff(undefined)).toBe(false);
  });
});
