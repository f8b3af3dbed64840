import {
  bundleWorkflowCode,
  NativeConnection,
  Worker,
  type InjectedSinks,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import { fileURLToPath } from 'node:url';
import { createActivities, type ActivityDeps } from '../activities/index.js';
import { parseWorkflowId } from '../domain/stuck.js';
import { raiseAlert } from '../db/workflow-alerts.js';
import type { FaultSinks } from '../workflows/fault-interceptors.js';
import { reportActivityFaults } from './fault-reporter.js';
import { failFastOnDataErrors } from './permanent-errors.js';

export const workflowsPath = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));
export const workflowInterceptorsPath = fileURLToPath(new URL('../workflows/fault-interceptors.ts', import.meta.url));

/** Bundles the workflow code once (with the fault interceptor); the result is reused by every worker of the process. */
export function bundleWorkflows(path = workflowsPath): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({
    workflowsPath: path,
    workflowInterceptorModules: [workflowInterceptorsPath],
    logger: { trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error, log() {} },
  });
}

export interface ShequWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  deps: ActivityDeps;
  workflowBundle: { code: string } | { codePath: string };
  identity?: string;
  /** The deployment's workflow id prefix, to tell a case's kind from its id in fault reports. */
  idPrefix?: string;
}

/** Records a workflow task failure reported by the bundle's interceptor as an alert for supervisors. */
export function faultSinks(deps: ActivityDeps, idPrefix = ''): InjectedSinks<FaultSinks> {
  return {
    faults: {
      workflowTaskFailed: {
        callDuringReplay: false,
        fn: (info, message) =>
          void raiseAlert(
            deps.db,
            {
              workflowId: info.workflowId,
              reason: 'failing_workflow_task',
              kind: parseWorkflowId(info.workflowId, idPrefix)?.kind ?? null,
              lastError: message,
              detail: `${info.workflowType} @ ${info.taskQueue}`,
            },
            {
              message: `流程代码出错，流程停滞：${info.workflowId}（${message.slice(0, 200)}） (workflow task failing)`,
            },
          ).catch((e) => console.warn(`[worker] could not record a workflow task failure: ${(e as Error).message}`)),
      },
    },
  };
}

export function createShequWorker(o: ShequWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: o.connection,
    namespace: o.namespace,
    taskQueue: o.taskQueue,
    workflowBundle: o.workflowBundle,
    activities: createActivities(o.deps),
    // The reporter wraps the classifier (first is outermost), so it sees a data error as final.
    interceptors: { activity: [reportActivityFaults(o.deps.db, o.idPrefix ?? ''), failFastOnDataErrors()] },
    sinks: faultSinks(o.deps, o.idPrefix),
    // No eager activities: under load the dev server's eager dispatch sometimes lost a started
    // attempt, and the step then waited out its start-to-close timeout (a minute) before the
    // retry (seen in the load bench: 6 of 11 runs). Through the task queue they never stall.
    maxEagerActivityReservationsPerWorkflowTask: 0,
    ...(o.identity ? { identity: o.identity } : {}),
    // Drain in-flight activities on SIGTERM before the process exits.
    shutdownGraceTime: '10 seconds',
  });
}
