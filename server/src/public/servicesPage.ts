/**
 * The public service table (服務項目、應備文件、處理期限表) at /services: every service of the current
 * catalogue with its documents, limit, procedure and the blank application form to download, so the
 * bureau's website can link to it. Built on the citizen's pages (progressPage.ts): no script, phone first,
 * Traditional Chinese with English beside it, every catalogue text escaped.
 */
import type { Catalogue, Service } from '../../../shared/domain/catalogue';
import { describeLimit, taxTypeLabel } from '../../../shared/domain/catalogue';
import { findFormTemplate } from '../../../shared/domain/formTemplates';
import type { BureauContact } from '../context/notificationConfig';
import { escapeHtml, page } from './progressPage';

type Text = { zh: string; en: string };

function both(text: Text): string {
  return text.en ? `${escapeHtml(text.zh)} <span lang="en" class="en">${escapeHtml(text.en)}</span>` : escapeHtml(text.zh);
}

function list(tag: 'ul' | 'ol', items: readonly Text[]): string {
  return `<${tag}>${items.map((item) => `<li>${both(item)}</li>`).join('')}</${tag}>`;
}

export function blankFormPath(templateId: string): string {
  return `/services/forms/${encodeURIComponent(templateId)}.pdf`;
}

function formLink(service: Service): string {
  const template = service.form ? findFormTemplate(service.form.templateId) : undefined;
  if (!template) return '';
  return `<dt>申請書 <span lang="en">Application form</span></dt>
<dd><a href="${blankFormPath(template.id)}" download>${escapeHtml(template.titleZh)}（PDF）<span lang="en" class="en">${escapeHtml(template.titleEn)} (PDF)</span></a></dd>`;
}

function serviceCard(service: Service): string {
  const headingId = `s-${service.id}`;
  const documents = service.documents.length ? list('ul', service.documents) : '—';
  const procedure = service.procedure?.length
    ? `<dt>辦理流程 <span lang="en">Procedure</span></dt><dd>${list('ol', service.procedure)}</dd>`
    : '';
  return `<section class="card" aria-labelledby="${headingId}">
<h3 id="${headingId}">${both({ zh: service.nameZh, en: service.nameEn })}</h3>
<dl>
<dt>處理期限 <span lang="en">Processing limit</span></dt><dd>${both(describeLimit(service.limit))}</dd>
<dt>應備文件 <span lang="en">Documents</span></dt><dd>${documents}</dd>
${procedure}
${service.fees ? `<dt>規費 <span lang="en">Fees</span></dt><dd>${both(service.fees)}</dd>` : ''}
${formLink(service)}
</dl>
</section>`;
}

/** The services grouped by tax, in the catalogue's order. */
function byTax(services: readonly Service[]): Map<string, Service[]> {
  const groups = new Map<string, Service[]>();
  for (const service of services) groups.set(service.taxType, [...(groups.get(service.taxType) ?? []), service]);
  return groups;
}

export function renderServicesPage(catalogue: Catalogue, contact: BureauContact): string {
  const sections = [...byTax(catalogue.services)].map(
    ([taxType, services]) => `<h2>${both(taxTypeLabel(taxType))}</h2>\n${services.map(serviceCard).join('\n')}`,
  );
  const body = `<h1>服務項目及處理期限 <span lang="en" class="en">Services, documents and processing limits</span></h1>
<p class="hint">版本 <span lang="en">Version</span> ${escapeHtml(catalogue.version)}</p>
${sections.join('\n')}`;
  return page('服務項目及處理期限', 'Services and processing limits', body, contact);
}
