import { isAppUrl } from '../ipc/appUrl';
import { contentSecurityPolicy } from '../../../shared/security/contentSecurityPolicy';

export { contentSecurityPolicy };

/**
 * The renderer's sandbox, as functions over Electron's objects (passed in, never imported here).
 *
 * Invariants: every window runs isolated and sandboxed with no Node; no webContents ever leaves
 * app://counterdesk (navigation, redirects and new windows are refused); the only permission ever granted
 * is the camera, and only to the app's own origin; every app:// response carries the CSP below, whose only
 * network exception is the configured central server.
 */

/**
 * The webPreferences every CounterDesk window is created with. DevTools only where the app is not
 * packaged (development): at a counter they would show every record the renderer holds in memory.
 */
export function hardenedWebPreferences(preloadPath: string, devTools = false) {
  return {
    preload: preloadPath,
    devTools,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    // Middle-click would otherwise try to open links in a new window (denied anyway by the open handler).
    disableBlinkFeatures: 'Auxclick',
  } as const;
}


/** What a navigation event handed to our listeners must offer (Electron's Event<…Params>). */
export interface NavigationEventLike {
  readonly url: string;
  preventDefault(): void;
}

/** The part of Electron's WebContents that `guardWebContents` wires. */
export interface GuardableContents {
  on(event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect', listener: (event: NavigationEventLike) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface SecurityLog {
  (message: string, detail?: unknown): void;
}

const warn: SecurityLog = (message, detail) => console.warn(message, detail);

/**
 * Keep a webContents on the app origin: navigations and redirects elsewhere are cancelled, window.open is
 * denied (the UI has no popups), and <webview> can never be attached.
 */
export function guardWebContents(contents: GuardableContents, log: SecurityLog = warn): void {
  const stayOnAppOrigin = (kind: string) => (event: NavigationEventLike) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    log(`security: blocked ${kind} to ${event.url}`);
  };
  contents.on('will-navigate', stayOnAppOrigin('navigation'));
  contents.on('will-frame-navigate', stayOnAppOrigin('frame navigation'));
  contents.on('will-redirect', stayOnAppOrigin('redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('security: blocked a <webview>');
  });
  contents.setWindowOpenHandler(({ url }) => {
    log(`security: denied window.open of ${url}`);
    return { action: 'deny' };
  });
}

/** What Electron passes as the details of a permission request, as far as we read it. */
export interface PermissionRequestDetailsLike {
  readonly requestingUrl?: string;
  readonly mediaTypes?: readonly ('video' | 'audio')[];
}

/** What Electron passes as the details of a permission check, as far as we read it. */
export interface PermissionCheckDetailsLike {
  readonly requestingUrl?: string;
  readonly mediaType?: 'video' | 'audio' | 'unknown';
}

/** The part of Electron's Session that `installPermissionHandlers` wires. */
export interface PermissionSessionLike<W> {
  setPermissionRequestHandler(
    handler: (webContents: W, permission: string, callback: (granted: boolean) => void, details: PermissionRequestDetailsLike) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (webContents: W | null, permission: string, requestingOrigin: string, details: PermissionCheckDetailsLike) => boolean,
  ): void;
}

/**
 * A permission request is granted only for the camera (document scanning, photos at intake), only to the
 * app origin. Microphone access is refused even though Chromium files it under the same `media` permission:
 * nothing at the counter records sound.
 */
export function isPermissionGranted(permission: string, details: PermissionRequestDetailsLike): boolean {
  if (permission !== 'media') return false;
  if (details.requestingUrl === undefined || !isAppUrl(details.requestingUrl)) return false;
  const mediaTypes = details.mediaTypes ?? [];
  return mediaTypes.length > 0 && mediaTypes.every((type) => type === 'video');
}

/**
 * Permission checks (e.g. before enumerateDevices) follow the same rule. A check may not know the media
 * type yet ("unknown"); it is allowed, since the request that follows is still held to video only.
 */
export function isPermissionCheckAllowed(permission: string, requestingOrigin: string, details: PermissionCheckDetailsLike): boolean {
  if (permission !== 'media') return false;
  if (!isAppUrl(requestingOrigin)) return false;
  return details.mediaType !== 'audio';
}

export function installPermissionHandlers<W>(session: PermissionSessionLike<W>, log: SecurityLog = warn): void {
  session.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    const granted = isPermissionGranted(permission, details);
    if (!granted) log(`security: refused permission ${permission}`, { url: details.requestingUrl });
    callback(granted);
  });
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin, details) =>
    isPermissionCheckAllowed(permission, requestingOrigin, details),
  );
}
