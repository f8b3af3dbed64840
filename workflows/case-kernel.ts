import { allHandlersFinished, condition, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import { refuseWith } from './failures.js';
import { sa } from './search-attributes.js';
import { StepQueue } from './step-queue.js';

// What every case process (dibao, referral, volunteer) shares: one step at a time through the
// StepQueue, numbered transitions, the search attributes supervisors filter on, roll-over by
// continue-as-new carrying the state, and one loop that runs queued steps, the process's own
// work (a verification, a ranking, a screening) and its next durable timer. A process supplies
// its state, its Update handlers and its timers (the shape of Temporal's safe-message-handlers
// sample). The loop's command sequence is exactly the one the three hand-written loops had, so
// recorded histories replay unchanged.

export interface CaseState {
  stage: string;
  stageSince: string | null;
  seq: number;
}

/** Stages with a deadline also publish it and whether it passed. */
interface WithDeadline {
  deadlineAt: string | null;
  overdue: boolean;
}

export interface Timer {
  at: number;
  fire: () => Promise<void>;
}

export interface CaseLoop {
  /** The loop ends once the case is closed. */
  closed: () => boolean;
  /** Work the case does on its own before waiting (verification, screening, a ranking), if any now. */
  work?: () => (() => Promise<void>) | undefined;
  /** Besides a queued step, what wakes the waiting loop early. */
  wakeWhen?: () => boolean;
  /** The next durable timer: a deadline, a notice ending, a re-check, a follow-up. */
  nextTimer: () => Timer | undefined;
  /** Starts the next run with the state carried over (continueAsNew of the process's workflow). */
  continueAsNew: () => Promise<never>;
}

export class CaseKernel<S extends CaseState> {
  readonly steps: StepQueue;
  private rollingOver = false;

  constructor(
    readonly state: S,
    private readonly o: { resumed: boolean; historyLimit: number },
  ) {
    // A new case is busy until it is loaded and its first transition recorded: an Update arriving
    // meanwhile is asked to retry (the page may already show the next stage), not refused.
    this.steps = new StepQueue({ busy: !o.resumed });
  }

  /** Validators' view: recording something, or a step already queued. */
  get busy(): boolean {
    return this.steps.occupied;
  }

  /** Loaded and first transition recorded: Updates are judged from now on. */
  ready(): void {
    this.steps.busy = false;
  }

  /** A validator: a refusal reaches the API typed, with its fields; none while rolling over. */
  guard(check: () => void): void {
    refuseWith(this.rollingOver, check);
  }

  /** Runs `write` as the case's next numbered transition and counts it once written. */
  async numbered<R>(write: (seq: number) => Promise<R>): Promise<R> {
    const seq = this.state.seq + 1;
    const r = await write(seq);
    this.state.seq = seq;
    return r;
  }

  /** Hands a step to the loop and waits for it; a refusal found on the way fails that Update only. */
  perform(run: () => Promise<void>): Promise<S> {
    return this.steps.perform(run, () => this.state);
  }

  /** An Update whose step the loop runs, refused by `validate` before it is accepted. */
  update<Req, Res>(
    def: UpdateDefinition<Res, [Req]>,
    step: (r: Req) => Promise<void>,
    validate: (r: Req) => void,
    answer: () => Res,
  ): void {
    setHandler(def, (r: Req) => this.steps.perform(() => step(r), answer), {
      validator: (r: Req) => this.guard(() => validate(r)),
    });
  }

  publish(): void {
    const s = this.state as S & Partial<WithDeadline>;
    upsertSearchAttributes([
      { key: sa.stage, value: s.stage },
      { key: sa.stageSince, value: s.stageSince ? new Date(s.stageSince) : null },
      ...('deadlineAt' in s
        ? [
            { key: sa.deadline, value: s.deadlineAt ? new Date(s.deadlineAt) : null },
            { key: sa.overdue, value: String(s.overdue) },
          ]
        : []),
    ]);
  }

  /**
   * Checked only where the loop resumes after a step, its work or a timer: events every replay
   * sees. A refused Update's workflow task is dropped from history, so its length must not decide
   * anything while the loop waits (dibao runs recorded before that fix still check there).
   */
  rollOver(): boolean {
    return workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > this.o.historyLimit;
  }

  async run(loop: CaseLoop): Promise<S> {
    while (!loop.closed()) {
      const work = loop.work?.();
      if (work) {
        await this.steps.exclusively(work);
        continue;
      }
      if (this.rollOver() && !this.steps.pending) {
        // Refuse new Updates from here on (the API retries them on the new run), let any accepted
        // one finish, then carry the whole state, pending deadlines included, over.
        this.steps.busy = this.rollingOver = true;
        await condition(allHandlersFinished);
        await loop.continueAsNew();
      }
      const timer = loop.nextTimer();
      const woke = await condition(
        () => this.steps.pending || (loop.wakeWhen?.() ?? false),
        timer ? Math.max(1, timer.at - Date.now()) : undefined,
      );
      if (this.steps.pending) await this.steps.exclusively(() => this.steps.runPending());
      else if (!woke && timer) await this.steps.exclusively(timer.fire);
    }
    await condition(allHandlersFinished);
    return this.state;
  }
}
