import { useCallback, useEffect, useState } from 'react';
import type { Rating } from '../../../../shared/schemas/visitRating';
import { useDescribeError } from '../../lib/errorText';
import { NetworkError, type ApiOptions } from '../../sync/api';
import { currentDeviceHeaders } from '../../state/sessionState';
import { useLowRatingAlerts } from '../../state/lowRatingAlerts';
import { fetchRatingAlerts } from './ratingsApi';

/**
 * A day's low ratings from the server (the server's today when `day` is undefined). Offline is a
 * state, not an error. Today's list also sets the number on the workspace's tab.
 */
export function useRatingAlerts(api: ApiOptions, day: string | undefined) {
  const describeError = useDescribeError();
  const [alerts, setAlerts] = useState<{ day: string; ratings: Rating[] }>();
  const [loading, setLoading] = useState(true);
  const [offline, setOffline] = useState(false);
  const [error, setError] = useState<string>();
  // Keyed on the values, not the object: the caller makes a new `api` object on every render.
  const { serverUrl, token } = api;

  // State is set in the answer's callbacks: the effect below only starts the request.
  const load = useCallback(() => {
    return fetchRatingAlerts({ serverUrl, token, headers: currentDeviceHeaders() }, day).then(
      (answer) => {
        setAlerts(answer);
        setOffline(false);
        setError(undefined);
        setLoading(false);
        if (day === undefined) useLowRatingAlerts.getState().setUnacknowledged(answer.ratings.filter((rating) => rating.acknowledgedAt === null).length);
      },
      (caught: unknown) => {
        if (caught instanceof NetworkError) setOffline(true);
        else setError(describeError(caught));
        setLoading(false);
      },
    );
  }, [serverUrl, token, day, describeError]);

  useEffect(() => {
    void load();
  }, [load]);

  /** One rating as the server answered it after a change. */
  const replace = useCallback((rating: Rating) => {
    setAlerts((current) => current && { ...current, ratings: current.ratings.map((other) => (other.id === rating.id ? rating : other)) });
  }, []);

  const reload = useCallback(() => {
    setLoading(true);
    return load();
  }, [load]);

  return { alerts, loading, offline, error, reload, replace };
}
