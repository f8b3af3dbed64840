import { describe, expect, it } from 'vitest';
import {
  birthDateFromId,
  idCheckChar,
  idNumberProblem,
  isValidIdNumber,
  maskAccount,
  maskIdNumber,
} from '../../domain/id-number.js';

describe('GB 11643 ID numbers', () => {
  it('computes the check character of the standard example', () => {
    // The worked example of GB 11643-1999: 11010519491231002X.
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
  });

  it('names what is wrong', () => {
    expect(idNumberProblem('1101051949123100')).toBe('format');
    expect(idNumberProblem('110105194913310021')).toBe('birth_date');
    expect(idNumberProblem('110105194902300021')).toBe('birth_date');
    expect(idNumberProblem('110105194912310021')).toBe('check_digit');
  });

  it('every single-digit typo is caught by the check digit', () => {
    const good = '11010519491231002X';
    for (let i = 0; i < 17; i++) {
      const d = Number(good[i]);
      const typo = good.slice(0, i) + String((d + 1) % 10) + good.slice(i + 1);
      expect(isValidIdNumber(typo), typo).toBe(false);
    }
  });

  it('reads the birth date and masks all but the ends', () => {
    expect(birthDateFromId('11010519491231002X')).toBe('1949-12-31');
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X');
  });
});

describe('maskAccount', () => {
  it('shows the last four digits only', () => {
    expect(maskAccount('6222020000001234567')).toBe('***************4567');
    expect(maskAccount('123')).toBe('123');
  });
});
