/**
 * Many rows as one statement's parameters: one array per column, read back with
 * `unnest($1::type[], $2::type[], …) AS alias (column, …)`. A batch of any size is then one statement
 * with a fixed number of parameters (no VALUES list that grows, no parameter limit to hit).
 */

/** The PostgreSQL element type of each column, in the order the columns are listed. */
export type UnnestTypes<Row> = { readonly [K in keyof Row]: string };

export interface UnnestRows {
  /** `unnest(…) AS alias (…)`, or with `WITH ORDINALITY` and a last column `ordinal`. */
  readonly from: string;
  /** One array per column, to append to the statement's parameters. */
  readonly parameters: unknown[][];
}

export function unnestRows<Row extends Record<string, unknown>>(
  alias: string,
  types: UnnestTypes<Row>,
  rows: readonly Row[],
  options: { firstParameter?: number; withOrdinality?: boolean } = {},
): UnnestRows {
  const columns = Object.keys(types) as (keyof Row & string)[];
  const first = options.firstParameter ?? 1;
  const arrays = columns.map((column, index) => `$${first + index}::${types[column]}[]`);
  const names = options.withOrdinality ? [...columns, 'ordinal'] : columns;
  return {
    from: `unnest(${arrays.join(', ')})${options.withOrdinality ? ' WITH ORDINALITY' : ''} AS ${alias} (${names.join(', ')})`,
    parameters: columns.map((column) => rows.map((row) => row[column])),
  };
}
