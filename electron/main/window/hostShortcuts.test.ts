import { describe, expect, it } from 'vitest';
import { blockHostShortcuts, isBlockedShortcut, type KeyInputLike, type ShortcutGuardable } from './hostShortcuts';

const key = (value: string, modifiers: Partial<KeyInputLike> = {}): KeyInputLike => ({ type: 'keyDown', key: value, control: false, meta: false, shift: false, alt: false, ...modifiers });

describe('isBlockedShortcut', () => {
  it('refuses the developer tools and reload keys on every platform', () => {
    for (const input of [
      key('F12'),
      key('I', { control: true, shift: true }),
      key('J', { control: true, shift: true }),
      key('C', { control: true, shift: true }),
      key('i', { meta: true, alt: true }),
      key('F5'),
      key('r', { control: true }),
      key('R', { control: true, shift: true }),
      key('r', { meta: true }),
    ]) {
      expect(isBlockedShortcut(input), JSON.stringify(input)).toBe(true);
    }
  });

  it('lets the app’s own keys through (Alt+letters, typing, copy and paste)', () => {
    for (const input of [key('q', { alt: true }), key('n', { alt: true }), key('i'), key('c', { control: true }), key('v', { control: true }), key('Enter'), key('F1')]) {
      expect(isBlockedShortcut(input), JSON.stringify(input)).toBe(false);
    }
    expect(isBlockedShortcut({ ...key('F12'), type: 'keyUp' })).toBe(false);
  });
});

class FakeContents implements ShortcutGuardable {
  readonly inputListeners: ((event: { preventDefault(): void }, input: KeyInputLike) => void)[] = [];
  readonly openedListeners: (() => void)[] = [];
  closed = 0;
  on(event: 'before-input-event' | 'devtools-opened', listener: never): this {
    if (event === 'before-input-event') this.inputListeners.push(listener);
    else this.openedListeners.push(listener);
    return this;
  }
  closeDevTools(): void {
    this.closed += 1;
  }
  press(input: KeyInputLike): boolean {
    let prevented = false;
    for (const listener of this.inputListeners) listener({ preventDefault: () => (prevented = true) }, input);
    return prevented;
  }
}

describe('blockHostShortcuts', () => {
  it('cancels the blocked keys before the page or the menu sees them, and closes tools opened anyway', () => {
    const contents = new FakeContents();
    const log: string[] = [];
    blockHostShortcuts(contents, (message) => log.push(message));
    expect(contents.press(key('F12'))).toBe(true);
    expect(contents.press(key('r', { control: true }))).toBe(true);
    expect(contents.press(key('q', { alt: true }))).toBe(false);
    for (const listener of contents.openedListeners) listener();
    expect(contents.closed).toBe(1);
    expect(log).toHaveLength(1);
  });
});
