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
