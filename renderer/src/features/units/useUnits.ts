import { useCallback, useEffect, useState } from 'react';
import type { UserSummary } from '../../../../shared/schemas/auth';
import type { UnitsResponse } from '../../../../shared/schemas/unit';
import { useDescribeError } from '../../lib/errorText';
import { NetworkError, type ApiOptions } from '../../sync/api';
import { currentDeviceHeaders } from '../../state/sessionState';
import { fetchUnits, fetchUsers } from './unitsApi';

/**
 * The units, their people and the accounts (to offer and check usernames), from the server. Offline
 * is a state, not an error. `reload` answers once the new lists are in.
 */
export function useUnits(api: ApiOptions) {
  const describeError = useDescribeError();
  const [directory, setDirectory] = useState<UnitsResponse>();
  const [users, setUsers] = useState<UserSummary[]>();
  const [loading, setLoading] = useState(true);
  const [offline, setOffline] = useState(false);
  const [error, setError] = useState<string>();

  // Keyed on the values, not the object: the caller makes a new `api` object on every render.
  const { serverUrl, token } = api;
  // State is set in the answer's callbacks: the effect below only starts the request.
  const load = useCallback(() => {
    const options = { serverUrl, token, headers: currentDeviceHeaders() };
    return Promise.all([fetchUnits(options), fetchUsers(options)]).then(
      ([nextDirectory, nextUsers]) => {
        setDirectory(nextDirectory);
        setUsers(nextUsers);
        setOffline(false);
        setError(undefined);
        setLoading(false);
      },
      (caught: unknown) => {
        if (caught instanceof NetworkError) setOffline(true);
        else setError(describeError(caught));
        setLoading(false);
      },
    );
  }, [serverUrl, token, describeError]);

  useEffect(() => {
    void load();
  }, [load]);

  const reload = useCallback(() => {
    setLoading(true);
    return load();
  }, [load]);

  return { directory, users, loading, offline, error, reload };
}
