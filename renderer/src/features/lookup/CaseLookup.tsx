import { useState, type FormEvent } from 'react';
import { lookupReasonCodes, type CaseLookupResponse } from '../../../../shared/schemas/caseLookup';
import { useDescribeError } from '../../lib/errorText';
import { translateBoth, useT } from '../../lib/i18n';
import { LabelledField } from '../../lib/LabelledField';
import type { ApiOptions } from '../../sync/api';
import { LookedUpCaseView } from './LookedUpCaseView';
import { lookUpCases } from './lookupApi';
import { checkLookup, emptyLookupFields, type LookupErrors, type LookupFields } from './lookupForm';

/**
 * The online lookup of a case this computer does not hold (decision 0030): the query and the reason
 * (查詢事由) go to the server, which records them before it answers. The answer stays in this
 * screen's memory; nothing of it is written to the device, and leaving the screen drops it.
 */
export function CaseLookup({ api, initialQuery = '' }: { api: ApiOptions; initialQuery?: string }) {
  const t = useT();
  const describeError = useDescribeError();
  const [fields, setFields] = useState<LookupFields>({ ...emptyLookupFields, query: initialQuery });
  const [errors, setErrors] = useState<LookupErrors>({});
  const [searching, setSearching] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [answer, setAnswer] = useState<CaseLookupResponse>();

  const set = (field: keyof LookupFields) => (value: string) => {
    setFields((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };
  const errorOf = (field: keyof LookupFields) => {
    const key = errors[field];
    return key ? translateBoth(key) : undefined;
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkLookup(fields);
    if (!checked.ok) {
      setErrors(checked.errors);
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.case-lookup [aria-invalid=true]')?.focus());
      return;
    }
    setSearching(true);
    setProblem(undefined);
    setAnswer(undefined);
    try {
      setAnswer(await lookUpCases(api, checked.value));
    } catch (caught) {
      setProblem(describeError(caught));
    } finally {
      setSearching(false);
    }
  }

  return (
    <section className="case-lookup" aria-labelledby="case-lookup-title">
      <h2 id="case-lookup-title">{t('lookup.title')}</h2>
      <p className="hint">{t('lookup.intro')}</p>
      <form aria-labelledby="case-lookup-title" onSubmit={(event) => void submit(event)} noValidate>
        <LabelledField id="lookup-query" label={t('lookup.query')} hint={t('lookup.queryHint')} value={fields.query} error={errorOf('query')} onChange={set('query')} maxLength={40} autoFocus />
        <LabelledField
          id="lookup-reason-code"
          label={t('lookup.reasonCode')}
          value={fields.reasonCode}
          error={errorOf('reasonCode')}
          onChange={set('reasonCode')}
          placeholder=""
          options={lookupReasonCodes.map((code) => ({ value: code, label: t(`lookup.reasonCode.${code}`) }))}
        />
        <LabelledField id="lookup-reason" label={t('lookup.reason')} hint={t('lookup.reasonHint')} value={fields.reason} error={errorOf('reason')} onChange={set('reason')} maxLength={300} rows={2} />
        <button type="submit" disabled={searching}>
          {searching ? t('lookup.searching') : t('lookup.submit')}
        </button>
      </form>
      <div role="status" aria-live="polite">
        {searching && <p>{t('lookup.searching')}</p>}
        {answer && <p>{answer.cases.length === 0 ? t('lookup.none') : t('lookup.found', { count: answer.cases.length })}</p>}
        {answer?.truncated && <p>{t('lookup.truncated', { count: answer.cases.length })}</p>}
      </div>
      {problem && <p role="alert">{problem}</p>}
      {answer?.cases.map((found) => <LookedUpCaseView key={found.id} found={found} />)}
    </section>
  );
}
