import type { Knex } from 'knex';
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
      /** Set for a POST with an Idempotency-Key: lets a handler store its answer in the transaction of its effect. */
      idempotency?: { commit(trx: Knex.Transaction, status: number, body: unknown): Promise<void> };
    }
  }
}
