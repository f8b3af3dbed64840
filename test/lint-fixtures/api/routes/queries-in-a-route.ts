// A route that reads the database itself instead of through a read-model or command. (Typed
// locally: importing knex here would send dependency-cruiser through node_modules.)
interface Query {
  where(c: Record<string, unknown>): { first(): Promise<unknown> };
}
type Db = ((table: string) => Query) & { raw(sql: string): Promise<unknown> };

export async function handler(db: Db): Promise<unknown> {
  const row = await db('households').where({ id: 1 }).first();
  await db.raw('SELECT 1');
  return row;
}
