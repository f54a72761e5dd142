import { useEffect, useState } from 'react';
import { useDescribeError } from '../../lib/errorText';
import { currentDeviceHeaders } from '../../state/sessionState';
import { NetworkError, type ApiOptions } from '../../sync/api';
import { fetchUnits } from '../units/unitsApi';
import { officerChoices, type OfficerChoice } from './officerChoices';

/** The officers of a unit as far as the device could learn them: still asking, listed, or why not. */
export type UnitOfficers = { kind: 'loading' } | { kind: 'listed'; choices: OfficerChoice[] } | { kind: 'offline' } | { kind: 'failed'; message: string };

/**
 * The officers of `unit`, asked of the server (GET /v1/units) when the assign form opens: units are
 * reference data the device does not keep, so offline (or without a server to ask) there is no list.
 */
export function useUnitOfficers(api: ApiOptions | undefined, unit: string): UnitOfficers {
  const describeError = useDescribeError();
  const [officers, setOfficers] = useState<UnitOfficers>(api ? { kind: 'loading' } : { kind: 'offline' });
  // Keyed on the values, not the object: the caller makes a new `api` object on every render.
  const serverUrl = api?.serverUrl;
  const token = api?.token;

  useEffect(() => {
    if (serverUrl === undefined) return;
    let current = true;
    // State is set in the answer's callbacks: the effect only starts the request.
    // A short wait: the chief can type a username instead, and should not wait long to be told so.
    fetchUnits({ serverUrl, token, headers: currentDeviceHeaders(), timeoutMs: 5_000 }).then(
      (directory) => {
        if (current) setOfficers({ kind: 'listed', choices: officerChoices(directory, unit) });
      },
      (caught: unknown) => {
        if (current) setOfficers(caught instanceof NetworkError ? { kind: 'offline' } : { kind: 'failed', message: describeError(caught) });
      },
    );
    return () => {
      current = false;
    };
  }, [serverUrl, token, unit, describeError]);

  return officers;
}
