// Resident ID numbers (公民身份号码), GB 11643-1999: 17 digits and an ISO 7064 MOD 11-2 check
// character. Checked here too so a typo is caught while the caseworker still has the card in hand.

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChars = '10X98765432';

export type IdNumberProblem = 'format' | 'birth_date' | 'check_digit';

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i];
  return checkChars[sum % 11];
}

/** null when valid, otherwise what is wrong. */
export function idNumberProblem(raw: string): IdNumberProblem | null {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return 'birth_date';
  return idCheckChar(id) === id[17] ? null : 'check_digit';
}

/** react-admin validator: a translation key when wrong. Emptiness is `required()`'s business. */
export const validateIdNumber = (value: unknown): string | undefined => {
  if (value === null || value === undefined || value === '') return undefined;
  const problem = idNumberProblem(String(value));
  return problem ? `shequ.id_number.${problem}` : undefined;
};
