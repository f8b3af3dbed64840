import { describe, expect, it } from 'vitest';
import { MIN_PASSWORD_LENGTH, passwordProblem } from '../../domain/password-policy.js';

describe('password policy', () => {
  it('accepts a long password with a letter and a digit', () => {
    expect(passwordProblem('river-stone-42', 'caseworker1')).toBeUndefined();
    expect(passwordProblem('社区民政局海陵区2026')).toBeUndefined(); // Chinese characters are letters
    expect(passwordProblem('test-password-1')).toBeUndefined(); // the test suite's demo password
    expect(passwordProblem('shequ-demo-2026', 'admin1')).toBeUndefined(); // the seeded demo password
  });

  it(`needs at least ${MIN_PASSWORD_LENGTH} characters, counted as characters not bytes`, () => {
    expect(passwordProblem('abc12345x')).toMatch(/至少10位.*at least 10 characters/);
    expect(passwordProblem('abc123456x')).toBeUndefined();
    expect(passwordProblem('密码密码密码密码1')).toMatch(/at least 10/); // 9 characters, 25 bytes
  });

  it('refuses more than bcrypt reads (72 bytes), which would match on its beginning alone', () => {
    expect(passwordProblem(`a1${'x'.repeat(70)}`)).toBeUndefined();
    expect(passwordProblem(`a1${'x'.repeat(71)}`)).toMatch(/72/);
    expect(passwordProblem(`密码1${'码'.repeat(23)}`)).toMatch(/72/); // 25 characters, 73 bytes
  });

  it('needs a letter and a digit', () => {
    expect(passwordProblem('12345678901')).toMatch(/letter and a digit/);
    expect(passwordProblem('abcdefghijkl')).toMatch(/letter and a digit/);
    expect(passwordProblem('----------1')).toMatch(/letter and a digit/);
  });

  it('refuses a password containing the username, in any case', () => {
    expect(passwordProblem('Caseworker1-2026', 'caseworker1')).toMatch(/用户名.*username/);
    expect(passwordProblem('my-ADMIN1-secret', 'admin1')).toMatch(/username/);
    expect(passwordProblem('my-ADMIN1-secret', 'reviewer1')).toBeUndefined();
    expect(passwordProblem('my-ADMIN1-secret', '')).toBeUndefined();
  });

  it('refuses common passwords, whatever their case and separators', () => {
    expect(passwordProblem('password123')).toMatch(/常见.*too common/);
    expect(passwordProblem('Password-123')).toMatch(/too common/);
    expect(passwordProblem('QWERTY12345')).toMatch(/too common/);
    expect(passwordProblem('woaini1314')).toMatch(/too common/);
  });

  it('names the first rule broken, one message', () => {
    expect(passwordProblem('')).toMatch(/at least 10/);
    expect(passwordProblem('admin1', 'admin1')).toMatch(/at least 10/);
  });
});
