import { isRole, type Role } from './roles';

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  orgUnitId: number;
}

const TOKEN_KEY = 'shequ.token';
const USER_KEY = 'shequ.user';
const LAST_USERNAME_KEY = 'shequ.lastUsername';

export const getToken = (): string | null => localStorage.getItem(TOKEN_KEY);

export function getUser(): SessionUser | null {
  try {
    const user = JSON.parse(localStorage.getItem(USER_KEY) ?? 'null') as SessionUser | null;
    return user && isRole(user.role) ? user : null;
  } catch {
    return null;
  }
}

export function saveSession(token: string, user: SessionUser): void {
  localStorage.setItem(TOKEN_KEY, token);
  localStorage.setItem(USER_KEY, JSON.stringify(user));
}

/** Who signed out last on this browser (kept after sign-out; not a secret). */
export const lastUsername = (): string | null => localStorage.getItem(LAST_USERNAME_KEY);

export function clearSession(): void {
  const user = getUser();
  if (user) localStorage.setItem(LAST_USERNAME_KEY, user.username);
  localStorage.removeItem(TOKEN_KEY);
  localStorage.removeItem(USER_KEY);
}

// A session the API stopped knowing (expired, revoked by a password change or an admin) ends at
// the login page, which says why once: the flag lives in this tab only.
const ENDED_KEY = 'shequ.sessionEnded';

export const markSessionEnded = (): void => sessionStorage.setItem(ENDED_KEY, '1');
export const sessionEnded = (): boolean => sessionStorage.getItem(ENDED_KEY) === '1';
export const forgetSessionEnded = (): void => sessionStorage.removeItem(ENDED_KEY);
