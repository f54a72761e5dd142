/**
 * The citizen's progress page for a case, as its QR codes hold it (receipt, decision notice): the case
 * number and the verifier made at intake; the page answers only when both match.
 */
export function progressUrl(serverUrl: string, caseNo: string, verifier: string): string {
  const url = new URL(`/q/${encodeURIComponent(caseNo)}`, serverUrl);
  url.searchParams.set('v', verifier);
  return url.toString();
}
