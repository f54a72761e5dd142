import { useState } from 'react';
import type { Bilingual } from '../../../../shared/domain/bilingual';
import type { DeskNote } from '../../../../shared/schemas/caseDesk';
import { translateBoth, useT } from '../../lib/i18n';
import { LabelledField } from '../../lib/LabelledField';
import { typedTextProblem } from '../../lib/typedTextProblem';
import { useLocale } from '../../state/locale';
import { StepForm, type StepFormProps } from './StepForm';

/** The case's internal notes, who wrote each and when (never shown to the citizen). */
export function DeskNotes({ notes }: { notes: readonly DeskNote[] }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  return (
    <>
      <h4>{t('steps.notes')}</h4>
      {notes.length === 0 ? (
        <p className="hint small">{t('steps.noNotes')}</p>
      ) : (
        <ul className="desk-notes">
          {notes.map((note) => (
            <li key={`${note.at}-${note.by}`}>
              <span className="hint small">{t('steps.noteBy', { by: note.by, at: new Date(note.at).toLocaleString(locale === 'en' ? 'en' : 'zh-TW') })}</span>
              <p>{note.text}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function NoteForm({ busy, onStep, onCancel }: StepFormProps) {
  const t = useT();
  const [text, setText] = useState('');
  const [error, setError] = useState<Bilingual>();

  function submit() {
    const note = text.trim();
    const problem = note === '' ? translateBoth('steps.required') : typedTextProblem(note, true);
    setError(problem);
    if (!problem) void onStep({ action: 'note', text: note });
  }

  return (
    <StepForm label={t('steps.note')} submitLabel={t('steps.addNote')} busy={busy} onSubmit={submit} onCancel={onCancel}>
      <LabelledField id="desk-note-text" label={t('steps.note')} value={text} onChange={setText} autoFocus rows={3} maxLength={1000} error={error} />
    </StepForm>
  );
}
