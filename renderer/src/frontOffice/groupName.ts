import { queueGroupOf, type QueueGroupCode } from '../../../shared/domain/queueGroups';
import type { Locale } from '../state/locale';

/** A queue group's name in the page's language, from the shared table of groups. */
export function groupName(code: QueueGroupCode, locale: Locale): string {
  const group = queueGroupOf(code);
  return locale === 'en' ? group.en : group.zh;
}
