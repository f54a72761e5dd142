/**
 * The rule every request to the central server obeys: taxpayer data travels over HTTPS, or over
 * plain HTTP only to this machine (127.0.0.0/8, ::1, localhost). Checked where the server URL is
 * loaded, before any request, the same rule as the Electron host's (electron/main/app/config.ts).
 */

export class InsecureServerUrlError extends Error {
  override readonly name = 'InsecureServerUrlError';
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** The URL when it may be used; throws `InsecureServerUrlError` naming the problem otherwise. */
export function checkServerUrl(serverUrl: string): string {
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    throw new InsecureServerUrlError(`The server address ${serverUrl} is not a URL`);
  }
  if (url.protocol === 'https:') return serverUrl;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return serverUrl;
  throw new InsecureServerUrlError(`Refusing ${url.protocol}//${url.host}: the central server must be reached over HTTPS (plain HTTP only to this computer)`);
}
