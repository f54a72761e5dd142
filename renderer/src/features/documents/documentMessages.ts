/**
 * Every message the document features show, in both languages at once: at the counter the clerk
 * reads Chinese and a foreign applicant may read the English line on the same screen, so a problem
 * is never shown in one language only.
 */

export interface BilingualText {
  zh: string;
  en: string;
}

export const documentText = {
  empty: { zh: '檔案是空的（0 位元組），未匯入。', en: 'The file is empty (0 bytes) and was not imported.' },
  wrongType: { zh: '檔案內容不是 JPEG、PNG、WebP 或 PDF（依內容判斷，非副檔名），未匯入。', en: 'The file content is not JPEG, PNG, WebP or PDF (checked by content, not by name) and was not imported.' },
  corrupt: { zh: '檔案已損毀或不完整，無法讀取，未匯入。請重新掃描。', en: 'The file is damaged or incomplete and cannot be read; it was not imported. Please scan it again.' },
  encrypted: { zh: 'PDF 已加密或設有密碼，無法檢視與保存，未匯入。請申請人提供未加密的檔案。', en: 'The PDF is encrypted or password-protected and cannot be checked or kept; it was not imported. Ask for an unencrypted copy.' },
  tooLarge: { zh: '檔案 {size} MB，超過上限 {limit} MB，未匯入。', en: 'The file is {size} MB, over the {limit} MB limit; it was not imported.' },
  tooManyPixels: { zh: '影像解析度過高（{megapixels} 百萬像素，上限 {limit}），未匯入。', en: 'The image resolution is too high ({megapixels} megapixels, limit {limit}); it was not imported.' },
  tooManyPages: { zh: '文件共 {pages} 頁，超過上限 {limit} 頁，未匯入。請分成數份文件。', en: 'The document has {pages} pages, over the {limit}-page limit; it was not imported. Split it into several documents.' },
  storageFull: { zh: '本機儲存空間已滿，文件未保存；案件資料未變動，待保存頁面仍保留。請先同步或清理空間後再試。', en: 'Local storage is full; the document was not saved. The case is unchanged and the pending pages are kept. Sync or free space, then try again.' },
  storageRefused: {
    zh: '本機儲存空間已滿：上一次保存因空間不足被拒。擷取或匯入前請先同步或清理空間。',
    en: 'Local storage is full: the last save was refused for lack of space. Sync or free space before capturing or importing.',
  },
  storageLow: { zh: '本機儲存空間不足（剩餘 {left}），擷取前請先同步或清理空間。', en: 'Local storage is low ({left} left); sync or free space before capturing.' },
  saveFailed: { zh: '文件保存失敗，案件資料未變動，待保存頁面仍保留：{reason}', en: 'Saving the document failed; the case is unchanged and the pending pages are kept: {reason}' },
  cameraUnavailable: { zh: '無法開啟攝影機：{reason}', en: 'The camera could not be opened: {reason}' },
} satisfies Record<string, BilingualText>;

export type DocumentTextKey = keyof typeof documentText;

/** Fills `{name}` placeholders in both languages. */
/** A parameter may itself be bilingual (an error's words): each language then gets its own. */
export function formatText(key: DocumentTextKey, params: Record<string, string | number | BilingualText> = {}): BilingualText {
  const fill = (text: string, lang: keyof BilingualText) =>
    text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'object' ? value[lang] : String(value);
    });
  const text = documentText[key];
  return { zh: fill(text.zh, 'zh'), en: fill(text.en, 'en') };
}
