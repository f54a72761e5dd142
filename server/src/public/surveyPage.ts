/**
 * The survey's pages (/q/:caseNo/survey?v=): the form — overall 1–5, speed and courtesy optional,
 * a comment — Traditional Chinese first with English beside it, large targets for a phone, no script;
 * a mistake is said beside its field and everything entered is kept. Then a thank-you, the same
 * thanks when the case was answered already, or a note that the survey opens once the case is closed.
 * Every value passes through `escapeHtml`.
 */
import type { Bilingual } from '../../../shared/domain/bilingual';
import { escapeHtml, page } from './progressPage';
import type { SurveyCase, SurveyErrors, SurveyField, SurveyForm } from './survey';

const scaleWords: ReadonlyArray<Bilingual> = [
  { zh: '非常不滿意', en: 'Very poor' },
  { zh: '不滿意', en: 'Poor' },
  { zh: '普通', en: 'Fair' },
  { zh: '滿意', en: 'Good' },
  { zh: '非常滿意', en: 'Very good' },
];

function errorLine(field: SurveyField, errors: SurveyErrors): string {
  const words = errors[field];
  return words ? `<p id="${field}-error" class="field-error" role="alert">${escapeHtml(words.zh)} <span lang="en">${escapeHtml(words.en)}</span></p>` : '';
}

/** One 1–5 question as radio buttons; `optional` ones say so and may be left out. */
function scaleQuestion(field: 'score' | 'speed' | 'courtesy', legend: Bilingual, form: SurveyForm, errors: SurveyErrors, optional: boolean): string {
  const options = scaleWords
    .map((words, index) => {
      const value = String(index + 1);
      const checked = form[field] === value ? ' checked' : '';
      // Not `required`: the browser's own message would be in one language; the server's is beside the field in both.
      return `<label><input type="radio" name="${field}" value="${value}"${checked}>${value} ${escapeHtml(words.zh)}<span lang="en" class="en">${escapeHtml(words.en)}</span></label>`;
    })
    .join('\n');
  const described = errors[field] ? ` aria-describedby="${field}-error"` : '';
  const hint = optional ? ' <span class="hint">（選填 <span lang="en">optional</span>）</span>' : '';
  return `<fieldset${described}>
<legend>${escapeHtml(legend.zh)} <span lang="en">${escapeHtml(legend.en)}</span>${hint}</legend>
${errorLine(field, errors)}
<div class="scale">
${options}
</div>
</fieldset>`;
}

function caseLine(survey: SurveyCase): string {
  return `<p>案件編號 <span lang="en">Case</span> ${escapeHtml(survey.caseNo)}<br>${escapeHtml(survey.serviceZh)}<span lang="en" class="en">${escapeHtml(survey.serviceEn)}</span></p>`;
}

export interface SurveyFormView {
  survey: SurveyCase;
  /** Where the form posts: this page's own address. */
  action: string;
  form: SurveyForm;
  errors: SurveyErrors;
  /** This page's token (the same as its cookie's). */
  token: string;
  /** The answer came back unsent (its token did not match): ask to send it again. */
  resend?: boolean;
}

export function renderSurveyForm(view: SurveyFormView): string {
  const { form, errors } = view;
  const commentDescribed = errors.comment ? ' aria-describedby="comment-hint comment-error"' : ' aria-describedby="comment-hint"';
  const resend = view.resend
    ? '<p class="field-error" role="alert">為保護您的回覆，請再按一次「送出」。<span lang="en" class="en">To keep your answer safe, please press Send once more.</span></p>'
    : '';
  return page(
    '服務滿意度調查',
    'Survey',
    `<h1>服務滿意度調查<span lang="en" class="en">How did we do?</span></h1>
<section class="card" aria-label="服務滿意度調查 Survey">
${caseLine(view.survey)}
${resend}
<form method="post" action="${escapeHtml(view.action)}">
<input type="hidden" name="token" value="${escapeHtml(view.token)}">
${scaleQuestion('score', { zh: '整體滿意度', en: 'Overall' }, form, errors, false)}
${scaleQuestion('speed', { zh: '辦理速度', en: 'Speed' }, form, errors, true)}
${scaleQuestion('courtesy', { zh: '服務態度', en: 'Courtesy' }, form, errors, true)}
<label for="comment"><strong>意見</strong> <span lang="en">Comments</span> <span class="hint">（選填 <span lang="en">optional</span>）</span></label>
<p id="comment-hint" class="hint">最多 500 字，請勿填寫身分證字號等個人資料。<span lang="en" class="en">Up to 500 characters; please leave out ID numbers and other personal data.</span></p>
${errorLine('comment', errors)}
<textarea id="comment" name="comment" maxlength="500"${commentDescribed}>${escapeHtml(form.comment)}</textarea>
<p><button type="submit">送出 <span lang="en">Send</span></button></p>
</form>
</section>`,
  );
}

export function renderSurveyThanks(survey: SurveyCase, outcome: 'stored' | 'already'): string {
  const note =
    outcome === 'stored'
      ? '<p>感謝您撥冗填寫，我們已收到您的回覆。</p><p lang="en" class="en">Thank you: we have your answer.</p>'
      : '<p>感謝您，本案件已填寫過問卷，每件案件僅能填寫一次。</p><p lang="en" class="en">Thank you: this case has been answered already, and each case takes one answer.</p>';
  return page(
    '感謝您的回覆',
    'Thank you',
    `<h1>感謝您的回覆<span lang="en" class="en">Thank you</span></h1>
<section class="card" role="status">
${caseLine(survey)}
${note}
</section>`,
  );
}

export function renderSurveyNotYet(survey: SurveyCase): string {
  return page(
    '問卷尚未開放',
    'Survey not open yet',
    `<h1>問卷尚未開放<span lang="en" class="en">The survey is not open yet</span></h1>
<section class="card">
${caseLine(survey)}
<p>案件辦結（交付結果）後即可填寫問卷。</p>
<p lang="en" class="en">The survey opens once your case is complete and its result handed over.</p>
</section>`,
  );
}
