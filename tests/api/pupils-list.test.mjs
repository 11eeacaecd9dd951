// GET /pupils: paging, bounds, search, filters, sorting, and who sees what.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectProblem, expectStatus, testConventionsOfAllResponses } from './lib/api.mjs';
import { assertSchema } from './lib/schema.mjs';
import {
  accountsOf, clientFor, coordinatorWithPupils, firstAccount, listAllPupils, listPupils, ownerView,
} from './lib/world.mjs';

const key = (p) => `${p.familyName}\u0000${p.givenName}`;
/** True when the names are in order under one of the orderings a database may reasonably use. */
function sortedByName(items) {
  const keys = items.map(key);
  const orderings = [
    (a, b) => (a < b ? -1 : a > b ? 1 : 0), // binary
    (a, b) => { const x = a.toLowerCase(); const y = b.toLowerCase(); return x < y ? -1 : x > y ? 1 : 0; }, // case-insensitive
    (a, b) => a.localeCompare(b, 'nl'), // locale
  ];
  return orderings.some((cmp) => keys.every((k, i) => i === 0 || cmp(keys[i - 1], k) <= 0));
}

test('a coordinator lists the pupils of their school: defaults, schema, sort order', async () => {
  const { client, school } = await coordinatorWithPupils(2);
  const res = await client.get('/pupils');
  const body = expectStatus(res, 200, 'GET /pupils');
  await assertSchema(body, 'PupilPage', 'GET /pupils');
  assert.equal(body.page, 1, 'default page');
  assert.equal(body.pageSize, 25, 'default pageSize');
  assert.equal(body.items.length, Math.min(25, body.total), 'items on page 1');
  for (const p of body.items) {
    if (p.enrolmentSchool.id === school.id || (p.homeSchool && p.homeSchool.id === school.id)) continue;
    const { pupil } = await ownerView(p);
    assert.ok(pupil.caseTeam.some((m) => m.userId === client.user.id),
      `coordinator of ${school.name} lists a pupil of another school without being on its case team: ${JSON.stringify(p)}`);
  }
  assert.ok(sortedByName(body.items), `not sorted by familyName, givenName: ${body.items.map((p) => `${p.familyName}, ${p.givenName}`).join(' | ')}`);
});

test('paging: pages are consecutive slices, total is stable, past the end is empty', async () => {
  const { client, page: first } = await coordinatorWithPupils(12);
  const total = first.total;
  const big = await listPupils(client, { page: 1, pageSize: 20 });
  const p1 = await listPupils(client, { page: 1, pageSize: 10 });
  const p2 = await listPupils(client, { page: 2, pageSize: 10 });
  assert.equal(p2.page, 2, 'page echoed');
  assert.equal(p2.pageSize, 10, 'pageSize echoed');
  for (const b of [big, p1, p2]) assert.equal(b.total, total, 'total must not depend on paging');
  assert.deepEqual([...p1.items, ...p2.items].map((p) => p.id), big.items.map((p) => p.id),
    'page 1 + page 2 of 10 must equal page 1 of 20');
  const last = Math.ceil(total / 10);
  const beyond = await listPupils(client, { page: last + 1, pageSize: 10 });
  assert.deepEqual(beyond.items, [], 'a page past the end has no items');
  assert.equal(beyond.total, total, 'total on a page past the end');
  const one = await listPupils(client, { pageSize: 1 });
  assert.equal(one.items.length, 1, 'pageSize=1');
  const hundred = await listPupils(client, { pageSize: 100 });
  assert.equal(hundred.items.length, Math.min(100, total), 'pageSize=100');
});

test('bad paging parameters: 400 bad-request', async () => {
  const client = await clientFor(firstAccount('school_coordinator'));
  for (const qs of ['pageSize=0', 'pageSize=101', 'pageSize=abc', 'pageSize=-1', 'pageSize=1.5', 'pageSize=',
    'page=0', 'page=-1', 'page=abc']) {
    expectProblem(await client.get(`/pupils?${qs}`), 400, 'bad-request', `GET /pupils?${qs}`);
  }
  const huge = await client.get('/pupils?page=99999999999999999999');
  assert.ok([200, 400].includes(huge.status), `a page number beyond 64 bits must be 400 or an empty page, got ${huge.describe()}`);
  if (huge.status === 200) assert.deepEqual(huge.json.items, [], 'a page past the end has no items');
});

test('bad filters: 400 bad-request', async () => {
  const client = await clientFor(firstAccount('school_coordinator'));
  expectProblem(await client.get('/pupils?status=graduated'), 400, 'bad-request', 'status=graduated');
  expectProblem(await client.get('/pupils?schoolId=not-a-uuid'), 400, 'bad-request', 'schoolId=not-a-uuid');
  expectProblem(await client.get(`/pupils?q=${'x'.repeat(101)}`), 400, 'bad-request', 'q of 101 characters');
});

test('q: case-insensitive substring of given name, family name or pupil number', async () => {
  const { client, page } = await coordinatorWithPupils(5);
  const target = page.items[Math.floor(page.items.length / 2)];
  const probes = [
    target.familyName.slice(1, 4).toUpperCase(),
    target.givenName.toLowerCase(),
    target.schoolPupilNumber,
    target.schoolPupilNumber.slice(-4),
  ];
  for (const q of probes) {
    const hits = await listAllPupils(client, { q });
    assert.ok(hits.some((p) => p.id === target.id), `q=${JSON.stringify(q)} does not find ${target.givenName} ${target.familyName} (${target.schoolPupilNumber})`);
    for (const p of hits) {
      const hay = [p.givenName, p.familyName, p.schoolPupilNumber].join('\u0000').toLowerCase();
      assert.ok(hay.includes(q.toLowerCase()), `q=${JSON.stringify(q)} returned a pupil that does not match: ${JSON.stringify(p)}`);
    }
  }
  assert.equal((await listPupils(client, { q: 'zzqqxxnotaname' })).total, 0, 'a q that matches nothing');
  for (const q of ['%', '_', "'", '\\']) {
    const body = await listPupils(client, { q });
    for (const p of body.items) {
      const hay = [p.givenName, p.familyName, p.schoolPupilNumber].join(' ');
      assert.ok(hay.includes(q), `q=${JSON.stringify(q)} must match literally (no SQL wildcards), got ${JSON.stringify(p)}`);
    }
  }
});

test('status filter: each status partitions the list', async () => {
  const { client, page } = await coordinatorWithPupils(5);
  let sum = 0;
  for (const status of ['enrolled', 'not_enrolled', 'exempted', 'left']) {
    const body = await listPupils(client, { status, pageSize: 100 });
    for (const p of body.items) assert.equal(p.status, status, `status=${status} returned ${JSON.stringify(p)}`);
    sum += body.total;
  }
  assert.equal(sum, page.total, 'the four status filters must add up to the unfiltered total');
});

test('schoolId filter: only pupils enrolled at that school', async () => {
  const consultant = await clientFor(firstAccount('swv_consultant'));
  const all = await listAllPupils(consultant);
  assert.ok(all.length > 0, 'the first swv_consultant sees no pupils: are consultants linked to schools in the demo?');
  const schoolIds = [...new Set(all.map((p) => p.enrolmentSchool.id))];
  const schoolId = schoolIds[0];
  const filtered = await listAllPupils(consultant, { schoolId });
  assert.ok(filtered.length > 0, `schoolId=${schoolId} returned nothing`);
  for (const p of filtered) assert.equal(p.enrolmentSchool.id, schoolId, `schoolId filter leaked ${JSON.stringify(p)}`);
  assert.equal(filtered.length, all.filter((p) => p.enrolmentSchool.id === schoolId).length, 'schoolId filter count');
  const none = await listPupils(consultant, { schoolId: '00000000-0000-4000-8000-000000000000' });
  assert.equal(none.total, 0, 'an unknown schoolId matches nothing');
});

test('swv_admin may not list pupils: 403 forbidden', async () => {
  const admin = await clientFor(firstAccount('swv_admin'));
  expectProblem(await admin.get('/pupils'), 403, 'forbidden', 'swv_admin GET /pupils');
});

test('a teacher lists only pupils whose case team they are on', async () => {
  let checked = 0;
  for (const account of accountsOf('teacher').slice(0, 4)) {
    const teacher = await clientFor(account);
    const body = await listPupils(teacher, { pageSize: 100 });
    for (const p of body.items.slice(0, 3)) {
      const { pupil } = await ownerView(p);
      assert.ok(pupil.caseTeam.some((m) => m.userId === teacher.user.id),
        `${teacher.label} lists ${p.givenName} ${p.familyName} (${p.id}) but is not on the case team ${JSON.stringify(pupil.caseTeam.map((m) => m.displayName))}`);
      checked++;
    }
  }
  assert.ok(checked > 0, 'no teacher in the first four is on any case team: the demo should give teachers case-team pupils');
});

test('coordinators of different schools see disjoint lists, except shared home-school pupils', async () => {
  const a = await coordinatorWithPupils(1, 0);
  const b = await coordinatorWithPupils(1, 1);
  const idsA = new Set((await listAllPupils(a.client)).map((p) => p.id));
  const listB = await listAllPupils(b.client);
  for (const p of listB) {
    if (!idsA.has(p.id)) continue;
    const schools = [p.enrolmentSchool.id, p.homeSchool && p.homeSchool.id];
    assert.ok(schools.includes(a.school.id) && schools.includes(b.school.id),
      `${p.id} is in the lists of ${a.school.name} and ${b.school.name} without being enrolled at one and home to the other`);
  }
});

testConventionsOfAllResponses();
