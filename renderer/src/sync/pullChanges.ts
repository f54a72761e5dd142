import { z } from 'zod';
import { safeParseStored } from '../../../shared/schemas/parseStored';
import { pullResponseSchema } from '../../../shared/sync/protocol';
import type { CounterDeskDb } from '../db/database';
import { getClientId } from '../db/outbox';
import { applyPullPage, getPullCursor, resetPulledCopy } from '../db/syncedCopy';
import { ApiError, apiRequest, type ApiOptions } from './api';
import type { TimedCall } from './timedCall';

/**
 * A page as the server sends it; text a server stored before the rules of decision 0032 reads with its
 * control characters as U+FFFD instead of failing the page, and with it every pull after.
 */
const pulledPageSchema = z.unknown().transform((value, ctx) => {
  const parsed = safeParseStored(pullResponseSchema, value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues.slice(0, 5)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  return z.NEVER;
});

/**
 * Pulls every change after this device's cursor, page by page; returns how many were applied. The next
 * page is asked for as soon as a page arrives, so that the server reads it while the device writes
 * this one (a page's writes wait mostly on IndexedDB, not on the page's own code). The install names
 * itself, so the server knows the scope it last pulled in and resets it when another person's scope
 * differs (docs/decisions/0030-scope-by-work.md).
 */
export async function pullChanges(api: ApiOptions, db: CounterDeskDb, timed: TimedCall): Promise<number> {
  const client = await getClientId(db);
  const fetchPage = (from: number) => {
    const page = timed(() => apiRequest(api, 'GET', `/v1/sync/pull?cursor=${from}&limit=500&client=${client}`, pulledPageSchema));
    // Observed at once: a page asked for ahead may fail while this run fails for another reason.
    page.catch(() => undefined);
    return page;
  };
  let pulled = 0;
  let cursor = await getPullCursor(db);
  let resets = 0;
  let next = fetchPage(cursor);
  for (;;) {
    const page = await next;
    if (page.reset) {
      resets += 1;
      if (resets > 1) throw new ApiError(200, 'bad_response', 'the server asked for a reset twice in one run');
      await resetPulledCopy(db);
      cursor = 0;
      next = fetchPage(cursor);
      continue;
    }
    // Nothing new (most idle runs): no write transaction, which would make a save at that moment wait.
    if (page.changes.length === 0 && page.cursor === cursor) break;
    const more = page.hasMore && page.cursor !== cursor;
    if (more) next = fetchPage(page.cursor);
    pulled += await applyPullPage(page.changes, page.cursor, db);
    if (!more) break;
    cursor = page.cursor;
  }
  return pulled;
}
