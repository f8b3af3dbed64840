import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../api/app.js';
import { loadEnv } from '../config/env.js';
import { benchDatabase, loginToken } from './database.js';
import { runLoad } from './load.js';
import { ratiosOf, summarise, type BenchResult } from './report.js';

// `npm run bench -- lists`: the scoped, filtered, paged list (GET /api/applications, the
// caseworker's busiest screen) against the floor of an authenticated request that lists
// nothing (GET /api/auth/me), through the real API and PostgreSQL. Temporal is not involved.

export async function listsBench(args: {
  applications?: number;
  requests?: number;
  concurrency?: number;
}): Promise<BenchResult> {
  const params = {
    applications: args.applications ?? 5000,
    requests: args.requests ?? 2000,
    concurrency: args.concurrency ?? 16,
  };
  const { db, url, stop } = await benchDatabase('lists');

  try {
    const communities = await db('org_units as c')
      .join('org_units as s', 's.id', 'c.parent_id')
      .where('c.kind', 'community')
      .select('c.id', 's.id as street_id');
    const streetOf = new Map<number, number>(communities.map((c) => [c.id, c.street_id]));
    const submitter = await db('users').where({ username: 'caseworker1' }).first('id');
    for (let start = 0; start < params.applications; start += 500) {
      await db.transaction(async (trx) => {
        const n = Math.min(500, params.applications - start);
        const households = await trx('households')
          .insert(
            Array.from({ length: n }, (_, i) => ({
              head_name: `户主${start + i}`,
              address: '测试路',
              community_id: communities[(start + i) % communities.length].id,
              category: 'ABC'[(start + i) % 3],
            })),
          )
          .returning(['id', 'community_id']);
        await trx('applications').insert(
          households.map((h, i) => ({
            household_id: h.id,
            community_id: h.community_id,
            street_id: streetOf.get(h.community_id),
            stage: ['verifying', 'community_review', 'street_review'][(start + i) % 3],
            workflow_id: `bench-${start + i}`,
            submitted_by: submitter.id,
          })),
        );
      });
    }
    await db.raw('ANALYZE');

    const env = loadEnv({ DATABASE_URL: url, TEMPORAL_ADDRESS: '127.0.0.1:1' });
    const temporal = new Client({ connection: Connection.lazy({ address: env.TEMPORAL_ADDRESS! }) });
    const { app } = createApp({ db, temporal, env, version: 'bench' });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const tokens = {
      caseworker: await loginToken(base, 'caseworker1'),
      supervisor: await loginToken(base, 'supervisor1'),
    };

    const expectedTotal = Number((await db('applications').where('stage', 'street_review').count())[0].count);
    let totalsMatch = true;
    const list = (i: number) => {
      // Alternate a district-wide supervisor view and a community-scoped caseworker view.
      const supervisor = i % 2 === 0;
      const filter = supervisor ? { stage: 'street_review' } : {};
      const q = `sort=${encodeURIComponent('["createdAt","DESC"]')}&range=${encodeURIComponent(`[${(i % 4) * 25},${(i % 4) * 25 + 24}]`)}&filter=${encodeURIComponent(JSON.stringify(filter))}`;
      return fetch(`${base}/api/applications?${q}`, {
        headers: { authorization: `Bearer ${supervisor ? tokens.supervisor : tokens.caseworker}` },
      }).then(async (r) => {
        await r.arrayBuffer();
        if (supervisor && Number(r.headers.get('content-range')?.split('/')[1]) !== expectedTotal) totalsMatch = false;
        return r.ok;
      });
    };
    const floor = (i: number) =>
      fetch(`${base}/api/auth/me`, {
        headers: { authorization: `Bearer ${i % 2 === 0 ? tokens.supervisor : tokens.caseworker}` },
      }).then(async (r) => {
        await r.arrayBuffer();
        return r.ok;
      });

    await runLoad({ total: 200, concurrency: params.concurrency, request: list }); // warm-up
    await runLoad({ total: 200, concurrency: params.concurrency, request: floor });
    const base1 = await runLoad({ total: params.requests, concurrency: params.concurrency, request: floor });
    const measured = await runLoad({ total: params.requests, concurrency: params.concurrency, request: list });
    server.closeAllConnections();
    server.close();

    const metrics = summarise(measured.latencies, measured.elapsedMs, measured.errors);
    const baseline = summarise(base1.latencies, base1.elapsedMs, base1.errors);
    return {
      bench: 'lists',
      params,
      metrics,
      baseline,
      ratios: ratiosOf(metrics, baseline),
      invariants: { no_errors: metrics.errors === 0 && baseline.errors === 0, totals_match: totalsMatch },
    };
  } finally {
    await stop();
  }
}
