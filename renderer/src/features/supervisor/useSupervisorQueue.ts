import { useCallback, useEffect, useState } from 'react';
import type { QueueFilter, SupervisorQueue } from '../../../../shared/schemas/supervision';
import { useDescribeError } from '../../lib/errorText';
import { NetworkError, type ApiOptions } from '../../sync/api';
import { currentDeviceHeaders } from '../../state/sessionState';
import { fetchQueue } from './supervisorApi';

/**
 * The supervisor's queue from the server, reloaded when the filter changes. Offline is a state, not an
 * error; the selection keeps only simple cases still pending.
 */
export function useSupervisorQueue(api: ApiOptions, filter: QueueFilter) {
  const describeError = useDescribeError();
  const [queue, setQueue] = useState<SupervisorQueue>();
  const [error, setError] = useState<string>();
  const [offline, setOffline] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());

  // Keyed on the values, not the object: the caller makes a new `api` object on every render.
  const { serverUrl, token } = api;
  // State is set in the answer's callbacks: the effect below only starts the request.
  const load = useCallback(
    () =>
      fetchQueue({ serverUrl, token, headers: currentDeviceHeaders() }, filter).then(
        (next) => {
          setQueue(next);
          setOffline(false);
          setError(undefined);
          setSelected((current) => new Set([...current].filter((id) => next.pendingApproval.some((item) => item.id === id && item.simple))));
        },
        (caught: unknown) => {
          if (caught instanceof NetworkError) setOffline(true);
          else setError(describeError(caught));
        },
      ),
    [serverUrl, token, filter, describeError],
  );

  useEffect(() => {
    void load();
  }, [load]);

  return { queue, setQueue, error, offline, selected, setSelected, load };
}
