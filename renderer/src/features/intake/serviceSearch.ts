import { taxTypeLabel, type Service } from '../../../../shared/domain/catalogue';
import { toHalfWidth } from '../../../../shared/domain/toHalfWidth';

/**
 * The service picker's matching: every whitespace-separated term must occur somewhere in the
 * service's Chinese or English name, its tax type (either language) or its id, case- and
 * width-insensitively. Matches are ordered by how often this counter used them, then catalogue order,
 * so the clerk's usual services come first and the order never jumps between equal counts.
 */

function haystack(service: Service): string {
  const tax = taxTypeLabel(service.taxType);
  return normalise([service.id, service.nameZh, service.nameEn, tax.zh, tax.en].join('\u0000'));
}

function normalise(text: string): string {
  return toHalfWidth(text).toLowerCase();
}

export function searchServices(services: readonly Service[], query: string, usage: Readonly<Record<string, number>>): Service[] {
  const terms = normalise(query).split(/\s+/).filter(Boolean);
  const indexed = services.map((service, index) => ({ service, index, text: haystack(service) }));
  return indexed
    .filter(({ text }) => terms.every((term) => text.includes(term)))
    .sort((a, b) => (usage[b.service.id] ?? 0) - (usage[a.service.id] ?? 0) || a.index - b.index)
    .map(({ service }) => service);
}
