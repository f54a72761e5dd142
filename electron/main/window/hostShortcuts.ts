/**
 * The keys Chromium and Electron's default menu answer by themselves, refused in packaged builds: a
 * counter PC shows no developer tools (they would show every record the renderer holds in memory) and
 * does not reload (a reload drops the form being typed and brings up the lock screen). The menu is
 * removed as well (main.ts); this guard also covers shortcuts that work without a menu, and closes the
 * tools should anything still open them.
 */

/** The part of Electron's Input that is read here. */
export interface KeyInputLike {
  readonly type: string;
  readonly key: string;
  readonly control: boolean;
  readonly meta: boolean;
  readonly shift: boolean;
  readonly alt: boolean;
}

/** The part of Electron's WebContents that `blockHostShortcuts` wires. */
export interface ShortcutGuardable {
  on(event: 'before-input-event', listener: (event: { preventDefault(): void }, input: KeyInputLike) => void): unknown;
  on(event: 'devtools-opened', listener: () => void): unknown;
  closeDevTools(): void;
}

const DEVTOOLS_LETTERS = new Set(['i', 'j', 'c']);

/** F12, Ctrl/⌘+Shift+I/J/C, ⌘+Alt+I/J/C (developer tools); F5, Ctrl/⌘+R, Ctrl/⌘+Shift+R (reload). */
export function isBlockedShortcut(input: KeyInputLike): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.toLowerCase();
  if (key === 'f12' || key === 'f5') return true;
  const command = input.control || input.meta;
  if (!command) return false;
  if (key === 'r') return true;
  return DEVTOOLS_LETTERS.has(key) && (input.shift || (input.meta && input.alt));
}

export function blockHostShortcuts(contents: ShortcutGuardable, log: (message: string) => void = (message) => console.warn(message)): void {
  contents.on('before-input-event', (event, input) => {
    if (isBlockedShortcut(input)) event.preventDefault();
  });
  contents.on('devtools-opened', () => {
    log('security: developer tools closed in a packaged build');
    contents.closeDevTools();
  });
}
