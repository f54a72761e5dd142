import { useState } from 'react';
import type { CaseAction, DeskNote } from '../../../../shared/schemas/caseDesk';
import { FieldError } from '../../lib/FieldError';
import { translateBoth, useT } from '../../lib/i18n';
import { useLocale } from '../../state/locale';

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

export function NoteForm({ busy, onStep, onCancel }: { busy: boolean; onStep: (step: CaseAction) => Promise<boolean>; onCancel: () => void }) {
  const t = useT();
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <form
      aria-label={t('steps.note')}
      onSubmit={(event) => {
        event.preventDefault();
        const note = text.trim();
        setMissing(note === '');
        if (note !== '') void onStep({ action: 'note', text: note });
      }}
    >
      <div className="field">
        <label htmlFor="desk-note-text">{t('steps.note')}</label>
        <textarea
          id="desk-note-text"
          autoFocus
          rows={3}
          maxLength={1000}
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-invalid={missing || undefined}
          aria-describedby={missing ? 'desk-note-text-error' : undefined}
        />
        <FieldError id="desk-note-text-error" message={missing ? translateBoth('steps.required') : undefined} />
      </div>
      <div className="button-row">
        <button type="submit" disabled={busy}>
          {t('steps.addNote')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('steps.cancel')}
        </button>
      </div>
    </form>
  );
}
