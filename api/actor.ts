import type { Actor } from '../workflows/benefit-case-messages.js';
import type { AuthUser } from './http/types.js';

/** Who acts, as a workflow sees them: enough for its validators, nothing personal. */
export const actorOf = (u: AuthUser): Actor => ({ id: u.id, username: u.username, role: u.role, orgPath: u.orgPath });
