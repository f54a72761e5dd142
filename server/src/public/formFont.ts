/**
 * The CJK font the printed forms embed a subset of (shared/fonts, decision 0042), read once on first use:
 * 4 MB on disk, a few kilobytes in each PDF.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export const formFontPath = fileURLToPath(new URL('../../../shared/fonts/NotoSansCJKtc-Regular-Big5.ttf', import.meta.url));

let loading: Promise<Uint8Array> | undefined;

export function formFontBytes(): Promise<Uint8Array> {
  loading ??= readFile(formFontPath).then((buffer) => new Uint8Array(buffer));
  return loading;
}
