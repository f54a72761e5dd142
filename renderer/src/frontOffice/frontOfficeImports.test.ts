import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importGraph } from '../../../scripts/lib/importCycles';

/**
 * The front office's pages run in a plain browser on the server's origin, not in the desktop app: none
 * may load the app's device database, host bridge, sync engine or stores. What they share with the app
 * is the one table of texts (lib/i18n.ts, which brings the locale store's module along, unused), the
 * error words, the fetch helper (sync/api.ts) and pure helpers.
 */
const rendererSrc = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entries = ['frontOffice/kiosk/main.tsx', 'frontOffice/display/main.tsx', 'frontOffice/ticket/main.tsx', 'frontOffice/kiosk/serviceWorker.ts'];
const allowedOutside = new Set(['lib/i18n.ts', 'lib/errorText.ts', 'lib/BothLanguages.tsx', 'lib/LabelledField.tsx', 'lib/FieldError.tsx', 'state/locale.ts', 'state/defineStore.ts', 'sync/api.ts', 'features/admin/instantText.ts']);

function reachable(graph: ReadonlyMap<string, readonly string[]>, from: string): Set<string> {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const file = stack.pop() ?? '';
    if (seen.has(file)) continue;
    seen.add(file);
    stack.push(...(graph.get(file) ?? []));
  }
  return seen;
}

describe('the front office pages', () => {
  const graph = importGraph(rendererSrc);

  it.each(entries)('%s loads nothing of the desktop app but texts, error words and pure helpers', (entry) => {
    expect(graph.has(entry)).toBe(true);
    const outside = [...reachable(graph, entry)].filter((file) => !file.startsWith('frontOffice/') && !allowedOutside.has(file));
    expect(outside).toEqual([]);
  });
});
