/**
 * The citizen's progress page (/q/:caseNo?v=): small, readable on a phone, Traditional Chinese first
 * with English under it. Every value from the database passes through `escapeHtml`; the page has no
 * script, and its only inline style is allowed by hash in its Content-Security-Policy.
 */
import { createHash } from 'node:crypto';
import { caseStatusLabels } from '../../../shared/domain/lifecycle';
import { formatRocLong } from '../../../shared/domain/rocDate';
import type { PublicCase } from '../../../shared/schemas/publicCase';

const styles = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.6 system-ui,-apple-system,"Noto Sans TC","PingFang TC","Microsoft JhengHei",sans-serif;color:#1a1a1a;background:#f4f5f7}
main{max-width:32rem;margin:0 auto;padding:1.25rem 1rem 2rem}
header p{margin:0;color:#4a5568;font-size:.9rem}
h1{font-size:1.35rem;margin:.25rem 0 1rem;line-height:1.3}
.en{display:block;color:#4a5568;font-size:.85em;font-weight:normal}
.card{background:#fff;border-radius:.75rem;padding:1rem 1.1rem;box-shadow:0 1px 3px rgba(0,0,0,.12)}
.status{font-size:1.25rem;font-weight:700;margin:0 0 .75rem;color:#0b5394}
dl{margin:0}
dt{margin-top:.75rem;color:#4a5568;font-size:.9rem}
dd{margin:0;font-weight:600;word-break:break-all}
footer{margin-top:1.5rem;color:#4a5568;font-size:.85rem}
`.trim();

const styleHash = createHash('sha256').update(styles).digest('base64');

/** The policy of every HTML page served here: no script, no images, only this file's own style. */
export const pageContentSecurityPolicy = `default-src 'none'; style-src 'sha256-${styleHash}'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`;

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => htmlEscapes[character] ?? character);
}

function page(titleZh: string, titleEn: string, body: string): string {
  return `<!doctype html>
<html lang="zh-Hant-TW">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(titleZh)} ${escapeHtml(titleEn)} | 基隆市稅務局</title>
<style>${styles}</style>
</head>
<body>
<main>
<header><p>基隆市稅務局 <span lang="en">Keelung City Tax Bureau</span></p></header>
${body}
<footer>如有疑問請洽服務櫃台。<span lang="en" class="en">Questions? Please ask at any service counter.</span></footer>
</main>
</body>
</html>
`;
}

function field(zh: string, en: string, value: string): string {
  return `<dt>${zh} <span lang="en">${en}</span></dt><dd>${value}</dd>`;
}

export function renderProgressPage(view: PublicCase): string {
  const status = caseStatusLabels[view.status];
  const received = `${escapeHtml(formatRocLong(view.receivedOn))} <span lang="en">(${escapeHtml(view.receivedOn)})</span>`;
  const due = `${escapeHtml(formatRocLong(view.dueDate))} <span lang="en">(${escapeHtml(view.dueDate)})</span>`;
  const service = `${escapeHtml(view.service.nameZh)}<span lang="en" class="en">${escapeHtml(view.service.nameEn)}</span>`;
  return page(
    '案件進度',
    'Case progress',
    `<h1>案件進度查詢<span lang="en" class="en">Case progress</span></h1>
<section class="card" aria-label="案件進度 Case progress">
<p class="status">${escapeHtml(status.zh)}<span lang="en" class="en">${escapeHtml(status.en)}</span></p>
<dl>
${field('案件編號', 'Case number', escapeHtml(view.caseNo))}
${field('申請項目', 'Service', service)}
${field('申請人', 'Applicant', escapeHtml(view.applicantMasked))}
${field('收件日期', 'Received', received)}
${field('預定完成日期', 'Due by', due)}
</dl>
</section>`,
  );
}

export function renderNotFoundPage(): string {
  return page(
    '找不到案件',
    'Case not found',
    `<h1>找不到案件<span lang="en" class="en">Case not found</span></h1>
<section class="card">
<p>請確認您掃描的是收執聯上的 QR Code，或洽服務櫃台查詢。</p>
<p lang="en" class="en">Please scan the QR code printed on your receipt, or ask at a service counter.</p>
</section>`,
  );
}

export function renderUnavailablePage(): string {
  return page(
    '暫時無法查詢',
    'Temporarily unavailable',
    `<h1>系統暫時無法查詢<span lang="en" class="en">Temporarily unavailable</span></h1>
<section class="card">
<p>請稍後再試。</p>
<p lang="en" class="en">Please try again in a few minutes.</p>
</section>`,
  );
}
