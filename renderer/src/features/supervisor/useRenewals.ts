import { useEffect, useState } from 'react';
import { renewalsResponseSchema } from '../../../../shared/schemas/supervision';
import type { RenewalsResponse } from '../../../../shared/schemas/supervision';
import { useDescribeError } from '../../lib/errorText';
import { apiRequest, NetworkError, type ApiOptions } from '../../sync/api';
import { currentDeviceHeaders } from '../../state/sessionState';

/** The approvals of the supervisor's units running out within the month, from the server (online only). */
export function useRenewals(api: ApiOptions) {
  const describeError = useDescribeError();
  const [renewals, setRenewals] = useState<RenewalsResponse>();
  const [problem, setProblem] = useState<string>();
  const [offline, setOffline] = useState(false);
  // Keyed on the values, not the object: the caller makes a new `api` object on every render.
  const { serverUrl, token } = api;

  useEffect(() => {
    let current = true;
    apiRequest({ serverUrl, token, headers: currentDeviceHeaders() }, 'GET', '/v1/supervisor/renewals', renewalsResponseSchema).then(
      (answer) => {
        if (current) setRenewals(answer);
      },
      (caught: unknown) => {
        if (!current) return;
        if (caught instanceof NetworkError) setOffline(true);
        else setProblem(describeError(caught));
      },
    );
    return () => {
      current = false;
    };
  }, [serverUrl, token, describeError]);

  return { renewals, problem, offline };
}
