import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import type { Bilingual } from '../../../../shared/domain/bilingual';
import { isValidIsoDate } from '../../../../shared/domain/isoDate';
import { taipeiDate } from '../../../../shared/domain/rocDate';
import { useT } from '../../lib/i18n';
import { useLocale, type Locale } from '../../state/locale';
import { FieldError } from '../../lib/FieldError';
import { commitDateEntry, dateEntryText, stepDateEntry, type DateEntry } from './dateEntry';

export interface DateFieldProps {
  id: string;
  label: string;
  /** The screen's date: ISO `YYYY-MM-DD` or ''. */
  value: string;
  /**
   * Called when an entry is finished (blur, Enter, an arrow key) and its text changed: the ISO date, or
   * '' when the field was emptied or its text refused; `text` is what the field now shows.
   */
  onChange: (isoDate: string, text: string) => void;
  required?: boolean;
  /** The screen's own complaint about this field (a rule beyond the date itself); the field's own refusal comes first. */
  error?: Bilingual;
}

function weekdayOf(isoDate: string, locale: Locale): string {
  const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(locale === 'en' ? 'en' : 'zh-TW', { weekday: 'short', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, day));
}

/**
 * The one date field of the app: a text box that takes a date as clerks write it, ROC (115/12/07,
 * 1151207, 民國115年12月7日) or Western (2026-12-07, 20261207), and hands the screen an ISO date. Typing
 * is left alone; the entry is read when the clerk finishes it (blur or Enter), then shown in the ROC
 * form with the Western date and weekday beside it. A refused entry stays as typed, with the reason
 * next to the field in both languages, and blocks the form's submission (custom validity). ArrowUp and
 * ArrowDown move the date a day (an empty field starts at today).
 */
export function DateField({ id, label, value, onChange, required = false, error }: DateFieldProps) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(() => dateEntryText(value));
  // The text as of the last finished entry: leaving the field unchanged hands nothing over.
  const [committed, setCommitted] = useState(text);
  const [refusal, setRefusal] = useState<Bilingual>();
  // What the last entry handed over, so the screen echoing it back does not overwrite the typed text.
  const [handed, setHanded] = useState<readonly string[]>([]);
  const [seenValue, setSeenValue] = useState(value);

  if (value !== seenValue) {
    setSeenValue(value);
    setHanded([]);
    if (!handed.includes(value)) {
      // The screen set a date of its own (a reset, a default): show it.
      const shown = dateEntryText(value);
      setText(shown);
      setCommitted(shown);
      setRefusal(undefined);
    }
  }

  useEffect(() => {
    inputRef.current?.setCustomValidity(refusal ? `${refusal.zh} ${refusal.en}` : '');
  }, [refusal]);

  function apply(entry: DateEntry) {
    setText(entry.text);
    setRefusal(entry.error);
    if (entry.text === committed && entry.isoDate === (isValidIsoDate(value) ? value : '')) return;
    setCommitted(entry.text);
    setHanded([entry.isoDate, entry.text]);
    onChange(entry.isoDate, entry.text);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // Enter also confirms a Chinese input method's composition (民國…): that is not the end of the entry.
    if (event.altKey || event.ctrlKey || event.metaKey || event.nativeEvent.isComposing) return;
    if (event.key === 'Enter') {
      const entry = commitDateEntry(text, required);
      // The screen must hold the new date before Enter submits the form around the field.
      flushSync(() => apply(entry));
      if (entry.error) event.preventDefault();
    } else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      const entry = stepDateEntry(text, event.key === 'ArrowUp' ? 1 : -1, taipeiDate(new Date()));
      event.preventDefault();
      if (entry) apply(entry);
    }
  }

  const shownError = refusal ?? error;
  const western = text === committed && !refusal ? commitDateEntry(text).isoDate : '';
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="field date-field">
      <label htmlFor={id}>{label}</label>
      <span className="date-field-row">
        <input
          ref={inputRef}
          id={id}
          type="text"
          value={text}
          required={required}
          autoComplete="off"
          spellCheck={false}
          size={12}
          onChange={(event) => {
            setText(event.target.value);
            // A refusal goes once the text reads as a date; the text itself is left as typed until the entry is finished.
            if (refusal && !commitDateEntry(event.target.value, required).error) setRefusal(undefined);
          }}
          onBlur={() => apply(commitDateEntry(text, required))}
          onKeyDown={onKeyDown}
          aria-invalid={shownError ? true : undefined}
          aria-describedby={shownError ? `${hintId} ${errorId}` : hintId}
        />
        <span id={hintId} className="hint small date-field-hint">
          {western ? t('dateFieldWestern', { date: western, weekday: weekdayOf(western, locale) }) : t('dateFieldFormats')}
        </span>
      </span>
      <FieldError id={errorId} message={shownError} />
    </div>
  );
}
