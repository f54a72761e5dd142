/**
 * How many SMS parts a text costs. A text made only of the GSM 03.38 default alphabet is sent in
 * GSM-7: 160 characters in one SMS, 153 per part when concatenated, with the extension characters
 * (^ { } \ [ ] ~ | €) counting twice. Anything else — any Chinese character — makes the whole text
 * UCS-2: 70 UTF-16 code units in one SMS, 67 per part, a character outside the BMP counting twice.
 */

const gsmBasic = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const gsmExtension = new Set('^{}\\[~]|€\f');

export type SmsEncoding = 'gsm7' | 'ucs2';

export interface SmsLength {
  encoding: SmsEncoding;
  /** Septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
  segments: number;
}

export const SMS_LIMITS = {
  gsm7: { single: 160, part: 153 },
  ucs2: { single: 70, part: 67 },
} as const;

function gsmUnits(text: string): number | undefined {
  let units = 0;
  for (const character of text) {
    if (gsmBasic.has(character)) units += 1;
    else if (gsmExtension.has(character)) units += 2;
    else return undefined;
  }
  return units;
}

export function smsLength(text: string): SmsLength {
  const gsm = gsmUnits(text);
  const encoding: SmsEncoding = gsm === undefined ? 'ucs2' : 'gsm7';
  const units = gsm ?? text.length;
  const limits = SMS_LIMITS[encoding];
  const segments = units <= limits.single ? 1 : Math.ceil(units / limits.part);
  return { encoding, units, segments };
}
