import { z } from 'zod';
import { MAX_SEQUENCE, STATION_CODE_PATTERN } from '../domain/caseNumber';
import { isoDateTimeSchema, uuidSchema } from '../schemas/primitives';

/**
 * `POST CASE_NUMBERS_PATH`: an install reports what it holds of its station's case numbers and the
 * server answers with its blocks (reserving a new one when it runs low), each with the highest number
 * the server has seen used from it. Decision 0016; arithmetic in shared/domain/caseNumberBlocks.ts.
 */
export const CASE_NUMBERS_PATH = '/v1/case-numbers/reserve';

const rocYearSchema = z.number().int().min(1).max(999);
const sequenceSchema = z.number().int().min(0).max(MAX_SEQUENCE);

export const caseNumberRequestSchema = z.object({
  /** The install (its sync client id): blocks belong to it, not to the device credential it shares. */
  clientId: uuidSchema,
  /** The station the install numbers cases for; must be the signed-in device's. */
  stationCode: z.string().regex(STATION_CODE_PATTERN),
  years: z
    .array(
      z.object({
        rocYear: rocYearSchema,
        /** Numbers the install has left in this year's blocks. */
        remaining: z.number().int().min(0).max(MAX_SEQUENCE),
        /** The highest sequence the install has used or seen used for this station and year. */
        highestUsed: sequenceSchema,
      }),
    )
    .max(4),
});
export type CaseNumberRequest = z.infer<typeof caseNumberRequestSchema>;

export const caseNumberBlockSchema = z
  .object({
    rocYear: rocYearSchema,
    first: z.number().int().min(1).max(MAX_SEQUENCE),
    last: z.number().int().min(1).max(MAX_SEQUENCE),
    /** The highest number of this block the server holds a case under (0 when none). */
    highestUsed: sequenceSchema,
  })
  .refine((block) => block.first <= block.last, 'a block ends before it starts');
export type CaseNumberBlock = z.infer<typeof caseNumberBlockSchema>;

export const caseNumberResponseSchema = z.object({
  stationCode: z.string().regex(STATION_CODE_PATTERN),
  /** Every block of this install for the years asked about and the years it should hold. */
  blocks: z.array(caseNumberBlockSchema).max(1000),
  serverTime: isoDateTimeSchema,
});
export type CaseNumberResponse = z.infer<typeof caseNumberResponseSchema>;
