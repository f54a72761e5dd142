import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  guardWebContents,
  hardenedWebPreferences,
  installPermissionHandlers,
  type GuardableContents,
  type NavigationEventLike,
  type PermissionCheckDetailsLike,
  type PermissionRequestDetailsLike,
  type PermissionSessionLike,
} from './security';

describe('hardenedWebPreferences', () => {
  it('isolates and sandboxes the renderer with no Node and no insecure content', () => {
    const prefs = hardenedWebPreferences('/opt/CounterDesk/resources/app.asar/out/electron/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/opt/CounterDesk/resources/app.asar/out/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
    });
    expect(hardenedWebPreferences('/app/preload.cjs', true).devTools).toBe(true);
  });
});

/** A webContents stand-in that keeps the listeners guardWebContents installs, so a test can fire them. */
class FakeGuardedContents implements GuardableContents {
  readonly listeners = new Map<string, ((event: NavigationEventLike) => void)[]>();
  openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;

  on(event: string, listener: (event: NavigationEventLike) => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }

  /** Fire `event` for `url` as Electron would; true when a listener cancelled it. */
  fire(event: string, url: string): boolean {
    let prevented = false;
    for (const listener of this.listeners.get(event) ?? []) listener({ url, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

describe('guardWebContents', () => {
  const guarded = () => {
    const contents = new FakeGuardedContents();
    const log: string[] = [];
    guardWebContents(contents, (message) => log.push(message));
    return { contents, log };
  };

  it('lets the app move between its own pages', () => {
    const { contents } = guarded();
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(contents.fire(event, 'app://counterdesk/index.html')).toBe(false);
      expect(contents.fire(event, 'app://counterdesk/cases/019321?tab=documents#top')).toBe(false);
    }
  });

  it('blocks navigation and redirects to anywhere outside the app origin', () => {
    const { contents, log } = guarded();
    const outside = [
      'https://evil.example/',
      'http://127.0.0.1:8787/q/1130001',
      'file:///etc/passwd',
      'app://counterdesk.evil.example/',
      'app://other/index.html',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'about:blank',
    ];
    for (const url of outside) {
      expect(contents.fire('will-navigate', url), url).toBe(true);
      expect(contents.fire('will-frame-navigate', url), url).toBe(true);
      expect(contents.fire('will-redirect', url), url).toBe(true);
    }
    expect(log).toContain('security: blocked navigation to https://evil.example/');
  });

  it('denies every window.open, even to the app itself, and every <webview>', () => {
    const { contents } = guarded();
    expect(contents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'app://counterdesk/index.html' })).toEqual({ action: 'deny' });
    expect(contents.fire('will-attach-webview', 'app://counterdesk/index.html')).toBe(true);
  });
});

describe('installPermissionHandlers', () => {
  type RequestHandler = Parameters<PermissionSessionLike<string>['setPermissionRequestHandler']>[0];
  type CheckHandler = Parameters<PermissionSessionLike<string>['setPermissionCheckHandler']>[0];

  const installed = () => {
    let onRequest: RequestHandler | undefined;
    let onCheck: CheckHandler | undefined;
    installPermissionHandlers<string>(
      {
        setPermissionRequestHandler: (handler) => (onRequest = handler),
        setPermissionCheckHandler: (handler) => (onCheck = handler),
      },
      () => undefined,
    );
    if (onRequest === undefined || onCheck === undefined) throw new Error('handlers were not installed');
    const request = onRequest;
    const check = onCheck;
    return {
      request(permission: string, details: PermissionRequestDetailsLike): boolean {
        let granted: boolean | undefined;
        request('wc', permission, (answer) => (granted = answer), details);
        if (granted === undefined) throw new Error('the request handler never answered');
        return granted;
      },
      check: (permission: string, origin: string, details: PermissionCheckDetailsLike = {}) => check('wc', permission, origin, details),
    };
  };

  it('grants the camera to the app origin', () => {
    const { request, check } = installed();
    expect(request('media', { requestingUrl: 'app://counterdesk/index.html', mediaTypes: ['video'] })).toBe(true);
    expect(check('media', 'app://counterdesk', { mediaType: 'video' })).toBe(true);
    expect(check('media', 'app://counterdesk', { mediaType: 'unknown' })).toBe(true);
  });

  it('refuses the microphone, even to the app origin', () => {
    const { request, check } = installed();
    expect(request('media', { requestingUrl: 'app://counterdesk/index.html', mediaTypes: ['audio'] })).toBe(false);
    expect(request('media', { requestingUrl: 'app://counterdesk/index.html', mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(request('media', { requestingUrl: 'app://counterdesk/index.html' })).toBe(false);
    expect(check('media', 'app://counterdesk', { mediaType: 'audio' })).toBe(false);
  });

  it('refuses the camera to any other origin', () => {
    const { request, check } = installed();
    expect(request('media', { requestingUrl: 'https://evil.example/', mediaTypes: ['video'] })).toBe(false);
    expect(request('media', { mediaTypes: ['video'] })).toBe(false);
    expect(check('media', 'https://evil.example', { mediaType: 'video' })).toBe(false);
    expect(check('media', 'file://', { mediaType: 'video' })).toBe(false);
  });

  it('refuses every other permission, even to the app origin', () => {
    const { request, check } = installed();
    for (const permission of ['geolocation', 'notifications', 'clipboard-read', 'display-capture', 'openExternal', 'fileSystem', 'midiSysex', 'unknown']) {
      expect(request(permission, { requestingUrl: 'app://counterdesk/index.html' }), permission).toBe(false);
      expect(check(permission, 'app://counterdesk'), permission).toBe(false);
    }
  });
});

describe('contentSecurityPolicy', () => {
  it('allows connections only to the app itself and the central server origin', () => {
    const csp = contentSecurityPolicy('https://counterdesk.tax.keelung.gov.tw/api');
    expect(csp.split('; ')).toEqual([
      "default-src 'self'",
      "connect-src 'self' https://counterdesk.tax.keelung.gov.tw",
      "img-src 'self' data: blob:",
      "style-src 'self' 'unsafe-inline'",
      "script-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ]);
    expect(contentSecurityPolicy('http://127.0.0.1:8787')).toContain("connect-src 'self' http://127.0.0.1:8787;");
  });
});
