import type { ChecklistState } from '../../../../shared/schemas/case';
import { useT } from '../../lib/i18n';
import { missingDocuments } from '../notice/deficiency';
import { ChecklistFrame } from './ChecklistFrame';
import { DocumentStateRadios } from './DocumentStateRadios';

const docKeys: Readonly<Record<string, ChecklistState>> = { p: 'provided', y: 'provided', m: 'missing', n: 'missing', w: 'waived' };

interface Props {
  checklist: readonly { document: string; source: 'service' | 'applicant'; state: ChecklistState }[];
  onMark: (document: string, state: ChecklistState) => void;
}

/** The counter's documents checklist: a row a document, marked with the mouse or P/Y, M/N, W; the count still missing. */
export function DocumentChecklist({ checklist, onMark }: Props) {
  const t = useT();
  const missingCount = missingDocuments(checklist).length;
  return (
    <ChecklistFrame className="checklist" describedBy="checklist-keys checklist-summary" legend={t('documents')} hintId="checklist-keys" hint={t('checklistKeys')}>
      {checklist.map((item, index) => (
        <fieldset
          key={item.document}
          className="doc-row"
          data-document={item.document}
          data-state={item.state}
          onKeyDown={(e) => {
            const state = docKeys[e.key.toLowerCase()];
            if (!state || e.altKey || e.ctrlKey) return;
            e.preventDefault();
            onMark(item.document, state);
            document.getElementById(`doc-${index}-${state}`)?.focus();
          }}
        >
          <legend>
            {item.document}
            {item.source === 'applicant' && <span className="hint small"> · {t('docFromApplicantKind')}</span>}
          </legend>
          <DocumentStateRadios idPrefix="doc" index={index} state={item.state} className="radio" onPick={(state) => onMark(item.document, state)} />
        </fieldset>
      ))}
      <p id="checklist-summary" className={missingCount > 0 ? 'warning' : 'hint'} aria-live="polite">
        {missingCount > 0 ? t('missingSummary', { count: missingCount }) : t('completeSummary')}
      </p>
    </ChecklistFrame>
  );
}
