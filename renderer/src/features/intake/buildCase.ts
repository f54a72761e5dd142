import { v7 as uuidv7 } from 'uuid';
import type { Service } from '../../../../shared/domain/catalogue';
import { documentLabel } from '../../../../shared/domain/catalogue';
import { formatCaseNo } from '../../../../shared/domain/caseNumber';
import { taipeiDate } from '../../../../shared/domain/rocDate';
import type { Bilingual } from '../../../../shared/domain/bilingual';
import type { CaseReference } from '../../../../shared/domain/caseDueDate';
import type { Applicant, CaseRecord, Channel, ChecklistItem, ChecklistState } from '../../../../shared/schemas/case';
import { intakeClock } from '../notice/deficiency';
import type { ValidIntake } from './validateIntake';

/** Turns what the clerk entered into the case record the device stores and pushes. */

export interface IntakeValues extends ValidIntake {
  service: Service;
  /** Document label → state, as the clerk marked it; a document not marked is missing. */
  states: Readonly<Record<string, ChecklistState>>;
  commonDocuments: readonly Bilingual[];
  /** The catalogue and calendar the due date is computed with; the case names them (decision 0028). */
  reference: CaseReference;
  /** A re-examination (複查): the decided case it asks to re-examine. */
  relatedCase?: CaseRecord['relatedCase'];
  /** The queue ticket the applicant was called with (features/queue). */
  ticket?: CaseRecord['ticket'];
}

export interface IntakeContext {
  stationCode: string;
  username: string;
  receivedAt: Date;
  receivedOn: string;
  rocYear: number;
  /** Where the case is taken; the counter when not said. */
  channel?: Channel;
}

/** The context of a case received now: the day and ROC year are Taipei's, whatever the device's zone. */
export function intakeContextAt(receivedAt: Date, stationCode: string, username: string, channel?: Channel): IntakeContext {
  const receivedOn = taipeiDate(receivedAt);
  const rocYear = Number(receivedOn.slice(0, 4)) - 1911;
  return { stationCode, username, receivedAt, receivedOn, rocYear, ...(channel ? { channel } : {}) };
}

function randomVerifier(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** The service's documents, then the applicant kind's common documents not already listed. */
export function checklistDocuments(service: Service, commonDocuments: readonly Bilingual[]): { document: string; source: 'service' | 'applicant' }[] {
  const seen = new Set<string>();
  const items: { document: string; source: 'service' | 'applicant' }[] = [];
  for (const doc of service.documents) {
    const document = documentLabel(doc);
    if (!seen.has(document)) items.push({ document, source: 'service' });
    seen.add(document);
  }
  for (const doc of commonDocuments) {
    const document = documentLabel(doc);
    if (!seen.has(document)) items.push({ document, source: 'applicant' });
    seen.add(document);
  }
  return items;
}

export function checklistFor(service: Service, commonDocuments: readonly Bilingual[], states: Readonly<Record<string, ChecklistState>>): ChecklistItem[] {
  return checklistDocuments(service, commonDocuments).map(({ document, source }) => ({ document, source, state: states[document] ?? 'missing' }));
}

export function applicantOf(values: ValidIntake): Applicant {
  const applicant: Applicant = { kind: values.kind, idNumber: values.idNumber, name: values.name, phone: values.phone };
  if (values.address) applicant.address = values.address;
  if (values.related) {
    if (values.kind === 'company') applicant.representative = values.related;
    if (values.kind === 'agent') applicant.taxpayer = values.related;
    if (values.kind === 'heir') applicant.deceased = values.related;
  }
  return applicant;
}

export function buildCaseRecord(values: IntakeValues, context: IntakeContext, sequence: number): CaseRecord {
  const checklist = checklistFor(values.service, values.commonDocuments, values.states);
  return {
    id: uuidv7(),
    caseNo: formatCaseNo({ rocYear: context.rocYear, stationCode: context.stationCode, sequence }),
    verifier: randomVerifier(),
    serviceId: values.service.id,
    channel: context.channel ?? 'counter',
    applicant: applicantOf(values),
    checklist,
    receivedOn: context.receivedOn,
    receivedAt: context.receivedAt.toISOString(),
    stationCode: context.stationCode,
    createdBy: context.username,
    ...(values.referrer ? { referrer: values.referrer } : {}),
    ...(values.relatedCase ? { relatedCase: values.relatedCase } : {}),
    ...(values.ticket ? { ticket: values.ticket } : {}),
    ...intakeClock(context.receivedOn, values.service.id, checklist, values.reference),
  };
}
