/**
 * Why typed text cannot be sent, in both languages, or undefined: the server refuses control
 * characters and unpaired surrogates in every text (decision 0032), and text pasted from a spreadsheet
 * or another program can carry them (a tab, a form feed). Said next to the field, before sending.
 */
import type { Bilingual } from '../../../shared/domain/bilingual';
import { isCleanLine, isCleanText } from '../../../shared/schemas/primitives';
import { translateBoth } from './i18n';

export function typedTextProblem(value: string, multiline = false): Bilingual | undefined {
  return (multiline ? isCleanText(value) : isCleanLine(value)) ? undefined : translateBoth('intake.controlCharacters');
}
