/** A text shown to clerks and citizens in both languages; the UI picks one or shows both. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** The "中文 / English" form used on checklists, receipts and notices. */
export function bilingualLabel(text: Bilingual): string {
  return text.en === '' ? text.zh : `${text.zh} / ${text.en}`;
}
