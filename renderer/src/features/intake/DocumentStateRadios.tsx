import type { ChecklistState } from '../../../../shared/schemas/case';
import { useT } from '../../lib/i18n';

export const docStates: readonly ChecklistState[] = ['provided', 'missing', 'waived'];

interface Props {
  /** The radios' id and group name: `${idPrefix}-${index}` (the e2e tests and shortcuts find them so). */
  idPrefix: string;
  index: number;
  state: ChecklistState;
  /** The class of each radio's wrapper, before its `doc-<state>` class. */
  className: string;
  onPick: (state: ChecklistState) => void;
}

/** One document's three marks (provided, missing, waived) as radios, for the counter and the lane. */
export function DocumentStateRadios({ idPrefix, index, state: current, className, onPick }: Props) {
  const t = useT();
  return docStates.map((state) => (
    <span key={state} className={`${className} doc-${state}`}>
      <input id={`${idPrefix}-${index}-${state}`} type="radio" name={`${idPrefix}-${index}`} value={state} checked={current === state} onChange={() => onPick(state)} />
      <label htmlFor={`${idPrefix}-${index}-${state}`}>{t(`docState.${state}`)}</label>
    </span>
  ));
}
