import { fetchUtils, type AuthProvider } from 'react-admin';
import { isAllowed } from './access';
import { clearSession, getToken, getUser, lastUsername, saveSession, type SessionUser } from './session';

interface LoginResponse {
  token: string;
  user: SessionUser;
}

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    // fetchJson rejects with the API's message ("用户名或密码错误 …"), which the login form shows.
    const { json } = await fetchUtils.fetchJson('/api/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username, password }),
    });
    const { token, user } = json as LoginResponse;
    const previous = lastUsername();
    saveSession(token, user);
    // react-admin returns to the page shown at sign-out; on a shared office PC that is the
    // previous user's page (often one this user may not open), so someone else starts at home.
    return previous && previous !== user.username ? { redirectTo: '/' } : undefined;
  },

  async logout() {
    const token = getToken();
    clearSession();
    if (!token) return;
    await fetchUtils
      .fetchJson('/api/auth/logout', { method: 'POST', headers: new Headers({ Authorization: `Bearer ${token}` }) })
      .catch(() => undefined); // an expired token is already as good as revoked
  },

  async checkAuth() {
    // message: false — no "please log in" toast on a first visit; the login page says enough.
    if (!getToken()) throw { message: false };
  },

  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      // A late answer to a request sent before signing out: the sign-out under way already
      // leads to the login page; a second one would only add a toast.
      if (!getToken()) throw { logoutUser: false, message: false };
      clearSession();
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
