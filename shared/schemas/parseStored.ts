/**
 * Reading back what was stored before the text rules of primitives.ts (decision 0032): a record
 * written by an older version may hold a control character the schemas now refuse. Such a record is
 * read with each offending character shown as U+FFFD (the replacement character people recognise as
 * "something unreadable was here"), never dropped and never a crash; only what still fails after that
 * is an error. New input is never repaired: it is refused.
 */
import type { z } from 'zod';

const REPLACEMENT = '\uFFFD';
/** Control characters but LF, and lone surrogates. */
const unreadable = /(?!\n)[\p{Cc}\p{Cs}]/gu;
const lineBreaks = /\n/g;

function repairString(value: string, keepLineBreaks: boolean): string {
  const repaired = value.replace(unreadable, REPLACEMENT);
  return keepLineBreaks ? repaired : repaired.replace(lineBreaks, ' ');
}

/** Arrays and plain objects are copied; anything else (a Blob, a Date) is kept as it is. */
function copyOfContainer(value: unknown): Record<string, unknown> | undefined {
  if (Array.isArray(value)) return [...(value as unknown[])] as unknown as Record<string, unknown>;
  if (value === null || typeof value !== 'object') return undefined;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null ? { ...(value as Record<string, unknown>) } : undefined;
}

/** A copy of `value` with every string repaired; iterative, so any depth is safe. */
export function repairStoredText(value: unknown, keepLineBreaks = true): unknown {
  if (typeof value === 'string') return repairString(value, keepLineBreaks);
  const root = copyOfContainer(value);
  if (!root) return value;
  const stack = [root];
  for (let current = stack.pop(); current; current = stack.pop()) {
    for (const key of Object.keys(current)) {
      const item = current[key];
      if (typeof item === 'string') {
        current[key] = repairString(item, keepLineBreaks);
        continue;
      }
      const copy = copyOfContainer(item);
      if (copy) {
        current[key] = copy;
        stack.push(copy);
      }
    }
  }
  return root;
}

/** `schema.safeParse`, then once more with stored text repaired (line breaks kept, then as spaces). */
export function safeParseStored<S extends z.ZodType>(schema: S, value: unknown): ReturnType<S['safeParse']> {
  const first = schema.safeParse(value) as ReturnType<S['safeParse']>;
  if (first.success) return first;
  const repaired = schema.safeParse(repairStoredText(value)) as ReturnType<S['safeParse']>;
  if (repaired.success) return repaired;
  const flattened = schema.safeParse(repairStoredText(value, false)) as ReturnType<S['safeParse']>;
  return flattened.success ? flattened : first;
}

/** `schema.parse` of stored data, through safeParseStored: throws the first parse's error when nothing reads. */
export function parseStored<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = safeParseStored(schema, value);
  if (parsed.success) return parsed.data as z.output<S>;
  throw parsed.error;
}
