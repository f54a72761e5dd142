import type { Locale } from '../../state/locale';

/**
 * The sync UI's own words, in both languages. Kept beside the feature (the shared message table
 * belongs to the whole app); the shape is the same: a key, a template with {params}.
 */
const zh = {
  online: '已連線',
  offline: '離線',
  offlineSince: '自 {time} 起離線',
  syncing: '同步中…',
  progress: '{done}/{total} 件 · {mbDone}/{mbTotal} MB',
  pendingCount: '{count} 筆待同步',
  syncNow: '立即同步',
  syncError: '同步錯誤',
  upgradeRequired: '伺服器需要較新版本的櫃台通；資料已保留在本機，請更新後再同步',
  clockWarning: '本機時鐘與伺服器相差 {minutes} 分鐘，請校正時間（以伺服器時間為準）',
  rejectedTitle: '伺服器未接受的變更',
  rejectedEmpty: '沒有未接受的變更',
  dismiss: '知道了',
  caseSynced: '已同步',
  casePending: '待同步',
  caseRejected: '未被接受',
  needsReview: '需覆核：編修衝突',
  conflictLine: '{field}：伺服器「{server}」／本機「{client}」',
  reviewHint: '兩份編修對同一欄位給了不同的值，請決定保留哪一個（離線亦可，連線後同步）。',
  reviewServerValue: '目前的值（伺服器）',
  reviewOtherValue: '另一個值（{by}，{at}）',
  reviewKeepServer: '保留目前的值',
  reviewTakeOther: '採用另一個值',
  reviewFailed: '無法記錄決定：{reason}',
  'field.applicant.name': '申請人姓名',
  'field.applicant.phone': '電話',
  'field.applicant.address': '地址',
  'field.checklist': '應備文件',
  emptyValue: '（空白）',
} as const;

export type SyncTextKey = keyof typeof zh;
type Key = SyncTextKey;

const en: Record<Key, string> = {
  online: 'Online',
  offline: 'Offline',
  offlineSince: 'Offline since {time}',
  syncing: 'Syncing…',
  progress: '{done}/{total} cases · {mbDone}/{mbTotal} MB',
  pendingCount: '{count} waiting to sync',
  syncNow: 'Sync now',
  syncError: 'Sync error',
  upgradeRequired: 'The server needs a newer CounterDesk; your data stays on this device — update, then sync',
  clockWarning: "This device's clock is {minutes} min off the server's; please correct it (the server's time counts)",
  rejectedTitle: 'Changes the server did not accept',
  rejectedEmpty: 'No refused changes',
  dismiss: 'Dismiss',
  caseSynced: 'Synced',
  casePending: 'Waiting to sync',
  caseRejected: 'Not accepted',
  needsReview: 'Needs review: conflicting edits',
  conflictLine: '{field}: server "{server}" / this device "{client}"',
  reviewHint: 'Two edits gave this field different values; decide which one stays (works offline, syncs later).',
  reviewServerValue: 'Current value (server)',
  reviewOtherValue: 'Other value ({by}, {at})',
  reviewKeepServer: 'Keep current value',
  reviewTakeOther: 'Take other value',
  reviewFailed: 'The decision could not be recorded: {reason}',
  'field.applicant.name': 'Applicant name',
  'field.applicant.phone': 'Phone',
  'field.applicant.address': 'Address',
  'field.checklist': 'Required documents',
  emptyValue: '(empty)',
};

export function syncText(locale: Locale, key: Key, params: Record<string, string | number> = {}): string {
  const template: string = locale === 'en' ? en[key] : zh[key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}
