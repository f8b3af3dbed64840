// The rules a new staff password must meet. Pure, so the API (users, change of own password)
// and the console can apply the same rules; the seeds store hashes and are not checked here.

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_BYTES = 72;

// The first guesses of any attacker, lower-case; long enough to pass the other rules, so only this
// list stops them. Compared case-insensitively and ignoring separators, so "Password-123" counts.
const COMMON = [
  'password123',
  'password1234',
  'passw0rd123',
  'qwerty12345',
  'qwerty123456',
  'qwertyuiop1',
  'qwertyuiop123',
  '1qaz2wsx3edc',
  'zaq12wsxcde3',
  '1q2w3e4r5t',
  '1q2w3e4r5t6y',
  'a123456789',
  'a1234567890',
  '1234567890a',
  'abc1234567',
  'abcd123456',
  'abc123456789',
  'admin12345',
  'admin123456',
  'administrator1',
  'iloveyou123',
  'welcome123',
  'letmein123',
  'woaini1314',
  'woaini5201314',
  'aa123456789',
  'qq123456789',
  'changeme123',
  'shequ123456',
  'shequ2026',
  'hailing12345',
];
const common = new Set(COMMON);
const normal = (s: string) => s.toLowerCase().replace(/[\s._\-!@#$%^&*]+/g, '');

/** The first rule the password breaks, as a bilingual message for the form field; undefined when it is acceptable. */
export function passwordProblem(password: string, username?: string): string | undefined {
  if ([...password].length < MIN_PASSWORD_LENGTH)
    return `密码至少${MIN_PASSWORD_LENGTH}位 (at least ${MIN_PASSWORD_LENGTH} characters)`;
  // bcrypt reads only the first 72 bytes: a longer password would match on its beginning alone.
  if (new TextEncoder().encode(password).length > MAX_PASSWORD_BYTES)
    return `密码过长：最多${MAX_PASSWORD_BYTES}字节（约${MAX_PASSWORD_BYTES / 3}个汉字） (too long: at most ${MAX_PASSWORD_BYTES} bytes)`;
  if (!/\p{L}/u.test(password) || !/\p{Nd}/u.test(password))
    return '密码须同时包含字母和数字 (must contain both a letter and a digit)';
  const user = username?.trim().toLowerCase();
  if (user && password.toLowerCase().includes(user)) return '密码不能包含用户名 (must not contain the username)';
  if (common.has(normal(password))) return '密码过于常见，请另选一个 (too common, choose another)';
  return undefined;
}
