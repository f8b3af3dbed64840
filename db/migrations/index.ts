import type { Knex } from 'knex';
import * as m001 from './001_org_units_and_users.js';
import * as m002 from './002_audit_events.js';
import * as m003 from './003_idempotency_keys.js';
import * as m004 from './004_benefit_applications.js';
import * as m005 from './005_benefit_case.js';
import * as m006 from './006_disbursement.js';
import * as m007 from './007_referrals.js';
import * as m008 from './008_volunteers.js';
import * as m009 from './009_supervision.js';
import * as m010 from './010_login_guard_and_audit_chain.js';
import * as m011 from './011_pii_encryption.js';
import * as m012 from './012_employment_income.js';
import * as m014 from './014_matching_rules.js';
import * as m015 from './015_home_visits.js';

// Add each new migration here, in order. Names are what knex records in knex_migrations.
const migrations: Record<string, Knex.Migration> = {
  '001_org_units_and_users': m001,
  '002_audit_events': m002,
  '003_idempotency_keys': m003,
  '004_benefit_applications': m004,
  '005_benefit_case': m005,
  '006_disbursement': m006,
  '007_referrals': m007,
  '008_volunteers': m008,
  '009_supervision': m009,
  '010_login_guard_and_audit_chain': m010,
  '011_pii_encryption': m011,
  '012_employment_income': m012,
  '014_matching_rules': m014,
  '015_home_visits': m015,
};

export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations),
  getMigrationName: (name) => name,
  getMigration: async (name) => migrations[name],
};
