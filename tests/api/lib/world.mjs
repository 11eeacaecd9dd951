// The demo world as the tests find it: accounts from EENPLAN_ACCOUNTS (written by
// `eenplan demo --accounts-out FILE`), logged-in clients, and pupils in known relations to users,
// discovered through the API itself (never from the database).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Client } from './api.mjs';

export const ROLES = [
  'swv_admin', 'swv_consultant', 'school_coordinator', 'teacher', 'orthopedagogue',
  'attendance_officer', 'municipality_consultant', 'care_provider',
];
/** Roles that may edit any dossier they fully see (others only as case lead). */
export const EDITOR_ROLES = ['school_coordinator', 'swv_consultant', 'orthopedagogue'];

let accountsCache = null;

/** All demo accounts: [{username, password, role, organisation}]. */
export function accounts() {
  if (accountsCache) return accountsCache;
  const file = process.env.EENPLAN_ACCOUNTS;
  assert.ok(file, 'set EENPLAN_ACCOUNTS to the JSON file written by `eenplan demo --accounts-out FILE`');
  let list;
  try {
    list = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    assert.fail(`EENPLAN_ACCOUNTS=${file}: cannot read it as JSON: ${err.message}`);
  }
  assert.ok(Array.isArray(list) && list.length > 0, `EENPLAN_ACCOUNTS=${file}: expected a non-empty JSON array`);
  for (const a of list) {
    assert.ok(a && typeof a.username === 'string' && typeof a.password === 'string' && ROLES.includes(a.role),
      `EENPLAN_ACCOUNTS=${file}: bad entry ${JSON.stringify(a)}`);
  }
  for (const role of ROLES) {
    assert.ok(list.some((a) => a.role === role), `EENPLAN_ACCOUNTS=${file}: no account with role ${role}`);
  }
  accountsCache = list;
  return list;
}

/**
 * The account that zz-throttle.test.mjs locks out with failed logins: the last care_provider in
 * the file when there are several. No other test logs it in, so a lock-out (15 minutes) never
 * spills into other tests or re-runs. With a single care_provider the throttle test uses an
 * unknown username instead (null here).
 */
export function throttleAccount() {
  const providers = accounts().filter((a) => a.role === 'care_provider');
  return providers.length >= 2 ? providers[providers.length - 1] : null;
}

/** Accounts of a role, without the throttle test's account. */
export function accountsOf(role) {
  const reserved = throttleAccount();
  return accounts().filter((a) => a.role === role && a !== reserved);
}

export function firstAccount(role) {
  const list = accountsOf(role);
  assert.ok(list.length > 0, `no usable account with role ${role}`);
  return list[0];
}

const clients = new Map();

/** A logged-in client for the account, one per account and test file. */
export async function clientFor(account) {
  if (!clients.has(account.username)) {
    clients.set(account.username, (async () => {
      const c = new Client(account.username);
      await c.login(account);
      return c;
    })());
  }
  return clients.get(account.username);
}

/** Forget a cached client (after a test logged it out). */
export function forgetClient(account) { clients.delete(account.username); }

/** A fresh, separately logged-in client (its own session), not cached. */
export async function freshClient(account) {
  const c = new Client(account.username);
  await c.login(account);
  return c;
}

/** GET a list endpoint and assert 200. */
export async function listPupils(client, query = {}) {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  const res = await client.get(`/pupils${qs ? `?${qs}` : ''}`);
  assert.equal(res.status, 200, `${client.label}: pupil list failed: ${res.describe()}`);
  return res.json;
}

/** Every pupil the client may see (all pages). */
export async function listAllPupils(client, query = {}) {
  const all = [];
  for (let page = 1; ; page++) {
    const body = await listPupils(client, { ...query, page, pageSize: 100 });
    all.push(...body.items);
    if (body.items.length === 0 || all.length >= body.total) return all;
    assert.ok(page < 1000, 'more than 1000 pages?');
  }
}

export async function getPupil(client, id, headers = {}) {
  const res = await client.get(`/pupils/${id}`, { headers });
  assert.equal(res.status, 200, `${client.label}: GET pupil ${id} failed: ${res.describe()}`);
  return res.json;
}

/** The school organisation ref of a coordinator (its session's organisations). */
export function schoolOf(client) {
  const school = (client.user.organisations || []).find((o) => o.kind === 'school');
  assert.ok(school, `${client.label} has no school among its organisations: ${JSON.stringify(client.user.organisations)}`);
  return school;
}

/** The coordinator account of a school (by the school's name, as EENPLAN_ACCOUNTS records it). */
export function coordinatorAccountOf(schoolName) {
  return accountsOf('school_coordinator').find((a) => a.organisation === schoolName) || null;
}

/** A coordinator with at least `min` pupils, with its client and first page of pupils. */
export async function coordinatorWithPupils(min = 1, skip = 0) {
  let skipped = 0;
  for (const account of accountsOf('school_coordinator')) {
    const client = await clientFor(account);
    const page = await listPupils(client, { pageSize: 100 });
    if (page.total >= min) {
      if (skipped++ < skip) continue;
      return { account, client, school: schoolOf(client), page };
    }
  }
  assert.fail(`no school_coordinator sees at least ${min} pupils`);
}

/**
 * A full view of a pupil by someone who may edit it: the coordinator of its enrolment school
 * (or of its home school).
 */
export async function ownerView(summary) {
  for (const school of [summary.enrolmentSchool, summary.homeSchool]) {
    if (!school) continue;
    const account = coordinatorAccountOf(school.name);
    if (!account) continue;
    const client = await clientFor(account);
    const res = await client.get(`/pupils/${summary.id}`);
    if (res.status === 200) return { client, pupil: res.json };
  }
  assert.fail(`no coordinator of ${summary.enrolmentSchool.name} can read pupil ${summary.id}`);
}

/** Deterministic short random-looking tag for test data, unique per run. */
export function runTag() {
  return `api-test-${process.pid}-${Date.now().toString(36)}`;
}

/**
 * A pupil on whose case team an account of one of `roles` sits, as case lead (`lead: true`) or
 * as a plain member (`lead: false`), seen through that account. Scans each account's list (only
 * case-team pupils for roles without another relation), reading at most `budget` dossiers.
 * Returns null when none is found.
 */
export async function findMembership(roles, { lead, perAccount = 10, budget = 300, where = () => true } = {}) {
  let reads = 0;
  for (const role of roles) {
    for (const account of accountsOf(role)) {
      const client = await clientFor(account);
      const body = await listPupils(client, { pageSize: 100 });
      for (const summary of body.items.slice(0, perAccount)) {
        if (++reads > budget) return null; // bounded: a relation the demo lacks must not cost minutes
        const res = await client.get(`/pupils/${summary.id}`);
        assert.equal(res.status, 200, `${client.label} lists ${summary.id} but cannot read it: ${res.describe()}`);
        const pupil = res.json;
        const me = (pupil.caseTeam || []).find((m) => m.userId === client.user.id);
        if (!me || me.isCaseLead !== lead || !where(pupil, me)) continue;
        return { account, client, summary, pupil, member: me };
      }
    }
  }
  return null;
}
