import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const page = (file: string) => fileURLToPath(new URL(`./renderer/${file}`, import.meta.url));

/** The kiosk's service worker keeps one fixed address (its scope is read from where it is served). */
const KIOSK_SERVICE_WORKER = 'kiosk-sw';

// The renderer is built once and served unchanged by both hosts: Electron's app:// protocol and the
// plain browser fallback. Relative asset paths make the same files work under either origin.
// The front office's public pages (kiosk, hall display, phone page) are more entries of the same build,
// served by the central server (docs/decisions/0039-kiosk-display-phone-pages.md); the manifest tells the
// server which files each page needs, so it serves those and nothing of the desktop app.
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./out/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome120',
    manifest: true,
    // One bundle for an installed desktop app loaded from disk: no network cost to split it for.
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      input: {
        index: page('index.html'),
        kiosk: page('kiosk.html'),
        display: page('display.html'),
        ticket: page('ticket.html'),
        [KIOSK_SERVICE_WORKER]: page('src/frontOffice/kiosk/serviceWorker.ts'),
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === KIOSK_SERVICE_WORKER ? `${KIOSK_SERVICE_WORKER}.js` : 'assets/[name]-[hash].js'),
      },
    },
  },
});
