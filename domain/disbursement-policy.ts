/** A run's page of enrolled households: enrollment ids from `from` to `to`, both included. */
export interface PageRange {
  from: number;
  to: number;
}

/** How a monthly disbursement run paces itself and when it tells people; from the environment (config/). */
export interface DisbursementPolicy {
  daySeconds: number;
  /** Days finance has to sign off before supervisors are told. */
  signoffDays: number;
  /** Days to resolve failed bank lines before supervisors are told. */
  resolveDays: number;
  pageSize: number;
  parallelPages: number;
  /** How often to ask the bank for answers. */
  bankPollMs: number;
  historyLimit: number;
}
