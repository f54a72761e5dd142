import type { Bilingual } from '../../../shared/domain/bilingual';

/** A field's error in both languages, announced to screen readers and tied to its input by id. */
export function FieldError({ id, message }: { id: string; message?: Bilingual }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error" role="alert">
      <span lang="zh-Hant-TW">{message.zh}</span> <span lang="en">{message.en}</span>
    </p>
  );
}
