/**
 * A row as Knex answers it: columns by name, values untyped. Read-models name the columns they
 * use and turn rows into the contract's shapes; this alias is the one place `any` is allowed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DbRow = Record<string, any>;
