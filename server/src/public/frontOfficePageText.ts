/**
 * The words and headers the server puts around the front office's built pages: their
 * Content-Security-Policy, the media type of each built file, and the page shown when the renderer is
 * not built.
 */

/**
 * The pages' policy: their own scripts, styles and API only. No inline script (the build emits none),
 * images from the site or `data:` (the ticket's QR code is drawn into a data URL), the kiosk's service
 * worker from the site, and no framing. `base-uri 'self'` lets the pages' `<base href="/">` stand.
 */
export const frontOfficeContentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const mediaTypes: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  woff2: 'font/woff2',
  woff: 'font/woff',
  json: 'application/json; charset=utf-8',
};

export function mediaTypeOf(file: string): string {
  return mediaTypes[file.slice(file.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream';
}

/** No style and no script: readable under the strictest policy. */
export const notBuiltPage = `<!doctype html>
<html lang="zh-Hant-TW">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>頁面尚未建置 Page not built | 基隆市稅務局</title></head>
<body>
<h1>頁面尚未建置 <span lang="en">This page is not built</span></h1>
<p>抽號機、叫號看板與手機頁面需要先建置：在伺服器上執行 <code>npm run build:renderer</code>，或以 <code>RENDERER_DIR</code> 指定建置好的資料夾。</p>
<p lang="en">The kiosk, hall display and phone pages must be built first: run <code>npm run build:renderer</code> on the server, or point <code>RENDERER_DIR</code> at the built folder.</p>
</body>
</html>
`;
