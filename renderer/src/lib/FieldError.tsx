import type { Bilingual } from '../../../shared/domain/bilingual';
import { BothLanguages } from './BothLanguages';

/** A field's error in both languages, announced to screen readers and tied to its input by id. */
export function FieldError({ id, message }: { id: string; message?: Bilingual }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error" role="alert">
      <BothLanguages text={message} />
    </p>
  );
}
