import { APP_ORIGIN, APP_SCHEME } from '../../../shared/ipc/contract';

/** The host part of APP_ORIGIN ("counterdesk"). */
export const APP_HOST = new URL(APP_ORIGIN).host;

/**
 * Whether a URL (or a bare origin) belongs to the app's one fixed origin, app://counterdesk.
 *
 * Compared by scheme and host rather than `URL.origin`: WHATWG URL gives every non-special scheme an opaque
 * origin ("null"), so `new URL('app://counterdesk/').origin` can never equal APP_ORIGIN outside Electron.
 * Node keeps a non-special scheme's host as written while Chromium lowercases a standard scheme's host, so
 * the host is compared lowercased. Credentials or a port make the URL foreign: the real origin has neither.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host.toLowerCase() === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
