/**
 * Audits the citizen's look-ups: every successful answer of a route marked `audit: 'public-view'` is
 * an entry `case.public-view` with the case and a masked address (the last part of an IPv4 address,
 * the last 80 bits of an IPv6 one, dropped). Failed look-ups are not cases and are not recorded; the
 * rate limit bounds them. Written before the response leaves, so a view is never unrecorded.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseCaseNo } from '../../../shared/domain/caseNumber';
import type { AppContext } from '../context/appContext';
import { appendAuditNow } from '../store/auditStore';

const paramsSchema = z.object({ caseNo: z.string().min(1).max(64) });

export function maskAddress(address: string): string {
  if (address.includes(':') && !address.startsWith('::ffff:')) {
    return `${address.split(':').slice(0, 3).join(':')}::/48`;
  }
  const v4 = address.replace(/^::ffff:/, '').split('.');
  return v4.length === 4 ? `${v4.slice(0, 3).join('.')}.0/24` : 'unknown';
}

export function registerPublicViewAudit(app: FastifyInstance, context: AppContext): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.routeOptions.config.audit !== 'public-view' || reply.statusCode !== 200) return payload;
    const params = paramsSchema.safeParse(request.params);
    const parsed = params.success ? parseCaseNo(params.data.caseNo) : undefined;
    if (!parsed?.ok) return payload;
    const { rows } = await context.db.query<{ id: string }>('SELECT id::text AS id FROM cases WHERE case_no = $1', [parsed.normalized]);
    await appendAuditNow(context.db, {
      at: context.now(),
      action: 'case.public-view',
      purpose: 'citizen progress lookup',
      caseId: rows[0]?.id ?? null,
      details: { caseNo: parsed.normalized, address: maskAddress(request.ip), page: request.url.startsWith('/q/') ? 'html' : 'json' },
    });
    return payload;
  });
}
