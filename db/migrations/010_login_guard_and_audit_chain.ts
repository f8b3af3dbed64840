import type { Knex } from 'knex';

// Login guard: failed sign-ins counted per account and per client address (api/auth/login-guard.ts).
//
// Audit chain: each audit event carries the hash of the one before it, so rewriting or removing
// a row (by someone able to switch off the append-only trigger) shows up in `npm run audit:verify`.
// The hash is computed in PostgreSQL by one function, audit_event_hash, used by the insert
// trigger and by the verifier alike, so the two can never disagree about the canonical form.

// Only audit inserts take this lock; the demo seed uses 7423001.
const CHAIN_LOCK = 7423010;

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('login_guards', (t) => {
    t.text('scope').notNullable(); // 'account' (lower-cased username, existing or not) or 'address'
    t.text('key').notNullable();
    t.integer('failures').notNullable().defaultTo(0);
    t.timestamp('first_failure_at', { useTz: true });
    t.timestamp('locked_until', { useTz: true });
    t.primary(['scope', 'key']);
  });
  await knex.raw(`ALTER TABLE login_guards ADD CONSTRAINT login_guards_scope CHECK (scope IN ('account', 'address'))`);

  await knex.raw(`
    ALTER TABLE audit_events ADD COLUMN chain_seq bigint, ADD COLUMN prev_hash text, ADD COLUMN hash text;

    -- The canonical text is a jsonb array (jsonb::text has one spelling per value). The time is
    -- written in UTC so the session's TimeZone cannot change it; before/after are wrapped in an
    -- array so a JSON null and an SQL NULL hash differently.
    CREATE FUNCTION audit_event_hash(e audit_events) RETURNS text LANGUAGE sql STABLE AS $$
      SELECT encode(sha256(convert_to(jsonb_build_array(
        e.chain_seq, e.prev_hash, e.id,
        to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        e.actor_id, e.actor_username, e.action, e.entity_type, e.entity_id, e.org_unit_id,
        CASE WHEN e.before IS NULL THEN NULL ELSE jsonb_build_array(e.before) END,
        CASE WHEN e.after IS NULL THEN NULL ELSE jsonb_build_array(e.after) END,
        e.request_id
      )::text, 'UTF8')), 'hex')
    $$;

    -- Chained at commit, not at insert: a deferred trigger takes the chain lock only when the
    -- transaction has done all its work, so audit writers never hold it while they wait for a
    -- row another writer holds (no deadlock), and queue on it only for the moment of commit.
    -- The chain follows commit order; the lock makes the head read here the committed one.
    CREATE FUNCTION audit_events_chain() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      head record;
      e audit_events;
    BEGIN
      PERFORM pg_advisory_xact_lock(${CHAIN_LOCK});
      SELECT chain_seq, hash INTO head FROM audit_events WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1;
      SELECT * INTO e FROM audit_events WHERE id = NEW.id;
      e.chain_seq := coalesce(head.chain_seq, 0) + 1;
      e.prev_hash := head.hash;
      e.hash := audit_event_hash(e);
      UPDATE audit_events SET chain_seq = e.chain_seq, prev_hash = e.prev_hash, hash = e.hash WHERE id = NEW.id;
      RETURN NULL;
    END $$;

    -- Append-only still, but for the one write the chain makes: filling an unchained event's
    -- chain columns, every other column unchanged.
    CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'UPDATE' AND OLD.chain_seq IS NULL AND NEW.chain_seq IS NOT NULL AND NEW.hash IS NOT NULL
         AND (OLD.id, OLD.at, OLD.actor_id, OLD.actor_username, OLD.action, OLD.entity_type, OLD.entity_id, OLD.org_unit_id, OLD.before, OLD.after, OLD.request_id)
             IS NOT DISTINCT FROM
             (NEW.id, NEW.at, NEW.actor_id, NEW.actor_username, NEW.action, NEW.entity_type, NEW.entity_id, NEW.org_unit_id, NEW.before, NEW.after, NEW.request_id) THEN
        RETURN NEW;
      END IF;
      RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
    END $$;

    -- Chain what exists, in id order. The append-only trigger is off only inside this migration's
    -- transaction, which also holds the table's exclusive lock from the ALTER above.
    ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete;
    DO $$
    DECLARE
      r audit_events;
      prev text;
      seq bigint := 0;
    BEGIN
      FOR r IN SELECT * FROM audit_events ORDER BY id LOOP
        seq := seq + 1;
        r.chain_seq := seq;
        r.prev_hash := prev;
        r.hash := audit_event_hash(r);
        UPDATE audit_events SET chain_seq = r.chain_seq, prev_hash = r.prev_hash, hash = r.hash WHERE id = r.id;
        prev := r.hash;
      END LOOP;
    END $$;
    ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete;

    ALTER TABLE audit_events
      ADD CONSTRAINT audit_events_chain_seq_key UNIQUE (chain_seq),
      ADD CONSTRAINT audit_events_chain_genesis CHECK ((chain_seq = 1) = (prev_hash IS NULL));

    CREATE CONSTRAINT TRIGGER audit_events_chain AFTER INSERT ON audit_events
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_events_chain();
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TRIGGER audit_events_chain ON audit_events;
    DROP FUNCTION audit_events_chain();
    CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
    END $fn$;
    DROP FUNCTION audit_event_hash(audit_events);
    ALTER TABLE audit_events
      DROP CONSTRAINT audit_events_chain_genesis,
      DROP CONSTRAINT audit_events_chain_seq_key,
      DROP COLUMN hash,
      DROP COLUMN prev_hash,
      DROP COLUMN chain_seq;
  `);
  await knex.schema.dropTable('login_guards');
}
