import type { Ref } from 'react';
import { useT } from '../../lib/i18n';

interface Props {
  /** Why the last save failed, in words; nothing when it did not. */
  error?: string;
  saving: boolean;
  /** The button's words when no save is running. */
  label: string;
  className?: string;
  buttonRef?: Ref<HTMLButtonElement>;
}

/** The end of an intake form: the reason a save failed, and the save button (Alt+S) that says when it runs. */
export function SaveBar({ error, saving, label, className, buttonRef }: Props) {
  const t = useT();
  return (
    <>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button ref={buttonRef} type="submit" className={className} disabled={saving} aria-keyshortcuts="Alt+S">
        {saving ? t('saving') : label} <kbd>Alt+S</kbd>
      </button>
    </>
  );
}
