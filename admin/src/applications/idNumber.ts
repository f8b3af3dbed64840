import { idNumberProblem } from '../../../domain/id-number';

// The same GB 11643 check the API applies, run while the caseworker still has the card in hand.
/** react-admin validator: a translation key when wrong. Emptiness is `required()`'s business. */
export const validateIdNumber = (value: unknown): string | undefined => {
  if (value === null || value === undefined || value === '') return undefined;
  const problem = idNumberProblem(String(value));
  return problem ? `shequ.id_number.${problem}` : undefined;
};
