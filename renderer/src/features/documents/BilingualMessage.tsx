import type { BilingualText } from './documentMessages';

/** A problem or warning in both languages: the applicant at the counter may read either. */
export function BilingualMessage({ text, tone }: { text: BilingualText; tone: 'error' | 'warning' | 'info' }) {
  return (
    <div role={tone === 'info' ? 'status' : 'alert'} className={`bilingual-message ${tone}`}>
      <p lang="zh-Hant-TW">{text.zh}</p>
      <p lang="en">{text.en}</p>
    </div>
  );
}
