import type { CreateStandardBody } from '../../../contract/allowance-standards';
import { yuanToFen } from '../common/money';

// The form holds yuan (as the policy document states them); the API takes integer fen.

export interface StandardForm {
  effectiveFrom: string;
  standardYuan: number;
  floorPerPersonYuan: number;
  note?: string | null;
}

/** The body of POST /api/allowance-standards, as the API's own schema (contract/allowance-standards.ts) takes it. */
export const toStandardPayload = (form: StandardForm): CreateStandardBody => ({
  effectiveFrom: form.effectiveFrom,
  standardFen: yuanToFen(form.standardYuan),
  floorPerPersonFen: yuanToFen(form.floorPerPersonYuan),
  note: form.note?.trim() ?? '',
});

/** Puts the API's complaint about a fen field beside its yuan input. */
export const standardFormField = (apiField: string): string =>
  ({ standardFen: 'standardYuan', floorPerPersonFen: 'floorPerPersonYuan' })[apiField] ?? apiField;
