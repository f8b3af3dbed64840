import type { AuthUser } from '../http/types.js';

/** Who runs a command, and the request its audit rows name (the shape `writeAudit` takes). */
export interface RequestActor {
  user: AuthUser;
  requestId: string;
}
