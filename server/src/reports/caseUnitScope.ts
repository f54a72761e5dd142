/**
 * The oversight rule (oversight.ts) as a SQL condition on a joined `cases` row, for reports that
 * aggregate in SQL: a case belongs to its desk's unit, or, stored without one, to its service's
 * unit — an unknown service to the default unit — exactly as handlingUnitOfCase decides in code.
 */
import { DEFAULT_UNIT, handlingUnitOf } from '../../../shared/domain/catalogue';
import type { Catalogue } from '../../../shared/domain/catalogue';

export interface SqlCondition {
  sql: string;
  params: unknown[];
}

/**
 * The condition that `alias`'s case is handled by one of `units`; its parameters are numbered from
 * `firstParam`. The director's 'all' is a condition that always holds.
 */
export function caseUnitScope(units: 'all' | readonly string[], catalogue: Catalogue, alias: string, firstParam: number): SqlCondition {
  if (units === 'all') return { sql: 'true', params: [] };
  const [unitsParam, servicesParam, knownParam, defaultParam] = [0, 1, 2, 3].map((offset) => `$${firstParam + offset}`);
  const services = catalogue.services.filter((service) => units.includes(handlingUnitOf(service))).map((service) => service.id);
  return {
    sql: `(${alias}.unit = ANY(${unitsParam}::text[])
           OR (${alias}.unit IS NULL AND (${alias}.service_id = ANY(${servicesParam}::text[])
               OR (${defaultParam}::boolean AND NOT ${alias}.service_id = ANY(${knownParam}::text[])))))`,
    params: [[...units], services, catalogue.services.map((service) => service.id), units.includes(DEFAULT_UNIT)],
  };
}
