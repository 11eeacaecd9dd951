// Leerplicht (attendance_officer): pupils of their municipality with access.scope "attendance".
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { expectProblem, expectStatus, testConventionsOfAllResponses } from './lib/api.mjs';
import { assertSchema } from './lib/schema.mjs';
import { accountsOf, clientFor, listPupils, ownerView } from './lib/world.mjs';

const HIDDEN = ['loadCapacity', 'careHistory', 'supportNeeds', 'factors', 'caseTeam'];
let officer;
let municipalityIds;
let summary; // a pupil the officer sees with scope attendance
let res; // its GET response

before(async () => {
  for (const account of accountsOf('attendance_officer')) {
    const client = await clientFor(account);
    const page = await listPupils(client, { pageSize: 100 });
    for (const s of page.items.slice(0, 20)) {
      const r = await client.get(`/pupils/${s.id}`);
      assert.equal(r.status, 200, `${client.label} lists ${s.id} but cannot read it: ${r.describe()}`);
      if (r.json.access && r.json.access.scope === 'attendance') {
        officer = client;
        summary = s;
        res = r;
        municipalityIds = client.user.organisations.filter((o) => o.kind === 'municipality').map((o) => o.id);
        return;
      }
    }
  }
});

test('an attendance officer sees pupils of their municipality', async () => {
  assert.ok(officer, 'no attendance_officer sees any pupil with scope "attendance": are officers members of a municipality in the demo?');
  assert.ok(municipalityIds.length > 0, `${officer.label} has no municipality among ${JSON.stringify(officer.user.organisations)}`);
  assert.ok(res.json.municipality && municipalityIds.includes(res.json.municipality.id),
    `${officer.label} (municipalities ${municipalityIds}) sees a pupil of municipality ${JSON.stringify(res.json.municipality)}`);
});

test('scope "attendance": no support needs, factors, case team, load capacity or care history in the JSON', async () => {
  assert.ok(officer, 'no attendance-scope pupil found (see previous test)');
  const pupil = res.json;
  await assertSchema(pupil, 'Pupil', 'GET /pupils/{id} with attendance scope');
  assert.deepEqual(pupil.access, { scope: 'attendance', canEdit: false, canAddNotes: false, canEditCaseTeam: false }, 'access');
  for (const k of HIDDEN) assert.ok(!(k in pupil), `attendance scope must omit "${k}", got ${String(JSON.stringify(pupil[k])).slice(0, 100)}`);
  for (const k of HIDDEN) assert.ok(!res.text.includes(`"${k}"`), `"${k}" appears somewhere in the body`);
  assert.ok(Array.isArray(pupil.guardians), 'guardians are present with attendance scope');
  assert.equal(res.headers.get('etag'), `"${pupil.version}"`, 'ETag');
});

test('scope "attendance": PATCH 403 forbidden; notes and audit refused (403 or 404)', async () => {
  assert.ok(officer, 'no attendance-scope pupil found (see first test)');
  const pupil = res.json;
  const patch = await officer.patch(`/pupils/${pupil.id}`, { givenName: pupil.givenName }, { headers: { 'if-match': `"${pupil.version}"` } });
  expectProblem(patch, 403, 'forbidden', 'attendance officer PATCH');
  // The contract says notes need full scope but not which status a viewer without it gets:
  // 403 forbidden (may view, not this) or 404 not-found (notes not visible). Either is accepted.
  for (const r of [
    await officer.get(`/pupils/${pupil.id}/notes`),
    await officer.post(`/pupils/${pupil.id}/notes`, { body: 'leerplicht mag geen notities maken' }),
    await officer.get(`/pupils/${pupil.id}/audit`),
  ]) {
    assert.ok(r.status === 403 || r.status === 404, `expected 403 or 404, got ${r.describe()}`);
    expectProblem(r, r.status, r.status === 403 ? 'forbidden' : 'not-found');
  }
  const { client: owner } = await ownerView(summary);
  const notes = expectStatus(await owner.get(`/pupils/${pupil.id}/notes`), 200, 'owner notes');
  assert.ok(!notes.items.some((n) => n.body === 'leerplicht mag geen notities maken'), 'the refused note was stored');
});

test('the officer list holds only pupils of their municipality (or of their case teams)', async () => {
  assert.ok(officer, 'no attendance-scope pupil found (see first test)');
  const page = await listPupils(officer, { pageSize: 10 });
  for (const s of page.items) {
    const r = await officer.get(`/pupils/${s.id}`);
    const p = expectStatus(r, 200, `${officer.label} GET listed pupil`);
    if (p.access.scope === 'attendance') {
      assert.ok(p.municipality && municipalityIds.includes(p.municipality.id), `listed pupil ${s.id} of another municipality`);
    } else {
      assert.ok(p.caseTeam.some((m) => m.userId === officer.user.id), `full scope on ${s.id} without being on its case team`);
    }
  }
});

testConventionsOfAllResponses();
