import { useEffect, useRef } from 'react';
import { useT } from '../../lib/i18n';

/**
 * A password or an enrolment code the server made, shown this once (the server keeps only its hash):
 * the keyboard goes to it, and it stays until the administrator says it was handed over.
 */
export function OneTimeSecret({ title, value, note, onDone }: { title: string; value: string; note: string; onDone: () => void }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [value]);
  return (
    <section className="one-time-secret" aria-labelledby="one-time-secret-heading">
      <h3 id="one-time-secret-heading" ref={heading} tabIndex={-1}>
        {title}
      </h3>
      <p>
        <output className="secret-value" aria-label={title}>
          {value}
        </output>
      </p>
      <p className="hint">{note}</p>
      <button type="button" onClick={onDone}>
        {t('admin.secretHandedOver')}
      </button>
    </section>
  );
}
