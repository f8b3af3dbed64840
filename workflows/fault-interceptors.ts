import {
  ContinueAsNew,
  isCancellation,
  proxySinks,
  TemporalFailure,
  type Sinks,
  type WorkflowInterceptorsFactory,
} from '@temporalio/workflow';

// Workflow code that throws anything but a Temporal failure fails its workflow task, which the
// server retries for ever (a bad deploy, a bug): the case silently stops moving. This tells the
// worker, which records an alert for supervisors. Reported only while running live, not replaying.

export interface FaultSinks extends Sinks {
  faults: { workflowTaskFailed(message: string): void };
}

const { faults } = proxySinks<FaultSinks>();

const failsTask = (e: unknown) =>
  !(e instanceof TemporalFailure) && !(e instanceof ContinueAsNew) && !isCancellation(e);

export const interceptors: WorkflowInterceptorsFactory = () => ({
  inbound: [
    {
      async execute(input, next) {
        try {
          return await next(input);
        } catch (e) {
          if (failsTask(e)) faults.workflowTaskFailed((e as Error)?.message ?? String(e));
          throw e;
        }
      },
      async handleSignal(input, next) {
        try {
          return await next(input);
        } catch (e) {
          if (failsTask(e)) faults.workflowTaskFailed((e as Error)?.message ?? String(e));
          throw e;
        }
      },
    },
  ],
});
