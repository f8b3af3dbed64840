import { ActivityFailure, ApplicationFailure, condition } from '@temporalio/workflow';
import { ROLLING_OVER } from './failures.js';

// The one-step-at-a-time discipline of a case workflow: an Update hands its step to the main
// loop and waits for it, so transitions never interleave with each other or with timers. A
// refusal found while running the step (an activity's ConflictError) fails that Update only.

interface Step {
  run: () => Promise<void>;
  done: boolean;
  error?: unknown;
}

export class StepQueue {
  private step: Step | undefined;

  /**
   * Set while the loop records something (the first load, a step, a timer, a ranking) and while
   * it rolls over: validators then ask the caller to retry rather than judge a stage the
   * database may already have left.
   */
  busy: boolean;

  constructor(opts: { busy: boolean }) {
    this.busy = opts.busy;
  }

  /** Validators' view: recording something, or a step already queued. */
  get occupied(): boolean {
    return this.busy || this.step !== undefined;
  }

  async exclusively(run: () => Promise<void>): Promise<void> {
    this.busy = true;
    try {
      await run();
    } finally {
      this.busy = false;
    }
  }

  get pending(): boolean {
    return this.step !== undefined;
  }

  /** Called by an Update handler: queue the step and wait until the loop has run it. */
  async perform<T>(run: () => Promise<void>, answer: () => T): Promise<T> {
    // Two Updates delivered in one activation both pass their validators before either handler
    // starts: the second finds the first's step and steps back (the API asks again).
    if (this.step)
      throw ApplicationFailure.create({
        type: 'ConflictError',
        message: '另一操作正在处理中 (another step is being recorded)',
        nonRetryable: true,
        details: [{ [ROLLING_OVER]: true }],
      });
    const s: Step = { run, done: false };
    this.step = s;
    await condition(() => s.done);
    if (s.error) throw asFailure(s.error);
    return answer();
  }

  /** Called by the loop: run the queued step, keeping its failure for the Update that asked. */
  async runPending(): Promise<void> {
    const s = this.step;
    if (!s) return;
    try {
      await s.run();
    } catch (e) {
      s.error = e;
    }
    s.done = true;
    this.step = undefined;
  }
}

export function asFailure(e: unknown): ApplicationFailure {
  if (e instanceof ActivityFailure && e.cause instanceof ApplicationFailure) return e.cause;
  if (e instanceof ApplicationFailure) return e;
  return ApplicationFailure.nonRetryable((e as Error)?.message ?? String(e), 'ConflictError');
}
