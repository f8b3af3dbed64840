import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../api/app.js';
import { loadEnv } from '../config/env.js';
import { idCheckChar } from '../domain/id-number.js';
import { provisionTemporalCli } from '../scripts/temporal-cli.js';
import { startDevServer } from '../scripts/temporal-dev-server.js';
import { freePort, stopChild } from '../scripts/processes.js';
import { benchDatabase, loginToken } from './database.js';
import { runLoad } from './load.js';
import { round2, summarise, type BenchResult } from './report.js';

// `npm run bench -- intake`: N applications through POST /api/applications at concurrency C,
// each starting its benefit-<id> workflow on a real Temporal dev server with a real worker
// process running the cases meanwhile. The floor is the same API path writing the same rows without
// starting a workflow. Invariant: every application of the measured run has its workflow
// running (its first activity has marked the row).

const idOf = (i: number) => {
  const first17 = `321202${19500101 + (i % 28)}${String(i % 1000).padStart(3, '0')}`.slice(0, 17);
  return first17 + idCheckChar(first17);
};

export async function intakeBench(args: { applications?: number; concurrency?: number }): Promise<BenchResult> {
  const params = { applications: args.applications ?? 2000, concurrency: args.concurrency ?? 32 };
  const { db, url, stop } = await benchDatabase('intake');
  const cli = await provisionTemporalCli(() => undefined);
  const temporalServer = await startDevServer(
    { cliPath: cli.path, port: await freePort(), namespace: 'default' },
    90_000,
  );
  const env = loadEnv({ DATABASE_URL: url, TEMPORAL_ADDRESS: temporalServer.address });
  const connection = await Connection.connect({ address: temporalServer.address });
  const temporal = new Client({ connection });
  // The worker is its own process, as in production: it competes for the two cores, not for
  // the API's event loop.
  const worker = spawn(process.execPath, ['--import', 'tsx', 'worker/main.ts'], {
    env: { ...process.env, DATABASE_URL: url, TEMPORAL_ADDRESS: temporalServer.address, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });

  const serve = async (startWorkflows: boolean) => {
    const { app } = createApp({ db, temporal, env, version: 'bench', startWorkflows });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  };
  const ours = await serve(true);
  const floorApi = await serve(false);
  const communities = await db('org_units').where({ kind: 'community' }).orderBy('id').limit(13).pluck('id'); // 城东街道's communities: a street reviewer's load
  const supervisorToken = await loginToken(ours.base, 'supervisor1');

  let counter = 0;
  const created: number[] = [];
  const post = (base: string, keep: boolean) => async () => {
    const i = counter++;
    const body = {
      headName: `申请人${i}`,
      address: '海陵区东风路88号',
      communityId: communities[i % communities.length],
      category: 'ABC'[i % 3],
      members: [
        { name: `申请人${i}`, idNumber: idOf(2 * i), relation: 'head', monthlyIncomeFen: 30000 + (i % 500) * 100 },
        { name: `家属${i}`, idNumber: idOf(2 * i + 1), relation: 'spouse', monthlyIncomeFen: 0 },
      ],
    };
    const r = await fetch(`${base}/api/applications`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${supervisorToken}`,
        'content-type': 'application/json',
        'idempotency-key': `bench-${i}`,
      },
      body: JSON.stringify(body),
    });
    const json = (await r.json()) as { id: number };
    if (keep && r.status === 201) created.push(json.id);
    return r.status === 201;
  };

  try {
    await runLoad({ total: 100, concurrency: params.concurrency, request: post(floorApi.base, false) }); // warm-up
    const floor = await runLoad({
      total: params.applications,
      concurrency: params.concurrency,
      request: post(floorApi.base, false),
    });
    const measured = await runLoad({
      total: params.applications,
      concurrency: params.concurrency,
      request: post(ours.base, true),
    });

    // Each workflow's first activity stamps workflow_started_at: all of them, within two minutes.
    const deadline = Date.now() + 120_000;
    let started = 0;
    while (Date.now() < deadline) {
      started = Number(
        (await db('applications').whereIn('id', created).whereNotNull('workflow_started_at').count())[0].count,
      );
      if (started === created.length) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const shape = (s: ReturnType<typeof summarise>) => ({
      per_s: s.ops_per_s,
      p50_ms: s.p50_ms,
      p95_ms: s.p95_ms,
      p99_ms: s.p99_ms,
      errors: s.errors,
    });
    const metrics = shape(summarise(measured.latencies, measured.elapsedMs, measured.errors));
    const baseline = shape(summarise(floor.latencies, floor.elapsedMs, floor.errors));
    return {
      bench: 'intake',
      params,
      metrics,
      baseline,
      ratios: { per_s: round2(baseline.per_s / metrics.per_s), p99_ms: round2(metrics.p99_ms / baseline.p99_ms) },
      invariants: {
        all_started: created.length === params.applications && started === created.length,
        no_errors: metrics.errors === 0 && baseline.errors === 0,
      },
    };
  } finally {
    for (const s of [ours.server, floorApi.server]) {
      s.closeAllConnections();
      s.close();
    }
    await stopChild(worker);
    await connection.close();
    await temporalServer.stop();
    await stop();
  }
}
