/**
 * Focuses a lane field at once when it is on screen: a scanner or a fast typist sends the next keys
 * right after Enter, and they must land in the next field. A field the step only now reveals is
 * focused after React has rendered it.
 */
export function focusLaneField(id: string): void {
  const field = document.getElementById(id);
  if (field) field.focus();
  else requestAnimationFrame(() => document.getElementById(id)?.focus());
}
