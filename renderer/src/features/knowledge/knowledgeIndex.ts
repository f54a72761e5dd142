import type { Catalogue, Service } from '../../../../shared/domain/catalogue';
import { taxTypeLabel } from '../../../../shared/domain/catalogue';
import { toHalfWidth } from '../../../../shared/domain/toHalfWidth';

/**
 * The procedure panel's search across every service and every Q&A answer, in both languages. The
 * catalogue holds a few hundred short texts, so a linear scan of pre-normalised strings answers in well
 * under a millisecond; an inverted index or a search library would add weight without a gain, and
 * substring matching also finds a Chinese word inside a sentence (Chinese is not split into words).
 * Every whitespace-separated term must occur, case- and width-insensitively (Ｂ and B, the ideographic
 * space). The index is built once per catalogue version.
 */

export interface KnowledgeHit {
  serviceId: string;
  /** The Q&A entry that matched; absent when the service's own texts matched. */
  qaId?: string;
}

interface Entry extends KnowledgeHit {
  text: string;
  /** Lower ranks first: the service's names, then its other texts, then its answers. */
  rank: number;
}

export interface KnowledgeIndex {
  version: string;
  entries: readonly Entry[];
}

export function normaliseForSearch(text: string): string {
  return toHalfWidth(text).toLowerCase();
}

function serviceEntries(service: Service): Entry[] {
  const tax = taxTypeLabel(service.taxType);
  const names = [service.id, service.nameZh, service.nameEn, tax.zh, tax.en];
  const steps = (service.procedure ?? []).flatMap((step) => [step.zh, step.en]);
  const other = [...steps, service.legalBasis, service.note, service.filingWindow, service.fees?.zh, service.fees?.en];
  const qa = (service.qa ?? []).map((entry) => ({ serviceId: service.id, qaId: entry.id, rank: 2, text: normaliseForSearch([entry.q.zh, entry.q.en, entry.a.zh, entry.a.en].join('\u0000')) }));
  return [
    { serviceId: service.id, rank: 0, text: normaliseForSearch(names.join('\u0000')) },
    { serviceId: service.id, rank: 1, text: normaliseForSearch(other.filter(Boolean).join('\u0000')) },
    ...qa,
  ];
}

export function buildKnowledgeIndex(catalogue: Catalogue): KnowledgeIndex {
  return { version: catalogue.version, entries: catalogue.services.flatMap(serviceEntries) };
}

let cached: KnowledgeIndex | undefined;

/** The index of `catalogue`, rebuilt only when a newer catalogue version arrived. */
export function knowledgeIndexFor(catalogue: Catalogue): KnowledgeIndex {
  if (cached?.version !== catalogue.version) cached = buildKnowledgeIndex(catalogue);
  return cached;
}

/**
 * The matches of `query`: the services whose names or texts match first, then the answers; one hit per
 * service for its own texts (its names and its other texts count once), in catalogue order within a rank.
 */
export function searchKnowledge(index: KnowledgeIndex, query: string, limit = 30): KnowledgeHit[] {
  const terms = normaliseForSearch(query).split(/\s+/).filter(Boolean);
  if (terms.length === 0) return [];
  const matched = index.entries.filter((entry) => terms.every((term) => entry.text.includes(term)));
  const seen = new Set<string>();
  const hits: KnowledgeHit[] = [];
  for (const rank of [0, 1, 2]) {
    for (const entry of matched) {
      const key = `${entry.serviceId}\u0000${entry.qaId ?? ''}`;
      if (entry.rank !== rank || seen.has(key)) continue;
      seen.add(key);
      hits.push(entry.qaId ? { serviceId: entry.serviceId, qaId: entry.qaId } : { serviceId: entry.serviceId });
    }
  }
  return hits.slice(0, limit);
}
