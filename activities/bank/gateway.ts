import type { BankFailureReason } from '../../domain/disbursement.js';

// What a bank connection must do: take a payment file, and later say per line what happened.
// A real bank (host-to-host SFTP, an API) implements the same two calls.

export interface BankFile {
  runId: number;
  seq: number;
  content: string;
  sha256: string;
}

export interface BankAnswer {
  lineId: number;
  paid: boolean;
  reason?: BankFailureReason;
}

export interface BankGateway {
  /** Hands the file over; answering the same file twice gives the same batch. */
  submit(file: BankFile): Promise<{ batchId: string }>;
  /** The answers the bank has so far for a batch (none, some or all lines). */
  answers(batchId: string): Promise<BankAnswer[]>;
}
