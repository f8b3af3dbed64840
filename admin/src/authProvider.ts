import { fetchUtils, type AuthProvider } from 'react-admin';
import type { z } from 'zod';
import type { loginBody } from '../../contract/auth';
import { isAllowed } from './access';
import {
  clearSession,
  forgetSessionEnded,
  getToken,
  getUser,
  lastUsername,
  markSessionEnded,
  saveSession,
  type SessionUser,
} from './session';

interface LoginResponse {
  token: string;
  user: SessionUser;
}

// Why checkAuth sometimes waits (react-admin issue #10764). Every react-admin sign-out (user
// menu, LogoutOnMount on a signed-out visit, a 401 through checkError) awaits logout() below,
// then in a setTimeout navigates to #/login and clears the react-query cache. React Router 7
// renders that navigation as a transition; the cache clear re-renders at once the page still on
// screen, and its CoreAdminRoutes asks checkAuth again. Answered "signed out" at once (we only
// read localStorage), that page mounts LogoutOnMount again: another logout, another pushState
// and cache clear, before the transition can commit. On a first visit, with the login page slow
// to render cold, that ran thousands of times: a blank page for 10–14 s.
// So for a moment after logout(), a failed check asked by a query (it has an abort signal) is
// answered only when react-query aborts it, which it does when the page that asked is unmounted,
// i.e. the login page is on screen; the answer then reaches nobody. The first check of a visit is
// answered at once, and the window closes by itself, so nothing else is held up.
const REDIRECT_WINDOW_MS = 2_000;
let redirectingUntil = 0;

/** Resolves when `signal` aborts (the asking page is gone) or the redirect window ends. */
function afterRedirect(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      if (signal.aborted) redirectingUntil = 0; // the redirect has been rendered
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, redirectingUntil - Date.now()));
    signal.addEventListener('abort', done);
    if (signal.aborted) done();
  });
}

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    // fetchJson rejects with the API's message ("用户名或密码错误 …"), which the login form shows.
    const body: z.input<typeof loginBody> = { username, password };
    const { json } = await fetchUtils.fetchJson('/api/auth/login', { method: 'POST', body: JSON.stringify(body) });
    const { token, user } = json as LoginResponse;
    const previous = lastUsername();
    saveSession(token, user);
    forgetSessionEnded();
    redirectingUntil = 0;
    // react-admin returns to the page shown at sign-out; on a shared office PC that is the
    // previous user's page (often one this user may not open), so someone else starts at home.
    return previous && previous !== user.username ? { redirectTo: '/' } : undefined;
  },

  async logout() {
    const token = getToken();
    clearSession();
    try {
      if (!token) return;
      await fetchUtils
        .fetchJson('/api/auth/logout', { method: 'POST', headers: new Headers({ Authorization: `Bearer ${token}` }) })
        .catch(() => undefined); // an expired token is already as good as revoked
    } finally {
      // react-admin goes to the login page as soon as this resolves (we never return a redirect
      // or false), so the window starts here, however long the API took.
      redirectingUntil = Date.now() + REDIRECT_WINDOW_MS;
    }
  },

  async checkAuth(params?: { signal?: AbortSignal }) {
    // Diagnostic read by test/browser/first-visit.test.ts: how many checks a page load costs.
    const g = globalThis as { __shequAuthChecks?: number };
    g.__shequAuthChecks = (g.__shequAuthChecks ?? 0) + 1;
    if (getToken()) return;
    // Right after a sign-out, the page being left asks again: see afterRedirect above. Checks
    // without a signal (the login page's own "already signed in?") are never held.
    const signal = params?.signal;
    if (signal && Date.now() < redirectingUntil) {
      await afterRedirect(signal);
      if (getToken()) return;
    }
    // message: false — no "please log in" toast on a first visit; the login page says enough.
    throw { message: false };
  },

  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      // A late answer to a request sent before signing out: the sign-out under way already
      // leads to the login page; a second one would only add a toast.
      if (!getToken()) throw { logoutUser: false, message: false };
      clearSession();
      markSessionEnded();
      throw error;
    }
    // 403 means "not for your role or area": stay signed in, the page shows the message.
  },

  async getIdentity() {
    const user = getUser();
    if (!user) throw new Error('not signed in');
    return { id: user.id, fullName: user.displayName, username: user.username };
  },

  async getPermissions() {
    return getUser()?.role;
  },

  async canAccess({ resource, action }) {
    return isAllowed(getUser()?.role, resource, action);
  },
};
