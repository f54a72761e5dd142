import { useState } from 'react';
import { useT } from '../../lib/i18n';

/** Tick the missing documents the applicant has now brought (補正); `onSupply` answers whether they were recorded. */
export function SupplyDocuments({ missing, onSupply }: { missing: readonly string[]; onSupply: (documents: string[]) => Promise<boolean> }) {
  const t = useT();
  const [supplied, setSupplied] = useState<ReadonlySet<string>>(new Set());
  return (
    <fieldset className="supply">
      <legend>{t('markSupplied')}</legend>
      {missing.map((doc, index) => (
        <div key={doc} className="check">
          <input
            id={`supply-${index}`}
            type="checkbox"
            checked={supplied.has(doc)}
            onChange={(e) => {
              const next = new Set(supplied);
              if (e.target.checked) next.add(doc);
              else next.delete(doc);
              setSupplied(next);
            }}
          />
          <label htmlFor={`supply-${index}`}>{doc}</label>
        </div>
      ))}
      <button
        type="button"
        disabled={supplied.size === 0}
        onClick={() => {
          if (supplied.size === 0) return;
          void onSupply([...supplied]).then((recorded) => recorded && setSupplied(new Set()));
        }}
      >
        {t('suppliedSelected')}
      </button>
    </fieldset>
  );
}
