/**
 * What a catalogue draft changes against the published version, service by service and field by field,
 * so the supervisor sees exactly what devices will receive before publishing it. Pure: the server
 * computes the preview with it and the editor can show the same for a draft not saved yet.
 */
import type { Catalogue, Service } from './catalogue';

export interface FieldChange {
  field: keyof Service;
  before: unknown;
  after: unknown;
}

export interface ServiceChange {
  id: string;
  nameZh: string;
  fields: FieldChange[];
}

export interface CatalogueDiff {
  added: { id: string; nameZh: string }[];
  removed: { id: string; nameZh: string }[];
  changed: ServiceChange[];
  /** The documents asked for by the applicant's situation or the deadline rules changed. */
  commonChanged: boolean;
}

/** Equal as stored: key order does not matter, absent and undefined are the same. */
function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function serviceFieldChanges(before: Service, after: Service): FieldChange[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)] as (keyof Service)[]);
  return [...fields].filter((field) => !sameValue(before[field], after[field])).map((field) => ({ field, before: before[field], after: after[field] }));
}

export function diffCatalogues(published: Catalogue, draft: Catalogue): CatalogueDiff {
  const before = new Map(published.services.map((s) => [s.id, s]));
  const after = new Map(draft.services.map((s) => [s.id, s]));
  const changed: ServiceChange[] = [];
  for (const service of draft.services) {
    const old = before.get(service.id);
    const fields = old ? serviceFieldChanges(old, service) : [];
    if (fields.length > 0) changed.push({ id: service.id, nameZh: service.nameZh, fields });
  }
  return {
    added: draft.services.filter((s) => !before.has(s.id)).map(({ id, nameZh }) => ({ id, nameZh })),
    removed: published.services.filter((s) => !after.has(s.id)).map(({ id, nameZh }) => ({ id, nameZh })),
    changed,
    commonChanged: !sameValue(published.commonDocuments, draft.commonDocuments) || !sameValue(published.deadlineRules, draft.deadlineRules),
  };
}

export function isEmptyDiff(diff: CatalogueDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0 && !diff.commonChanged;
}
