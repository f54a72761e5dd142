import { useCallback, useEffect, useState } from 'react';
import { useDescribeError } from '../../lib/errorText';
import { ApiError, NetworkError, type ApiOptions } from '../../sync/api';
import { currentDeviceHeaders } from '../../state/sessionState';

export interface ServerQuery<T> {
  data: T | undefined;
  loading: boolean;
  /** The server could not be reached: a state, not an error. */
  offline: boolean;
  /** The server has no such route (an older server): the screen says the feature is not available. */
  missing: boolean;
  error: string | undefined;
  /** Loads again; answers once the new data is in. */
  reload: () => Promise<void>;
}

/**
 * One read of the administrator's console from the server, with its states put into words. `load`
 * must be a stable function (a module's export). Keyed on the server and the token, not the `api`
 * object, which the workspace makes anew on every render.
 */
export function useServerQuery<T>(api: ApiOptions, load: (api: ApiOptions) => Promise<T>): ServerQuery<T> {
  const describeError = useDescribeError();
  const [data, setData] = useState<T>();
  const [loading, setLoading] = useState(true);
  const [offline, setOffline] = useState(false);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<string>();
  const { serverUrl, token } = api;

  const fetchNow = useCallback(
    () =>
      load({ serverUrl, token, headers: currentDeviceHeaders() }).then(
        (next) => {
          setData(next);
          setOffline(false);
          setMissing(false);
          setError(undefined);
          setLoading(false);
        },
        (caught: unknown) => {
          setOffline(caught instanceof NetworkError);
          setMissing(caught instanceof ApiError && caught.status === 404);
          setError(caught instanceof NetworkError ? undefined : describeError(caught));
          setLoading(false);
        },
      ),
    [serverUrl, token, load, describeError],
  );

  useEffect(() => {
    void fetchNow();
  }, [fetchNow]);

  const reload = useCallback(() => {
    setLoading(true);
    return fetchNow();
  }, [fetchNow]);

  return { data, loading, offline, missing, error, reload };
}
