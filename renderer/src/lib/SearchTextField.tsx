import type { Bilingual } from '../../../shared/domain/bilingual';
import { BothLanguages } from './BothLanguages';
import { useT } from './i18n';

/**
 * The search box over cases (the case list, the desk): a case number, ID, phone or full name, focused
 * on arrival. Under it the hint, or in its place why the text cannot be searched, in both languages;
 * not announced as an alert, since it changes as the person types.
 */
export function SearchTextField({ id, value, onChange, error }: { id: string; value: string; onChange: (text: string) => void; error?: Bilingual | undefined }) {
  const t = useT();
  return (
    <div className="field grow">
      <label htmlFor={id}>{t('searchLabel')}</label>
      <input
        id={id}
        type="search"
        autoFocus
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={`${id}-hint`}
        aria-invalid={error ? true : undefined}
      />
      <p id={`${id}-hint`} className={error ? 'field-error' : 'hint small'}>
        {error ? <BothLanguages text={error} /> : t('searchHint')}
      </p>
    </div>
  );
}
