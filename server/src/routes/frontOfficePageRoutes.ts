/**
 * The front office's public pages, built with the renderer and served from its build folder
 * (RENDERER_DIR, default <repo>/out/renderer; docs/decisions/0039):
 *
 *   GET /kiosk                 the ticket kiosk at the entrance
 *   GET /display               the hall's TV
 *   GET /t/:id?v=              the citizen's phone (the printed QR code); the page asks the API itself
 *   GET /assets/:file          only the built files these pages load, cached for good (hashed names)
 *   GET /kiosk-sw.js           the kiosk's service worker (scope /kiosk)
 *   GET /kiosk/offline-files   what the service worker keeps for the kiosk to start without the server
 *
 * Not built: a plain 404 page that says how to build them.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  DISPLAY_PAGE_PATH,
  KIOSK_OFFLINE_FILES_PATH,
  KIOSK_PAGE_PATH,
  KIOSK_SERVICE_WORKER_PATH,
  type KioskOfflineFiles,
} from '../../../shared/schemas/frontOfficePages';
import type { AppContext } from '../context/appContext';
import { HttpError } from '../http/httpError';
import { createBuiltPages, type FrontOfficePage, type PageFiles } from '../public/builtPages';
import { frontOfficeContentSecurityPolicy, mediaTypeOf, notBuiltPage } from '../public/frontOfficePageText';

const assetParamsSchema = z.object({ file: z.string().regex(/^[A-Za-z0-9._-]{1,200}$/) });

function sendNotBuilt(reply: FastifyReply): FastifyReply {
  return reply.code(404).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(notBuiltPage);
}

export function registerFrontOfficePageRoutes(app: FastifyInstance, context: AppContext): void {
  const built = createBuiltPages(context.config.rendererDir);

  async function sendPage(reply: FastifyReply, page: FrontOfficePage): Promise<FastifyReply> {
    const files = await built.load();
    if (!files) return sendNotBuilt(reply);
    return reply
      .code(200)
      .type('text/html; charset=utf-8')
      .header('content-security-policy', frontOfficeContentSecurityPolicy)
      .header('x-robots-tag', 'noindex, nofollow')
      // Asked again each time (it is small), so a new build shows at the next load.
      .header('cache-control', 'no-cache')
      .send(files.html[page]);
  }

  async function sendBuiltFile(reply: FastifyReply, files: PageFiles | undefined, file: string, cacheControl: string): Promise<FastifyReply> {
    if (!files?.servable.has(file)) throw new HttpError('not_found', 'No such file');
    return reply.code(200).type(mediaTypeOf(file)).header('cache-control', cacheControl).header('content-security-policy', frontOfficeContentSecurityPolicy).send(await built.read(file));
  }

  app.get(KIOSK_PAGE_PATH, { config: { action: 'public' } }, (_request, reply) => sendPage(reply, 'kiosk'));
  app.get(DISPLAY_PAGE_PATH, { config: { action: 'public' } }, (_request, reply) => sendPage(reply, 'display'));
  app.get('/t/:id', { config: { action: 'public' } }, (_request, reply) => sendPage(reply, 'ticket'));

  app.get('/assets/:file', { config: { action: 'public' } }, async (request, reply) => {
    const params = assetParamsSchema.safeParse(request.params);
    if (!params.success) throw new HttpError('not_found', 'No such file');
    return sendBuiltFile(reply, await built.load(), `assets/${params.data.file}`, 'public, max-age=31536000, immutable');
  });

  app.get(KIOSK_SERVICE_WORKER_PATH, { config: { action: 'public' } }, async (_request, reply) => {
    const files = await built.load();
    if (!files) throw new HttpError('not_found', 'The kiosk page is not built');
    return sendBuiltFile(reply, files, files.serviceWorker, 'no-cache');
  });

  app.get(KIOSK_OFFLINE_FILES_PATH, { config: { action: 'public' } }, async (_request, reply) => {
    const files = await built.load();
    if (!files) throw new HttpError('not_found', 'The kiosk page is not built');
    const body: KioskOfflineFiles = { files: files.filesOf.kiosk.map((file) => `/${file}`) };
    return reply.code(200).header('cache-control', 'no-cache').send(body);
  });
}
