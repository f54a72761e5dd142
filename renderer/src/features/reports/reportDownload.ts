import { apiErrorOf } from '../../sync/api';
import type { ApiOptions } from '../../sync/api';

/**
 * Fetches a report file (path with its query) with the session's credentials and hands it to the
 * browser or Electron as a download named `name`. Throws the server's refusal as an ApiError, and a
 * TypeError when the server cannot be reached.
 */
export async function downloadReport(api: ApiOptions, path: string, name: string): Promise<void> {
  const response = await fetch(new URL(path, api.serverUrl), { headers: { ...api.headers, authorization: `Bearer ${api.token ?? ''}` } });
  if (!response.ok) throw await apiErrorOf(response);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}
