import type { Role } from '../../domain/roles.js';

export interface AuthUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  orgUnitId: number;
  orgPath: string;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      requestId: string;
      user?: AuthUser;
    }
  }
}
