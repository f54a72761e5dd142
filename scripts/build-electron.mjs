// Bundles the Electron main process and the preload into out/electron as CommonJS. Both bundles carry
// their dependencies (zod, the shared contract) because the packaged app ships only out/** and the
// sandboxed preload cannot require anything but `electron`, which stays external: Electron provides it.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['electron'],
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'out/electron/main.cjs' }),
  // The preload is evaluated again in every window, so it is minified; main stays readable for log traces.
  build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'out/electron/preload.cjs', minify: true }),
]);

console.log('Built out/electron/main.cjs and out/electron/preload.cjs');
