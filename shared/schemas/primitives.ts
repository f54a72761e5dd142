import { z } from 'zod';

/** A calendar date in Asia/Taipei, `YYYY-MM-DD`. */
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
/** An instant, ISO 8601 with offset. */
export const isoDateTimeSchema = z.iso.datetime({ offset: true });
/** SHA-256 as 64 lower-case hex characters. */
export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 in hex');
export const uuidSchema = z.uuid();
