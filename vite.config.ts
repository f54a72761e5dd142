import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The renderer is built once and served unchanged by both hosts: Electron's app:// protocol and the
// plain browser fallback. Relative asset paths make the same files work under either origin.
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./out/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome120',
    // One bundle for an installed desktop app loaded from disk: no network cost to split it for.
    chunkSizeWarningLimit: 2000,
  },
});
