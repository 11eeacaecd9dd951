// GET /pupils/{id}: body, ETag, and 404 for what the user may not see.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { etagVersion, expectProblem, expectStatus, testConventionsOfAllResponses } from './lib/api.mjs';
import { assertSchema } from './lib/schema.mjs';
import { clientFor, coordinatorWithPupils, firstAccount } from './lib/world.mjs';

test('a coordinator reads a pupil of their school: full scope, ETag = "version"', async () => {
  const { client, page } = await coordinatorWithPupils();
  const summary = page.items[0];
  const res = await client.get(`/pupils/${summary.id}`);
  const pupil = expectStatus(res, 200, 'GET pupil');
  await assertSchema(pupil, 'Pupil', 'GET /pupils/{id}');
  assert.equal(res.headers.get('etag'), `"${pupil.version}"`, 'ETag must be the quoted version');
  assert.equal(etagVersion(res), pupil.version);
  for (const k of Object.keys(summary)) {
    assert.deepEqual(pupil[k], summary[k], `pupil.${k} differs between the list and the dossier`);
  }
  assert.deepEqual(pupil.access, { scope: 'full', canEdit: true, canAddNotes: true, canEditCaseTeam: true },
    'a coordinator of the enrolment school has full, editable access, the case team included');
  for (const k of ['loadCapacity', 'careHistory', 'supportNeeds', 'factors', 'caseTeam', 'guardians']) {
    assert.ok(k in pupil, `full scope must include ${k}`);
  }
  const leads = pupil.caseTeam.filter((m) => m.isCaseLead);
  assert.ok(leads.length <= 1, `a case team has at most one case lead: ${JSON.stringify(pupil.caseTeam)}`);
  assert.ok(!/bsn|burgerservice|onderwijsnummer/i.test(Object.keys(pupil).join(' ')),
    'a pupil never carries a BSN or onderwijsnummer');
});

test("another school's pupil: 404 not-found (never 403)", async () => {
  const a = await coordinatorWithPupils(1, 0);
  const b = await coordinatorWithPupils(1, 1);
  const target = a.page.items.find((p) => p.enrolmentSchool.id === a.school.id &&
    (!p.homeSchool || p.homeSchool.id !== b.school.id));
  assert.ok(target, `no pupil of ${a.school.name} unrelated to ${b.school.name}`);
  const pupil = expectStatus(await a.client.get(`/pupils/${target.id}`), 200, 'owner view');
  assert.ok(!pupil.caseTeam.some((m) => m.userId === b.client.user.id), 'picked a pupil whose case team holds the other coordinator');
  expectProblem(await b.client.get(`/pupils/${target.id}`), 404, 'not-found', `coordinator of ${b.school.name} reading a pupil of ${a.school.name}`);
});

test('an unknown id is 404 not-found', async () => {
  const client = await clientFor(firstAccount('school_coordinator'));
  expectProblem(await client.get(`/pupils/${randomUUID()}`), 404, 'not-found', 'random UUID');
  expectProblem(await client.get('/pupils/00000000-0000-0000-0000-000000000000'), 404, 'not-found', 'nil UUID');
});

test('a malformed id is 404 not-found, never 400 or 500', async () => {
  const client = await clientFor(firstAccount('school_coordinator'));
  for (const id of ['abc', '123', 'not-a-uuid-at-all-0000000000000000', '%27%20OR%201%3D1--', '..%2F..%2Fetc%2Fpasswd',
    `${randomUUID()}x`, 'x'.repeat(2000)]) {
    expectProblem(await client.get(`/pupils/${id}`), 404, 'not-found', `GET /pupils/${id.slice(0, 40)}`);
  }
});

test('swv_admin never reads a dossier: 404', async () => {
  const { page } = await coordinatorWithPupils();
  const admin = await clientFor(firstAccount('swv_admin'));
  expectProblem(await admin.get(`/pupils/${page.items[0].id}`), 404, 'not-found', 'swv_admin GET pupil');
});

testConventionsOfAllResponses();
