import { useEffect, useMemo, useState } from 'react';
import { caseRecordSchema, type ChecklistItem } from '../../../../shared/schemas/case';
import { getCase } from '../../db/caseStore';
import { createCaseForTest } from '../../db/createCaseForTest';
import { unlockForStationTools } from '../../state/dataKey';
import { SignaturePanel } from '../signature/SignaturePanel';
import { CaseDocuments, type CaseDocumentSummary } from './CaseDocuments';

/**
 * A development page (#/documents-harness) that mounts the document and signature components on a
 * local demo case, so they can be exercised in a browser before the case screens host them.
 * It writes only to this device's store and never syncs on its own.
 */

export const DOCUMENTS_HARNESS_HASH = '#/documents-harness';
const HARNESS_CASE_ID = '0190d6f0-0000-7000-8000-00000000d0c5';

const checklist: ChecklistItem[] = [
  { document: '申請書 / Application form', state: 'missing', source: 'service' },
  { document: '身分證影本 / Copy of ID card', state: 'missing', source: 'applicant' },
];

async function ensureCase(): Promise<void> {
  await unlockForStationTools();
  if (await getCase(HARNESS_CASE_ID)) return;
  // A page without a server: the harness's made-up station is given its numbers as the server would.
  await createCaseForTest({
    stationCode: 'DEV',
    rocYear: 115,
    build: (sequence) =>
      caseRecordSchema.parse({
        id: HARNESS_CASE_ID,
        caseNo: `115DEV${String(sequence).padStart(5, '0')}X`,
        verifier: 'harness-verifier-0001',
        serviceId: 'harness',
        channel: 'counter',
        applicant: { kind: 'person', idNumber: 'A123456789', name: '王小明', phone: '' },
        checklist,
        status: 'draft',
        receivedOn: '2026-11-27',
        receivedAt: '2026-11-27T01:00:00.000Z',
        dueDate: '2026-12-04',
        stationCode: 'DEV',
        createdBy: 'harness',
      }),
  });
}

export function DocumentsHarness() {
  const [ready, setReady] = useState(false);
  const [name, setName] = useState('王小明');
  const [summaries, setSummaries] = useState<readonly CaseDocumentSummary[]>([]);

  useEffect(() => {
    void ensureCase().then(() => setReady(true));
  }, []);

  const content = useMemo(() => ({ title: '申請確認 Confirm application', lines: [{ label: '申請人 Applicant', value: name }], documents: checklist.map((item) => ({ document: item.document, state: item.state })) }), [name]);

  if (!ready) return <p>…</p>;
  return (
    <main>
      <h1>Documents harness</h1>
      <CaseDocuments caseId={HARNESS_CASE_ID} checklist={checklist} onChange={setSummaries} />
      <p data-testid="linked-count">{summaries.length}</p>
      <label>
        申請人 Applicant <input value={name} onChange={(event) => setName(event.target.value)} />
      </label>
      <SignaturePanel caseId={HARNESS_CASE_ID} contentToSign={content} />
    </main>
  );
}
