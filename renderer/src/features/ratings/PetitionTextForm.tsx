import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Bilingual } from '../../../../shared/domain/bilingual';
import { translateBoth, useT } from '../../lib/i18n';
import { LabelledField } from '../../lib/LabelledField';
import { useFormAction } from '../../lib/useFormAction';
import { PETITION_TEXT_MAX, petitionRefusalOf, petitionTextProblem, type PetitionText } from './petitionForms';

interface PetitionTextFormProps {
  /** A complaint's summary (opening it) or its resolution (closing it). */
  kind: PetitionText;
  heading: string;
  /** What the field starts with: the citizen's comment for a summary. */
  initial: string;
  submitLabel: string;
  /** Sends the trimmed text; throws the server's refusal. */
  onSubmit: (text: string) => Promise<void>;
  onCancel: () => void;
}

/**
 * The one text a complaint step needs, checked beside the field before it is sent and kept whatever
 * the server answers; the heading takes the keyboard when the form opens.
 */
export function PetitionTextForm({ kind, heading, initial, submitLabel, onSubmit, onCancel }: PetitionTextFormProps) {
  const t = useT();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [text, setText] = useState(initial);
  const [error, setError] = useState<Bilingual>();
  const { saving, problem, run } = useFormAction(petitionRefusalOf(kind), (_field, key) => setError(translateBoth(key)));
  const id = `petition-${kind}`;
  useEffect(() => headingRef.current?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const wrong = petitionTextProblem(text, kind);
    if (wrong) {
      setError(wrong);
      document.getElementById(id)?.focus();
      return;
    }
    await run(() => onSubmit(text.trim()));
  }

  return (
    <form className="petition-form" aria-labelledby={`${id}-heading`} onSubmit={(event) => void submit(event)} noValidate>
      <h3 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        {heading}
      </h3>
      <LabelledField
        id={id}
        label={t(kind === 'summary' ? 'ratings.summary' : 'ratings.resolution')}
        hint={kind === 'summary' ? t('ratings.summaryHint') : undefined}
        value={text}
        rows={4}
        maxLength={PETITION_TEXT_MAX}
        error={error}
        onChange={(value) => {
          setText(value);
          setError(undefined);
        }}
      />
      {problem && <p role="alert">{problem}</p>}
      <button type="submit" disabled={saving}>
        {saving ? t('ratings.saving') : submitLabel}
      </button>{' '}
      <button type="button" onClick={onCancel}>
        {t('ratings.cancel')}
      </button>
    </form>
  );
}
