import { useCallback, useEffect, useState } from 'react';
import type { Visit } from '../../../../shared/schemas/visit';
import { useDescribeError } from '../../lib/errorText';
import type { ApiOptions } from '../../sync/api';
import { listDayVisits, listFieldStaff } from './visitApi';

/** The field workers a visit can go to, and one day's planned visits as the server holds them. */
export function useDayVisits(api: ApiOptions) {
  const describeError = useDescribeError();
  const [staff, setStaff] = useState<Array<{ username: string; displayName: string }>>([]);
  const [visits, setVisits] = useState<{ date: string; list: Visit[] }>();
  const [listError, setListError] = useState<string>();
  const refresh = useCallback(
    async (date: string) => {
      try {
        setVisits({ date, list: await listDayVisits(api, date) });
        setListError(undefined);
      } catch (error) {
        setListError(describeError(error));
      }
    },
    [api, describeError],
  );

  useEffect(() => {
    void listFieldStaff(api).then(setStaff, () => setStaff([]));
  }, [api]);

  return { staff, visits, listError, refresh };
}
