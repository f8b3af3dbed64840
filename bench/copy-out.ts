import pg from 'pg';

// `COPY (…) TO STDOUT` with the plain `pg` driver: its Query already receives the CopyData
// messages and drops them, so a subclass that keeps them is all pg-copy-streams would add here.

class CopyOut extends pg.Query {
  chunks: Buffer[] = [];
  handleCopyData(msg: { chunk: Buffer }) {
    // The chunk is a view into the driver's read buffer, which the next packet may overwrite.
    this.chunks.push(Buffer.from(msg.chunk));
  }
}

export function copyOut(client: pg.Client | pg.PoolClient, sql: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const q = new CopyOut(sql);
    // A submittable query reports through its callback, not a promise.
    (q as unknown as { callback: (err: Error | null) => void }).callback = (err) =>
      err ? reject(err) : resolve(Buffer.concat(q.chunks));
    client.query(q as never);
  });
}
