// Resident ID numbers (公民身份号码), GB 11643-1999: 17 digits and an ISO 7064 MOD 11-2
// check character. A wrong check digit is almost always a typo, so we refuse it at the door.

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChars = '10X98765432';

export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('expected 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i];
  return checkChars[sum % 11];
}

export type IdNumberProblem = 'format' | 'birth_date' | 'check_digit';

/** Returns null when valid, otherwise what is wrong. */
export function idNumberProblem(raw: string): IdNumberProblem | null {
  const id = raw.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return 'birth_date';
  }
  if (idCheckChar(id.slice(0, 17)) !== id[17]) return 'check_digit';
  return null;
}

export const isValidIdNumber = (raw: string): boolean => idNumberProblem(raw) === null;

export function birthDateFromId(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

export const idNumberMessages: Record<IdNumberProblem, string> = {
  format: '身份证号应为18位，最后一位可为X (ID number must be 18 characters, the last may be X)',
  birth_date: '身份证号中的出生日期无效 (the birth date inside the ID number is impossible)',
  check_digit: '身份证号校验位错误 (ID number check digit is wrong)',
};

/** Masks all but the first 3 and last 4 characters, as shown to people who need not see it. */
export function maskIdNumber(id: string): string {
  if (id.length <= 7) return '*'.repeat(id.length);
  return id.slice(0, 3) + '*'.repeat(id.length - 7) + id.slice(-4);
}

/** A bank account shown by its last four digits only: enough to tell accounts apart. */
export function maskAccount(account: string): string {
  return `${'*'.repeat(Math.max(0, account.length - 4))}${account.slice(-4)}`;
}

/** Whole years between a YYYY-MM-DD birth date and a YYYY-MM-DD day. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
