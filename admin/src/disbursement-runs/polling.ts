import { finalPhases, movingPhases, type Phase } from './types';

// How often a page looks again, from the phases it shows: fast while the workflow moves by
// itself (the build's progress bar), slower while it waits for people, never once finished.
export function intervalFor(phases: readonly Phase[]): number | false {
  if (phases.some((p) => movingPhases.includes(p))) return 1000;
  if (phases.some((p) => p === 'resolving')) return 2000; // re-issued lines come back from the bank
  if (phases.some((p) => !finalPhases.includes(p))) return 10_000; // sign-off or re-check by someone else
  return false;
}

type Query = { state: { data?: unknown } };

/** For <List queryOptions>: the list's data is `{ data: Run[], total }`. */
export const listRefetchInterval = (query: Query): number | false => {
  const rows = (query.state.data as { data?: { phase: Phase }[] } | undefined)?.data;
  return rows ? intervalFor(rows.map((r) => r.phase)) : false;
};

/** For <Show queryOptions>: the record itself. */
export const showRefetchInterval = (query: Query): number | false => {
  const run = query.state.data as { phase: Phase } | undefined;
  return run ? intervalFor([run.phase]) : false;
};
