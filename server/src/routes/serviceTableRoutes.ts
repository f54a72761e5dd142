/**
 * The public service table (public/servicesPage.ts), for the bureau's website to link to:
 *
 *   GET /services                 the current catalogue as a page
 *   GET /services/forms/:id.pdf   a service's application form, blank, to print at home
 *
 * Public and rate-limited like the progress page; the catalogue holds no taxpayer data, so nothing is audited.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { defaultCatalogue } from '../../../shared/domain/catalogue';
import type { FormTemplate } from '../../../shared/domain/formTemplate';
import { findFormTemplate } from '../../../shared/domain/formTemplates';
import { renderFormPdf } from '../../../shared/pdf/renderFormPdf';
import type { AppContext } from '../context/appContext';
import { publicLookupLimit } from '../authz/rateLimit';
import { HttpError } from '../http/httpError';
import { formFontBytes } from '../public/formFont';
import { pageContentSecurityPolicy } from '../public/progressPage';
import { renderServicesPage } from '../public/servicesPage';
import { latestReferenceVersion } from '../store/referenceVersionStore';

/** Blank forms change only with the code, so each is drawn once (fontkit takes a moment to read the font). */
const blankForms = new Map<string, Promise<Uint8Array>>();

function blankForm(template: FormTemplate): Promise<Uint8Array> {
  let pdf = blankForms.get(template.id);
  if (!pdf) {
    pdf = formFontBytes().then((font) => renderFormPdf(template, {}, font));
    blankForms.set(template.id, pdf);
  }
  return pdf;
}

const formParamsSchema = z.object({ file: z.string().regex(/^[a-z0-9-]{1,60}\.pdf$/) });

export function registerServiceTableRoutes(app: FastifyInstance, context: AppContext): void {
  app.get('/services', { config: { action: 'public', rateLimit: publicLookupLimit } }, async (_request, reply) => {
    const catalogue = (await latestReferenceVersion(context.db, 'catalogue')) ?? defaultCatalogue;
    return reply
      .code(200)
      .header('content-security-policy', pageContentSecurityPolicy)
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(renderServicesPage(catalogue, context.config.notifications.bureau));
  });

  app.get('/services/forms/:file', { config: { action: 'public', rateLimit: publicLookupLimit } }, async (request, reply) => {
    const params = formParamsSchema.safeParse(request.params);
    const template = params.success ? findFormTemplate(params.data.file.replace(/\.pdf$/, '')) : undefined;
    if (!template) throw new HttpError('not_found', 'No such form');
    const pdf = await blankForm(template);
    return reply
      .code(200)
      .header('content-disposition', `attachment; filename="${template.id}.pdf"`)
      .type('application/pdf')
      .send(Buffer.from(pdf));
  });
}
