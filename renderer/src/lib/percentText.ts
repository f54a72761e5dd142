/** A share (0–1) as people read it: one decimal at most ("95%", "94.9%"); no share yet is "—". The one percent format of every screen. */
export function percentText(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 1000) / 10}%`;
}
