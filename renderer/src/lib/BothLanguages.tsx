import type { Bilingual } from '../../../shared/domain/bilingual';

/**
 * A text in both languages at once, Chinese first, each marked with its language for screen readers:
 * at a shared counter the person reading may not be the one who chose the interface language.
 */
export function BothLanguages({ text, separator = ' ' }: { text: Bilingual; separator?: string }) {
  return (
    <>
      <span lang="zh-Hant-TW">{text.zh}</span>
      {separator}
      <span lang="en">{text.en}</span>
    </>
  );
}
