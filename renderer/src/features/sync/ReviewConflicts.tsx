import { useState } from 'react';
import { formatPhone } from '../../../../shared/domain/phone';
import { checklistItemSchema, mailingAddressSchema } from '../../../../shared/schemas/case';
import type { ReviewResolution } from '../../../../shared/sync/protocol';
import type { LocalCase } from '../../db/records';
import { useT, translate, type MessageKey } from '../../lib/i18n';
import { useLocale } from '../../state/locale';
import { useAltShortcuts } from '../../lib/shortcuts';
import { resolveReview, reviewChoices } from './resolveReview';
import type { ReviewChoice } from './resolveReview';
import { describeErrorInBoth } from '../../lib/errorText';

/**
 * A case flagged "needs review": for each conflicting field, the value the case holds and the other
 * value, with the two choices. Alt+Y keeps the current value and Alt+O takes the other one, for the
 * first field still to decide; each field's buttons do the same for that field.
 */
export function ReviewConflicts({ record, onResolved }: { record: LocalCase; onResolved: () => void }) {
  const locale = useLocale((s) => s.locale);
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ field: string; reason: { zh: string; en: string } }>();
  const choices = reviewChoices(record);

  const decide = async (choice: ReviewChoice, keep: ReviewResolution['keep']) => {
    if (busy) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await resolveReview(record.id, choice, keep);
      onResolved();
    } catch (error) {
      setFailure({ field: choice.field, reason: describeErrorInBoth(error) });
    } finally {
      setBusy(false);
    }
  };
  const first = choices[0];
  useAltShortcuts({ y: first ? () => void decide(first, 'server') : undefined, o: first ? () => void decide(first, 'other') : undefined });
  if (choices.length === 0) return null;

  const show = (field: ReviewChoice['field'], value: unknown): string => {
    if (value === null || value === undefined || value === '') return translate(locale, 'emptyValue');
    if (field === 'applicant.phone' && typeof value === 'string') return formatPhone(value);
    if (field === 'applicant.address') {
      const address = mailingAddressSchema.safeParse(value);
      if (address.success) return [address.data.zip, address.data.district, address.data.line].filter(Boolean).join(' ');
    }
    if (field === 'checklist') {
      const checklist = checklistItemSchema.array().safeParse(value);
      if (checklist.success) return checklist.data.map((item) => `${item.document}：${t(`docState.${item.state}`)}`).join('；');
    }
    return typeof value === 'string' ? value : JSON.stringify(value);
  };

  return (
    <section className="case-needs-review" aria-labelledby="review-title" data-testid="review-conflicts">
      <h3 id="review-title">{translate(locale, 'needsReview')}</h3>
      <p>{translate(locale, 'reviewHint')}</p>
      {choices.map((choice, index) => {
        const fieldLabel = translate(locale, `field.${choice.field}` as MessageKey);
        const titleId = `review-field-${index}`;
        const errorId = `review-error-${index}`;
        const failed = failure?.field === choice.field;
        const at = new Date(choice.at).toLocaleString(locale === 'en' ? 'en' : 'zh-TW');
        return (
          <div key={choice.field} role="group" aria-labelledby={titleId} aria-describedby={failed ? errorId : undefined} className="review-choice" data-field={choice.field}>
            <h4 id={titleId}>{fieldLabel}</h4>
            <dl>
              <dt>{translate(locale, 'reviewServerValue')}</dt>
              <dd data-testid="review-server-value">{show(choice.field, choice.serverValue)}</dd>
              <dt>{translate(locale, 'reviewOtherValue', { by: choice.by, at })}</dt>
              <dd data-testid="review-other-value">{show(choice.field, choice.otherValue)}</dd>
            </dl>
            <button type="button" disabled={busy} onClick={() => void decide(choice, 'server')} aria-keyshortcuts={index === 0 ? 'Alt+Y' : undefined}>
              {translate(locale, 'reviewKeepServer')}
              {index === 0 && <kbd>Alt+Y</kbd>}
            </button>{' '}
            <button type="button" disabled={busy} onClick={() => void decide(choice, 'other')} aria-keyshortcuts={index === 0 ? 'Alt+O' : undefined}>
              {translate(locale, 'reviewTakeOther')}
              {index === 0 && <kbd>Alt+O</kbd>}
            </button>
            {failed && (
              <p id={errorId} role="alert" className="field-error">
                {translate('zh-TW', 'reviewFailed', { reason: failure.reason.zh })} {translate('en', 'reviewFailed', { reason: failure.reason.en })}
              </p>
            )}
          </div>
        );
      })}
    </section>
  );
}
