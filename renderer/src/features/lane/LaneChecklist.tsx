import type { ChecklistState } from '../../../../shared/schemas/case';
import { useT } from '../../lib/i18n';
import { ChecklistFrame } from '../intake/ChecklistFrame';
import { DocumentStateRadios } from '../intake/DocumentStateRadios';

interface Props {
  documents: readonly { document: string }[];
  states: Readonly<Record<string, ChecklistState>>;
  onPick: (document: string, state: ChecklistState) => void;
}

/** The lane's documents step: each listed document as handed over unless marked otherwise, in large touch targets. */
export function LaneChecklist({ documents, states, onPick }: Props) {
  const t = useT();
  return (
    <ChecklistFrame className="lane-step lane-checklist" describedBy="lane-documents-hint" legend={t('laneStepDocuments')} hintId="lane-documents-hint" hint={t('laneDocumentsHint')}>
      {documents.map((item, index) => (
        <fieldset key={item.document} className="lane-doc" data-document={item.document} data-state={states[item.document] ?? 'missing'}>
          <legend>{item.document}</legend>
          <DocumentStateRadios idPrefix="lane-doc" index={index} state={states[item.document] ?? 'missing'} className="lane-seg" onPick={(state) => onPick(item.document, state)} />
        </fieldset>
      ))}
    </ChecklistFrame>
  );
}
