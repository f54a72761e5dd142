/**
 * The citizen's progress page (/q/:caseNo?v=): small, readable on a phone, Traditional Chinese first
 * with English under it; the stages with their dates, what is missing while the applicant is awaited,
 * and how to reach the bureau. Every value from the database passes through `escapeHtml`; the page has no
 * script, and its only inline style is allowed by hash in its Content-Security-Policy.
 */
import { createHash } from 'node:crypto';
import { caseStatusLabels } from '../../../shared/domain/lifecycle';
import { formatRocLong, formatRocShort } from '../../../shared/domain/rocDate';
import { defaultBureauContact } from '../context/notificationConfig';
import type { BureauContact } from '../context/notificationConfig';
import type { PublicProgress } from './publicProgress';

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
dd{margin:0;font-weight:600;overflow-wrap:anywhere}
footer{margin-top:1.5rem;color:#4a5568;font-size:.9rem}
h2{font-size:1.1rem;margin:1.25rem 0 .5rem}
.steps{list-style:none;margin:0;padding:0}
.steps li{position:relative;padding:0 0 .9rem 1.9rem}
.steps li::before{content:"";position:absolute;left:.3rem;top:.3rem;width:.9rem;height:.9rem;border-radius:50%;border:2px solid #5a6473;background:#fff}
.steps li.done::before{background:#1e6b3a;border-color:#1e6b3a}
.steps li.current::before{background:#0b5394;border-color:#0b5394;box-shadow:0 0 0 3px #c7dcf2}
.steps li.current{font-weight:700}
.steps .when{display:block;color:#4a5568;font-size:.85rem;font-weight:normal}
.card+.card{margin-top:1rem}
.notice{border-left:4px solid #a35200;background:#fff7ec}
.notice ul{margin:.5rem 0;padding-left:1.25rem}
a{color:#0b5394}
.survey-link{display:inline-block;margin-top:.5rem;padding:.6rem 1rem;border-radius:.5rem;background:#0b5394;color:#fff;font-weight:700;text-decoration:none}
fieldset{border:0;margin:0 0 1rem;padding:0}
legend{font-weight:700;padding:0;margin-bottom:.4rem}
.scale{display:flex;flex-wrap:wrap;gap:.4rem}
.scale label{flex:1 1 3.5rem;min-height:2.75rem;display:flex;flex-direction:column;align-items:center;justify-content:center;border:2px solid #5a6473;border-radius:.5rem;background:#fff;padding:.25rem;text-align:center;font-size:.85rem;line-height:1.2}
.scale input{width:1.25rem;height:1.25rem;margin:0 0 .2rem}
.scale label:has(input:checked){border-color:#0b5394;background:#e6f0fa}
textarea{width:100%;min-height:6rem;font:inherit;padding:.5rem;border:2px solid #5a6473;border-radius:.5rem}
.field-error{color:#a50e0e;font-weight:700;margin:.25rem 0}
button{font:inherit;font-weight:700;min-height:2.75rem;padding:.5rem 1.5rem;border:0;border-radius:.5rem;background:#0b5394;color:#fff}
.hint{color:#4a5568;font-size:.85rem}
`.trim();

const styleHash = createHash('sha256').update(styles).digest('base64');

/** The policy of every HTML page served here: no script, no images, only this file's own style. */
export const pageContentSecurityPolicy = `default-src 'none'; style-src 'sha256-${styleHash}'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`;
/** The survey's page (surveyPage.ts): the same, and its form may post to this server only. */
export const formPageContentSecurityPolicy = `default-src 'none'; style-src 'sha256-${styleHash}'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'`;

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => htmlEscapes[character] ?? character);
}

function contactFooter(contact: BureauContact): string {
  const tel = contact.phone.replace(/[^\d+]/g, '');
  return `<footer>
<h2>聯絡本局 <span lang="en" class="en">Contact the bureau</span></h2>
<p>電話 <span lang="en">Phone</span>: <a href="tel:${escapeHtml(tel)}">${escapeHtml(contact.phone)}</a><br>
${escapeHtml(contact.addressZh)}<span lang="en" class="en">${escapeHtml(contact.addressEn)}</span>
${escapeHtml(contact.hoursZh)}<span lang="en" class="en">${escapeHtml(contact.hoursEn)}</span></p>
</footer>`;
}

/** A whole page of the citizen's pages: the bureau's header, `body`, how to reach the bureau. */
export function page(titleZh: string, titleEn: string, body: string, contact: BureauContact = defaultBureauContact): string {
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
${contactFooter(contact)}
</main>
</body>
</html>
`;
}

function field(zh: string, en: string, value: string): string {
  return `<dt>${zh} <span lang="en">${en}</span></dt><dd>${value}</dd>`;
}

const stateLabels = { done: { zh: '已完成', en: 'done' }, current: { zh: '目前進度', en: 'current step' }, upcoming: { zh: '尚未進行', en: 'not yet' } } as const;

function dates(isoDate: string): string {
  return `${escapeHtml(formatRocShort(isoDate))} <span lang="en">(${escapeHtml(isoDate)})</span>`;
}

function stepsList(view: PublicProgress): string {
  const items = view.steps.map(({ state, on, label, detail }) => {
    const when = on ? dates(on) : '';
    const stateText = stateLabels[state];
    const how = detail ? ` · ${escapeHtml(detail.zh)} <span lang="en">(${escapeHtml(detail.en)})</span>` : '';
    return `<li class="${state}"${state === 'current' ? ' aria-current="step"' : ''}>${escapeHtml(label.zh)} <span lang="en">${escapeHtml(label.en)}</span>
<span class="when">${escapeHtml(stateText.zh)} <span lang="en">(${escapeHtml(stateText.en)})</span>${when ? ` · ${when}` : ''}${how}</span></li>`;
  });
  return `<h2 id="steps-heading">辦理進度 <span lang="en" class="en">Progress</span></h2>
<ol class="steps" aria-labelledby="steps-heading">
${items.join('\n')}
</ol>`;
}

function missingNotice(view: PublicProgress): string {
  if (view.status !== 'awaiting-documents') return '';
  const items = view.missingDocuments
    .map((doc) => `<li>${escapeHtml(doc.zh)}${doc.en ? `<span lang="en" class="en">${escapeHtml(doc.en)}</span>` : ''}</li>`)
    .join('\n');
  const by = view.supplementBy
    ? `<p>請於 ${escapeHtml(formatRocLong(view.supplementBy))} 前補正。<span lang="en" class="en">Please supply them by ${escapeHtml(view.supplementBy)}.</span></p>`
    : '';
  return `<section class="card notice" aria-labelledby="missing-heading">
<h2 id="missing-heading">請補正下列文件 <span lang="en" class="en">Documents we still need</span></h2>
${items ? `<ul>\n${items}\n</ul>` : '<p>請洽本局確認應補文件。<span lang="en" class="en">Please contact us about the documents needed.</span></p>'}
${by}
<p>補正期間處理期限暫停計算。<span lang="en" class="en">The time limit is paused until the documents arrive.</span></p>
</section>`;
}

/** The reasons of a refusal, as the decision notice gives them: the refusal's SMS sends the citizen here. */
function refusalReasons(view: PublicProgress): string {
  if (view.decisionReasons === null) return '';
  return `<section class="card" aria-labelledby="reasons-heading">
<h2 id="reasons-heading">未予核准理由 <span lang="en" class="en">Why the application was not approved</span></h2>
<p>${escapeHtml(view.decisionReasons)}</p>
<p>如有疑問或不服，請洽本局。<span lang="en" class="en">For questions or to contest the decision, please contact us.</span></p>
</section>`;
}

/** Once the case is closed: the way to the short survey (surveyPage.ts). */
function surveyInvitation(surveyUrl: string | undefined): string {
  if (!surveyUrl) return '';
  return `<section class="card" aria-labelledby="survey-heading">
<h2 id="survey-heading">服務滿意度調查 <span lang="en" class="en">How did we do?</span></h2>
<p>您的案件已辦結，歡迎花一分鐘告訴我們您的感受。<span lang="en" class="en">Your case is complete: tell us in a minute how we served you.</span></p>
<a class="survey-link" href="${escapeHtml(surveyUrl)}">填寫問卷 <span lang="en">Take the survey</span></a>
</section>`;
}

/** `surveyUrl`: the case's survey, offered once it is closed (the route decides, public/survey.ts). */
export function renderProgressPage(view: PublicProgress, contact: BureauContact = defaultBureauContact, surveyUrl?: string): string {
  const status = caseStatusLabels[view.status];
  const received = `${escapeHtml(formatRocLong(view.receivedOn))} <span lang="en">(${escapeHtml(view.receivedOn)})</span>`;
  const due = `${escapeHtml(formatRocLong(view.dueDate))} <span lang="en">(${escapeHtml(view.dueDate)})</span>${
    view.extended ? ' <span class="en">已依法延長一次 <span lang="en">(extended once)</span></span>' : ''
  }`;
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
${stepsList(view)}
</section>
${missingNotice(view)}
${refusalReasons(view)}
${surveyInvitation(surveyUrl)}`,
    contact,
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
