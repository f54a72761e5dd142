import { useEffect, useRef } from 'react';

/**
 * Alt+letter shortcuts, matched on the physical key (`event.code`) so that they work whatever the
 * keyboard layout or input method is producing. The latest handler is always the one called.
 */
export function useAltShortcuts(map: Readonly<Record<string, (() => void) | undefined>>): void {
  const ref = useRef(map);
  useEffect(() => {
    ref.current = map;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const letter = /^Key([A-Z])$/.exec(event.code)?.[1]?.toLowerCase();
      const handler = letter ? ref.current[letter] : undefined;
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

/**
 * F-key shortcuts (`F2`, `F3` …) without modifiers, for the actions a person repeats all day on one
 * screen (the counter's queue panel), leaving the Alt letters to the screens. A key held down does not
 * repeat the action: one press, one ticket called.
 */
export function useFunctionKeys(map: Readonly<Record<string, (() => void) | undefined>>): void {
  const ref = useRef(map);
  useEffect(() => {
    ref.current = map;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || !/^F\d{1,2}$/.test(event.key)) return;
      const handler = ref.current[event.key];
      if (!handler) return;
      event.preventDefault();
      if (!event.repeat) handler();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
