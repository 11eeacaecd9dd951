// The region's thuiszitter settings: who reads and who changes them, versions and their history,
// bad values named by field, stale versions, and the clock following the region's own target.
// The settings are put back to what they were at the end, as a new version (nothing is deleted).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  etagVersion, expectFieldError, expectProblem, expectStatus, testConventionsOfAllResponses,
} from './lib/api.mjs';
import { assertSchema } from './lib/schema.mjs';
import { clientFor, firstAccount } from './lib/world.mjs';

const FIELDS = ['targetWeeks', 'atRiskWeeks', 'relativeThresholdWeeks', 'threateningWeeks',
  'minUnauthorisedHours', 'dataLagSchoolDays'];
const valuesOf = (s) => Object.fromEntries(FIELDS.map((f) => [f, s[f]]));

let admin;
let consultant;
let original;

before(async () => {
  admin = await clientFor(firstAccount('swv_admin'));
  consultant = await clientFor(firstAccount('swv_consultant'));
  original = expectStatus(await admin.get('/homebound-settings'), 200, 'GET as beheerder');
});

after(async () => {
  const now = await admin.get('/homebound-settings');
  if (now.status !== 200) return;
  const differs = FIELDS.some((f) => now.json[f] !== original[f]);
  if (differs) {
    await admin.put('/homebound-settings', { ...valuesOf(original), reason: 'Teruggezet na de API-tests' },
      { headers: { 'if-match': `"${now.json.version}"` } });
  }
});

test('the settings validate against the contract; the legal deadline is 12 weeks and not a setting', async () => {
  await assertSchema(original, 'HomeboundSettings', 'GET /homebound-settings');
  assert.equal(original.legalDeadlineWeeks, 12);
  assert.equal(original.mayEdit, true, 'the SWV-beheerder may change them');
  assert.ok(original.targetWeeks >= 1 && original.targetWeeks <= 12);
  const asConsultant = expectStatus(await consultant.get('/homebound-settings'), 200, 'GET as consultant');
  assert.equal(asConsultant.mayEdit, false);
  assert.equal(asConsultant.version, original.version);
});

test('who may not see the register may not read its settings, and only the beheerder changes them', async () => {
  const teacher = await clientFor(firstAccount('teacher'));
  expectProblem(await teacher.get('/homebound-settings'), 403, 'forbidden', 'teacher');
  const res = await consultant.put('/homebound-settings', { ...valuesOf(original), reason: 'Probeer' },
    { headers: { 'if-match': `"${original.version}"` } });
  expectProblem(res, 403, 'forbidden', 'PUT as consultant');
});

test('a change is a new version with its reason; the old one stays in the history', async () => {
  const target = original.targetWeeks === 8 ? 9 : 8;
  const res = await admin.put('/homebound-settings',
    { ...valuesOf(original), targetWeeks: target, atRiskWeeks: 2, reason: 'Regionale afspraak: sneller plaatsen' },
    { headers: { 'if-match': `"${original.version}"` } });
  const body = expectStatus(res, 200, 'PUT');
  await assertSchema(body, 'HomeboundSettings', 'PUT /homebound-settings');
  assert.equal(body.version, original.version + 1);
  assert.equal(etagVersion(res), body.version);
  assert.equal(body.targetWeeks, target);
  assert.equal(body.reason, 'Regionale afspraak: sneller plaatsen');
  assert.ok(body.changedBy && body.changedBy.displayName);
  assert.equal(body.history[0].version, body.version);
  assert.equal(body.history.length, original.history.length + 1, 'every version is kept');

  // The register's clocks follow the new target; the legal deadline does not move.
  const list = expectStatus(await consultant.get('/homebound-cases'), 200, 'register');
  assert.equal(list.settings.targetWeeks, target);
  for (const c of list.items.filter((i) => i.clock.status !== 'not_applicable').slice(0, 20)) {
    const first = Date.parse(`${c.clock.firstDay}T00:00:00Z`);
    assert.equal(Date.parse(`${c.clock.target}T00:00:00Z`) - first, target * 7 * 86400000, `target of ${c.id}`);
    assert.equal(Date.parse(`${c.clock.legalDeadline}T00:00:00Z`) - first, 12 * 7 * 86400000, `deadline of ${c.id}`);
  }

  // A stale version is refused with the current settings, and changes nothing.
  const stale = await admin.put('/homebound-settings', { ...valuesOf(original), reason: 'Oude versie' },
    { headers: { 'if-match': `"${original.version}"` } });
  const problem = expectProblem(stale, 412, 'version-conflict', 'stale PUT');
  assert.equal(problem.current.version, body.version);
  const now = expectStatus(await admin.get('/homebound-settings'), 200, 'GET after');
  assert.equal(now.version, body.version);
});

test('nonsense is refused field by field, and nothing is stored', async () => {
  const current = expectStatus(await admin.get('/homebound-settings'), 200, 'GET');
  const headers = { 'if-match': `"${current.version}"` };
  const put = (body) => admin.put('/homebound-settings', body, { headers });
  expectFieldError(await put({ ...valuesOf(current), targetWeeks: 13, reason: 'x' }), 'targetWeeks', ['out-of-range']);
  expectFieldError(await put({ ...valuesOf(current), atRiskWeeks: current.targetWeeks, reason: 'x' }), 'atRiskWeeks',
    ['out-of-range']);
  expectFieldError(await put({ ...valuesOf(current), threateningWeeks: current.relativeThresholdWeeks + 1, reason: 'x' }),
    'threateningWeeks', ['out-of-range']);
  expectFieldError(await put({ ...valuesOf(current), reason: '' }), 'reason', ['required', 'too-short']);
  expectFieldError(await put({ ...valuesOf(current), targetWeeks: '10', reason: 'x' }), 'targetWeeks', ['invalid-type']);
  expectFieldError(await put({ ...valuesOf(current), legalDeadlineWeeks: 14, reason: 'x' }), 'legalDeadlineWeeks',
    ['unknown-field']);
  const { targetWeeks, ...missing } = valuesOf(current);
  assert.ok(targetWeeks);
  expectFieldError(await put({ ...missing, reason: 'x' }), 'targetWeeks', ['required']);
  expectProblem(await admin.put('/homebound-settings', { ...valuesOf(current), reason: 'x' }), 428,
    'precondition-required', 'no If-Match');
  const after = expectStatus(await admin.get('/homebound-settings'), 200, 'GET after');
  assert.equal(after.version, current.version, 'nothing was stored');
});

testConventionsOfAllResponses();
