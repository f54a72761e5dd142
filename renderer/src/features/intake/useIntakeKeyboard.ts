import type { KeyboardEvent, RefObject } from 'react';

/** The form's keyboard stops in order: one stop per radio group (its checked radio), skipping extras. */
function stops(form: HTMLFormElement | null): HTMLElement[] {
  const all = [...(form?.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLButtonElement>('input, select, button[type=submit]') ?? [])];
  return all.filter((el) => {
    if (el.disabled || el.closest('[data-no-enter]')) return false;
    if (el instanceof HTMLInputElement && el.type === 'radio') {
      const group = all.filter((o): o is HTMLInputElement => o instanceof HTMLInputElement && o.type === 'radio' && o.name === el.name);
      const checked = group.find((o) => o.checked);
      return checked ? checked === el : group[0] === el;
    }
    return true;
  });
}

function move(form: HTMLFormElement | null, from: HTMLElement, step: 1 | -1) {
  const list = stops(form);
  const index = list.findIndex((el) => el === from || (el instanceof HTMLInputElement && el.type === 'radio' && from instanceof HTMLInputElement && el.name === from.name));
  list[index + step]?.focus();
}

/**
 * The intake form's own keys, as on the paper form's order: Enter moves to the next stop and Esc (or
 * Shift+Enter) back to the previous one; Enter on the last stop, the save button, saves.
 */
export function useIntakeKeyboard(formRef: RefObject<HTMLFormElement | null>) {
  return function onFormKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    const target = event.target as HTMLElement;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Escape' || (event.key === 'Enter' && event.shiftKey)) {
      event.preventDefault();
      move(formRef.current, target, -1);
      return;
    }
    if (event.key !== 'Enter' || target instanceof HTMLButtonElement || target instanceof HTMLTextAreaElement) return;
    event.preventDefault();
    move(formRef.current, target, 1);
  };
}
