/**
 * The Content-Security-Policy of the renderer, the same in both hosts (Electron's app:// protocol and
 * the browser fallback's server): scripts only from the app itself, network only to the app and the
 * central server, no plugins, no framing. `serverUrl` is the one remote origin allowed.
 */
export function contentSecurityPolicy(serverUrl: string): string {
  const server = new URL(serverUrl).origin;
  return [
    "default-src 'self'",
    `connect-src 'self' ${server}`,
    "img-src 'self' data: blob:",
    "style-src 'self' 'unsafe-inline'",
    "script-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
