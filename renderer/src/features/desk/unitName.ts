import { messages, type MessageKey, type useT } from '../../lib/i18n';

function isMessageKey(key: string): key is MessageKey {
  return key in messages['zh-TW'];
}

/**
 * A unit's name in the reader's language. Units are data the administrator maintains; the table of
 * texts names the bureau's own, and a unit added since shows its code until the table knows it.
 */
export function unitName(code: string, t: ReturnType<typeof useT>): string {
  const key = `unit.${code}`;
  return isMessageKey(key) ? t(key) : code;
}
