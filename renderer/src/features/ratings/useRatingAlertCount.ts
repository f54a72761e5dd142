import { useEffect } from 'react';
import { useLowRatingAlerts } from '../../state/lowRatingAlerts';
import { currentDeviceHeaders } from '../../state/sessionState';
import type { ApiOptions } from '../../sync/api';
import { fetchRatingAlertCount } from './ratingsApi';

/** How often the supervisor's workspace asks for the number of low ratings nobody has acknowledged. */
export const ALERT_COUNT_EVERY_MS = 60_000;

/**
 * Keeps the number on the supervisor's ratings tab current while `enabled` (a supervisor signed in):
 * asked at once and every minute; offline or refused, the last number known stays.
 */
export function useRatingAlertCount(api: Pick<ApiOptions, 'serverUrl' | 'token'> | undefined, enabled: boolean): void {
  const serverUrl = api?.serverUrl;
  const token = api?.token;
  useEffect(() => {
    if (!enabled || !serverUrl) return undefined;
    let stopped = false;
    const ask = () =>
      fetchRatingAlertCount({ serverUrl, token, headers: currentDeviceHeaders() }).then(
        (count) => {
          if (!stopped) useLowRatingAlerts.getState().setUnacknowledged(count);
        },
        () => undefined,
      );
    void ask();
    const timer = setInterval(() => void ask(), ALERT_COUNT_EVERY_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [enabled, serverUrl, token]);
}
