/**
 * A JSON value whose shape a schema leaves open (a setField's `base` and `value`), bounded so that no
 * value can cost the server a stack overflow or a case its size: at most `maxDepth` levels of arrays and
 * objects and `maxSize` units (one per value, key and character). Strings follow `text` (primitives.ts);
 * keys that could reach an object's prototype (`__proto__`, `constructor`, `prototype`) are refused.
 *
 * The walk is iterative: a value 5,000 levels deep is measured, not recursed into.
 */
import { z } from 'zod';
import { isCleanText } from './primitives';

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

/** What is wrong with `value` as a bounded JSON value, or undefined when nothing is. */
export function jsonValueProblem(value: unknown, maxDepth: number, maxSize: number): string | undefined {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  let size = 0;
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item) break;
    size += 1;
    const current = item.value;
    if (typeof current === 'string') {
      size += current.length;
      if (!isCleanText(current)) return 'a string contains a control character or an unpaired surrogate';
    } else if (typeof current === 'number') {
      if (!Number.isFinite(current)) return 'a number is not finite';
    } else if (current !== null && typeof current === 'object') {
      if (item.depth >= maxDepth) return `nested deeper than ${maxDepth} levels`;
      const entries = Array.isArray(current) ? current.map((element): [string, unknown] => ['', element]) : Object.entries(current);
      for (const [key, element] of entries) {
        if (forbiddenKeys.has(key)) return `the key ${key} is not allowed`;
        size += key.length;
        stack.push({ value: element, depth: item.depth + 1 });
      }
    } else if (current !== null && typeof current !== 'boolean') {
      return 'not a JSON value';
    }
    if (size > maxSize) return `larger than ${maxSize} characters`;
  }
  return undefined;
}

/** A JSON value of at most `maxDepth` levels and `maxSize` units (see the header). */
export function boundedJson(maxDepth: number, maxSize: number) {
  return z.unknown().superRefine((value, ctx) => {
    if (value === undefined) return;
    const problem = jsonValueProblem(value, maxDepth, maxSize);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}
