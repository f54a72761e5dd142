import type { Ref } from 'react';
import { useT } from '../../lib/i18n';

/** "Done" for a same-day service: saves the case closed on the spot (Alt+F; Alt+D prints notices on these screens). */
export interface OnSpotAction {
  onDone: () => void;
  /** Why it cannot close the case now, in words, shown next to the button. */
  error?: string;
}

interface Props {
  /** Why the last save failed, in words; nothing when it did not. */
  error?: string;
  saving: boolean;
  /** The button's words when no save is running. */
  label: string;
  className?: string;
  buttonRef?: Ref<HTMLButtonElement>;
  onSpot?: OnSpotAction;
}

/** The end of an intake form: the reason a save failed, and the save button (Alt+S) that says when it runs. */
export function SaveBar({ error, saving, label, className, buttonRef, onSpot }: Props) {
  const t = useT();
  return (
    <>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="button-row">
        <button ref={buttonRef} type="submit" className={className} disabled={saving} aria-keyshortcuts="Alt+S">
          {saving ? t('saving') : label} <kbd>Alt+S</kbd>
        </button>
        {onSpot && (
          <button type="button" className={className} disabled={saving} aria-keyshortcuts="Alt+F" aria-describedby={onSpot.error ? 'on-spot-error' : 'on-spot-hint'} onClick={onSpot.onDone}>
            {t('spot.done')} <kbd>Alt+F</kbd>
          </button>
        )}
      </div>
      {onSpot && (
        <p id="on-spot-hint" className="hint small">
          {t('spot.hint')}
        </p>
      )}
      {onSpot?.error && (
        <p id="on-spot-error" role="alert" className="field-error">
          {onSpot.error}
        </p>
      )}
    </>
  );
}
