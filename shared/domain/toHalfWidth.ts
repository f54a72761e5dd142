/**
 * Chinese input methods often produce full-width forms (Ａ１２３, －, the ideographic space). Everything
 * typed by a clerk goes through here before it is checked, so that a number that looks right is right.
 * Only the full-width ASCII block (U+FF01–U+FF5E) and U+3000 are mapped; CJK text passes unchanged.
 */
export function toHalfWidth(input: string): string {
  let out = '';
  for (const ch of input) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}
