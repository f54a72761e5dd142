import type { QueueGroupCode } from '../../../../shared/domain/queueGroups';
import { queueGroupOf } from '../../../../shared/domain/queueGroups';
import { translate, type KeysUnder } from '../../lib/i18n';
import { useLocale, type Locale } from '../../state/locale';

/** The queue screens' words: the `queue.` part of the one table in lib/i18n.ts, read without the prefix. */
export type QueueMessageKey = KeysUnder<'queue.'>;

export function queueText(locale: Locale, key: QueueMessageKey, params: Record<string, string | number> = {}): string {
  return translate(locale, `queue.${key}`, params);
}

/** A group as people read it: its letter and what it serves, in the reader's language ("A 地價稅・房屋稅"). */
export function groupName(locale: Locale, code: QueueGroupCode): string {
  const group = queueGroupOf(code);
  return `${code} ${locale === 'en' ? group.en : group.zh}`;
}

/** The queue words for the current locale; re-renders the caller when the language changes. */
export function useQueueText(): (key: QueueMessageKey, params?: Record<string, string | number>) => string {
  const locale = useLocale((s) => s.locale);
  return (key, params) => queueText(locale, key, params);
}

/** Group names for the current locale. */
export function useGroupName(): (code: QueueGroupCode) => string {
  const locale = useLocale((s) => s.locale);
  return (code) => groupName(locale, code);
}
