// Account administration by the SWV admin: list, create, disable/enable with versions, password
// reset; every other role is refused. Accounts created here carry a run tag in their username.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { Client, expectFieldError, expectProblem, expectStatus, testConventionsOfAllResponses } from './lib/api.mjs';
import { assertSchema } from './lib/schema.mjs';
import { clientFor, firstAccount, runTag } from './lib/world.mjs';

let admin;
let school;
let otherSchool;
const tag = runTag().toLowerCase().replace(/[^a-z0-9]/g, '');
const password = 'Lange-Zin-Voor-Test-1';

before(async () => {
  admin = await clientFor(firstAccount('swv_admin'));
  const schools = expectStatus(await admin.get('/organisations?kind=school'), 200, 'schools').items;
  [school, otherSchool] = schools;
});

async function create(overrides = {}) {
  const body = {
    username: `ib.${tag}.${Math.floor(Math.random() * 1e9)}`,
    displayName: 'Ilse Test',
    role: 'school_coordinator',
    password,
    organisationIds: [school.id],
    ...overrides,
  };
  return { body, res: await admin.post('/users', body) };
}

async function loginStatus(username, pw) {
  const c = new Client(username);
  return (await c.post('/session', { username, password: pw })).status;
}

test('the admin lists every account, filtered by role and search', async () => {
  const all = expectStatus(await admin.get('/users'), 200, 'GET /users');
  await assertSchema(all, 'UserAccountList', 'GET /users');
  assert.ok(all.items.length >= 10, 'the demo region has many accounts');
  const consultants = expectStatus(await admin.get('/users?role=swv_consultant'), 200, 'by role').items;
  assert.ok(consultants.length > 0 && consultants.every((u) => u.role === 'swv_consultant'), 'role filter');
  assert.ok(consultants.some((u) => u.linkedSchools.length > 0), 'consultants show their linked schools');
  const one = consultants[0];
  const found = expectStatus(await admin.get(`/users?q=${encodeURIComponent(one.username.toUpperCase())}`), 200, 'q').items;
  assert.ok(found.some((u) => u.id === one.id), 'search is case-insensitive on the username');
  expectProblem(await admin.get('/users?role=directeur'), 400, 'bad-request', 'unknown role');
});

test('every role other than the admin gets 403 on the account endpoints', async () => {
  for (const role of ['school_coordinator', 'swv_consultant', 'attendance_officer', 'teacher']) {
    const c = await clientFor(firstAccount(role));
    expectProblem(await c.get('/users'), 403, 'forbidden', `${role} GET /users`);
    expectProblem(await c.post('/users', { username: `x.${tag}`, displayName: 'X', role: 'teacher', password, organisationIds: [school.id] }),
      403, 'forbidden', `${role} POST /users`);
  }
});

test('create: 201 with Location, memberships, version 1; the new account can log in', async () => {
  const { body, res } = await create();
  const account = expectStatus(res, 201, 'POST /users');
  await assertSchema(account, 'UserAccount', 'POST /users');
  assert.equal(account.username, body.username);
  assert.equal(account.role, 'school_coordinator');
  assert.equal(account.disabled, false);
  assert.equal(account.version, 1);
  assert.deepEqual(account.organisations.map((o) => o.id), [school.id]);
  assert.ok(res.headers.get('location')?.endsWith(`/users/${account.id}`), 'Location names the account');
  assert.equal(await loginStatus(body.username, password), 201, 'new account logs in');
});

test('create refuses bad input field by field', async () => {
  const { body } = await create();
  expectFieldError(await admin.post('/users', { ...body }), 'username', ['duplicate'], 'username taken');
  expectFieldError((await create({ username: 'Hoofd Letters' })).res, 'username', ['invalid-value'], 'bad characters');
  expectFieldError((await create({ password: 'kort' })).res, 'password', ['too-short'], 'short password');
  expectFieldError((await create({ role: 'directeur' })).res, 'role', ['invalid-value'], 'unknown role');
  expectFieldError((await create({ organisationIds: [] })).res, 'organisationIds', ['required'], 'no organisation');
  expectFieldError((await create({ organisationIds: ['00000000-0000-4000-8000-000000000000'] })).res,
    'organisationIds', ['invalid-value'], 'unknown organisation');
  expectFieldError((await create({ linkedSchoolIds: [otherSchool.id] })).res, 'linkedSchoolIds', ['invalid-value'],
    'linked schools for a coordinator');
  expectFieldError((await create({ extra: 1 })).res, 'extra', ['unknown-field'], 'unknown field');
  expectProblem(await admin.post('/users', 'nope', { contentType: 'application/json' }), 400, 'invalid-json', 'not JSON');
});

test('a consultant is created with linked schools', async () => {
  const { res } = await create({ role: 'swv_consultant', linkedSchoolIds: [school.id, otherSchool.id] });
  const account = expectStatus(res, 201, 'consultant');
  assert.deepEqual(account.linkedSchools.map((o) => o.id).sort(), [school.id, otherSchool.id].sort());
});

test('disable and enable need the current version; disabling ends login', async () => {
  const { body, res } = await create();
  const account = expectStatus(res, 201, 'create');
  expectProblem(await admin.patch(`/users/${account.id}`, { disabled: true }), 428, 'precondition-required', 'no If-Match');
  const disabled = expectStatus(await admin.patch(`/users/${account.id}`, { disabled: true }, { headers: { 'if-match': '"1"' } }),
    200, 'disable');
  assert.equal(disabled.disabled, true);
  assert.equal(disabled.version, 2);
  assert.equal(await loginStatus(body.username, password), 401, 'a disabled account cannot log in');
  const stale = await admin.patch(`/users/${account.id}`, { disabled: false }, { headers: { 'if-match': '"1"' } });
  expectProblem(stale, 412, 'version-conflict', 'stale version');
  assert.equal(stale.json.current.version, 2, 'the conflict shows the current account');
  expectFieldError(await admin.patch(`/users/${account.id}`, { disabled: 'ja' }, { headers: { 'if-match': '"2"' } }),
    'disabled', ['invalid-type'], 'disabled must be a boolean');
  expectStatus(await admin.patch(`/users/${account.id}`, { disabled: false }, { headers: { 'if-match': '"2"' } }), 200, 'enable');
  assert.equal(await loginStatus(body.username, password), 201, 'enabled again');
});

test('the admin cannot disable their own account', async () => {
  const me = expectStatus(await admin.get(`/users?q=${admin.user.username}`), 200, 'me').items.find((u) => u.id === admin.user.id);
  expectFieldError(await admin.patch(`/users/${me.id}`, { disabled: true }, { headers: { 'if-match': `"${me.version}"` } }),
    'disabled', ['invalid-value'], 'self-disable');
});

test('a new password ends sessions; the old one stops working', async () => {
  const { body, res } = await create();
  const account = expectStatus(res, 201, 'create');
  const session = new Client(body.username);
  await session.login({ username: body.username, password });
  expectFieldError(await admin.put(`/users/${account.id}/password`, { password: 'kort' }), 'password', ['too-short'], 'short');
  expectStatus(await admin.put(`/users/${account.id}/password`, { password: 'Een-Nieuw-Wachtwoord-2' }), 204, 'reset');
  expectProblem(await session.get('/session'), 401, 'unauthenticated', 'the old session has ended');
  assert.equal(await loginStatus(body.username, password), 401, 'old password');
  assert.equal(await loginStatus(body.username, 'Een-Nieuw-Wachtwoord-2'), 201, 'new password');
  expectProblem(await admin.put('/users/00000000-0000-4000-8000-000000000000/password', { password: 'Een-Nieuw-Wachtwoord-2' }),
    404, 'not-found', 'unknown account');
});

testConventionsOfAllResponses();
