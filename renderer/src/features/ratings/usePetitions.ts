import { useCallback, useEffect, useState } from 'react';
import type { Petition } from '../../../../shared/schemas/visitRating';
import { useDescribeError } from '../../lib/errorText';
import { NetworkError, type ApiOptions } from '../../sync/api';
import { currentDeviceHeaders } from '../../state/sessionState';
import { fetchPetitions } from './ratingsApi';

/** The open complaints and the recently closed, from the server (online only). */
export function usePetitions(api: ApiOptions) {
  const describeError = useDescribeError();
  const [petitions, setPetitions] = useState<Petition[]>();
  const [offline, setOffline] = useState(false);
  const [error, setError] = useState<string>();
  const { serverUrl, token } = api;

  const load = useCallback(
    () =>
      fetchPetitions({ serverUrl, token, headers: currentDeviceHeaders() }).then(
        (answer) => {
          setPetitions(answer);
          setOffline(false);
          setError(undefined);
        },
        (caught: unknown) => {
          if (caught instanceof NetworkError) setOffline(true);
          else setError(describeError(caught));
        },
      ),
    [serverUrl, token, describeError],
  );

  useEffect(() => {
    void load();
  }, [load]);

  return { petitions, offline, error, reload: load };
}
