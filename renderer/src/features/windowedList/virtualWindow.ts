/**
 * Fixed-row-height windowing: which rows of `count` intersect the viewport, plus `overscan` rows on
 * each side, and the spacer heights that keep the scrollbar true to the whole list. Pure, so the
 * arithmetic is tested without a DOM. Invariant: padTop + rendered rows × rowHeight + padBottom ===
 * count × rowHeight.
 */
export interface VirtualWindow {
  start: number;
  end: number;
  padTop: number;
  padBottom: number;
}

export function virtualWindow(count: number, rowHeight: number, scrollTop: number, viewportHeight: number, overscan = 8): VirtualWindow {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0, padTop: 0, padBottom: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visible = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.min(count, Math.max(0, first - overscan));
  const end = Math.min(count, first + visible + overscan);
  return { start, end, padTop: start * rowHeight, padBottom: (count - end) * rowHeight };
}
