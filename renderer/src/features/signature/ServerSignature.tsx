import { useEffect, useRef } from 'react';
import type { CaseDocument } from '../../../../shared/sync/protocol';
import { useT } from '../../lib/i18n';
import type { ApiOptions } from '../../sync/api';
import { BilingualMessage } from '../documents/BilingualMessage';
import { FetchProgress } from '../documents/ServerDocumentList';
import { useDocumentFetch } from '../documents/useDocumentFetch';

/**
 * The case's latest signature when another computer took it: fetched as soon as the case opens (one
 * small image, the prefetch decision 0018 allows), with its progress, or a message and a retry.
 * Once stored, the signature panel shows it from this computer like a signature taken here.
 */
export function ServerSignature({ api, caseId, signature, onFetched }: { api?: ApiOptions; caseId: string; signature: CaseDocument; onFetched: () => void }) {
  const t = useT();
  const { states, fetchDocument } = useDocumentFetch(api, caseId, onFetched);
  // Once per signature, not per render (the record and the api are new objects after every sync): a
  // retry is the person's choice.
  const latest = useRef({ fetchDocument, signature });
  useEffect(() => {
    latest.current = { fetchDocument, signature };
  });
  useEffect(() => {
    void latest.current.fetchDocument(latest.current.signature);
  }, [signature.id]);
  const state = states.get(signature.id);
  return (
    <div className="server-signature" data-testid="server-signature">
      <p>{t('serverSignatureTitle')}</p>
      {state?.status === 'fetching' && (
        <>
          <p>{t('serverSignatureFetching')}</p>
          <FetchProgress label={t('serverDocProgressLabel', { kind: t('serverSignatureTitle') })} received={state.received} total={state.total} />
        </>
      )}
      {state?.status === 'failed' && (
        <>
          <BilingualMessage tone="error" text={state.text} />
          <button type="button" onClick={() => void fetchDocument(signature)}>
            {t('serverDocRetry')}
          </button>
        </>
      )}
    </div>
  );
}
