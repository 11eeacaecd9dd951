// The thuiszitter register: who sees it, the clock, registration rules and bad input, versions,
// close-only rows, escalations, candidates, the SWV overview and the anonymised inspectie CSV.
// Cases registered here are closed again at the end, so re-runs find pupils without an open case.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  etagVersion, expectFieldError, expectProblem, expectStatus, testConventionsOfAllResponses,
} from './lib/api.mjs';
import { assertSchema } from './lib/schema.mjs';
import { accountsOf, clientFor, firstAccount, listAllPupils } from './lib/world.mjs';

const DAY = 24 * 3600 * 1000;
const iso = (d) => d.toISOString().slice(0, 10);
const addDays = (isoDate, days) => iso(new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY));
const today = () => iso(new Date(Date.now() + 3600 * 1000)); // Amsterdam is ahead of UTC

let consultant; // the SWV consultant who sees most cases
let cases;      // their open cases
let fresh;      // a pupil of theirs without an open case, registered by these tests
const registered = [];

before(async () => {
  let best = null;
  for (const account of accountsOf('swv_consultant')) {
    const client = await clientFor(account);
    const res = await client.get('/homebound-cases');
    expectStatus(res, 200, `${client.label}: register`);
    if (!best || res.json.items.length > best.items.length) best = { client, items: res.json.items };
  }
  assert.ok(best && best.items.length > 0, 'the demo region has open thuiszitter cases for some SWV consultant');
  consultant = best.client;
  cases = best.items;
  const open = new Set(cases.map((c) => c.pupil.id));
  const pupils = await listAllPupils(consultant, { status: 'enrolled' });
  fresh = pupils.find((p) => !open.has(p.id));
  assert.ok(fresh, 'an enrolled pupil without an open case');
});

after(async () => {
  for (const c of registered) {
    const now = await consultant.get(`/homebound-cases/${c}`);
    if (now.status === 200 && now.json.state === 'open') {
      await consultant.post(`/homebound-cases/${c}/closure`, { closedOn: today(), reason: 'returned' },
        { headers: { 'if-match': `"${now.json.version}"` } });
    }
  }
});

async function register(body) {
  const res = await consultant.post('/homebound-cases', body);
  if (res.status === 201) registered.push(res.json.id);
  return res;
}

test('the register validates against the contract and every clock follows the 12-week rule', async () => {
  const res = await consultant.get('/homebound-cases');
  const body = expectStatus(res, 200, 'GET /homebound-cases');
  await assertSchema(body, 'HomeboundCaseList', 'GET /homebound-cases');
  assert.equal(body.settings.legalDeadlineWeeks, 12);
  for (const c of body.items) {
    assert.equal(c.clock.legalDeadline, addDays(c.clock.firstDay, 84), `${c.id}: deadline is 12 weeks after the first day`);
    assert.equal(c.clock.target, addDays(c.clock.firstDay, 7 * body.settings.targetWeeks), `${c.id}: region target`);
    if (c.category === 'absolute' || c.category === 'relative_long') {
      const expected = c.clock.daysToTarget < 0 ? 'overdue'
        : c.clock.daysToTarget < 7 * body.settings.atRiskWeeks ? 'at_risk' : 'on_track';
      assert.equal(c.clock.status, expected, `${c.id}: status for ${c.clock.daysToTarget} days to target`);
    } else {
      assert.equal(c.clock.status, 'not_applicable', `${c.id}: ${c.category} has no clock`);
    }
    if (c.category === 'exemption') assert.ok(c.contactName.length > 0, 'every vrijstelling names a contact person');
  }
});

test('the demo register holds every category and clock status across the region', async () => {
  const seen = new Set();
  for (const account of accountsOf('swv_consultant')) {
    const client = await clientFor(account);
    const body = expectStatus(await client.get('/homebound-cases?state=all'), 200, 'all states');
    for (const c of body.items) { seen.add(c.category); seen.add(c.clock.status); }
  }
  for (const want of ['absolute', 'relative_long', 'exemption', 'at_risk', 'on_track', 'at_risk', 'overdue', 'closed']) {
    assert.ok(seen.has(want), `demo has ${want}`);
  }
});

test('filters: category, clock status and state narrow the list; unknown values are 400', async () => {
  const body = expectStatus(await consultant.get('/homebound-cases?category=exemption'), 200, 'category');
  assert.ok(body.items.every((c) => c.category === 'exemption'));
  const closed = expectStatus(await consultant.get('/homebound-cases?state=closed'), 200, 'closed');
  assert.ok(closed.items.every((c) => c.state === 'closed' && c.clock.status === 'closed'));
  expectProblem(await consultant.get('/homebound-cases?category=thuiszitter'), 400, 'bad-request', 'unknown category');
  expectProblem(await consultant.get('/homebound-cases?clockStatus=late'), 400, 'bad-request', 'unknown clock status');
  expectProblem(await consultant.get('/homebound-cases?schoolId=x'), 400, 'bad-request', 'bad school id');
});

test('one case with its escalations and ETag', async () => {
  const res = await consultant.get(`/homebound-cases/${cases[0].id}`);
  const body = expectStatus(res, 200, 'GET case');
  await assertSchema(body, 'HomeboundCase', 'GET /homebound-cases/{id}');
  assert.ok(Array.isArray(body.escalations));
  assert.equal(etagVersion(res), body.version);
});

test('SWV admin and roles without the register get 403; a case you may not see is 404', async () => {
  const admin = await clientFor(firstAccount('swv_admin'));
  expectProblem(await admin.get('/homebound-cases'), 403, 'forbidden', 'swv_admin list');
  expectProblem(await admin.get(`/homebound-cases/${cases[0].id}`), 404, 'not-found', 'swv_admin case');
  const teacher = await clientFor(firstAccount('teacher'));
  expectProblem(await teacher.get('/homebound-cases'), 403, 'forbidden', 'teacher list');
  expectProblem(await consultant.get('/homebound-cases/00000000-0000-4000-8000-000000000000'), 404, 'not-found', 'unknown id');
  expectProblem(await consultant.get('/homebound-cases/not-a-uuid'), 404, 'not-found', 'malformed id');
});

test('leerplicht sees the cases of its municipality, and another municipality answers 404', async () => {
  const target = cases.find((c) => c.pupil.municipality);
  assert.ok(target, 'a case with a municipality');
  let own = null; let other = null;
  for (const account of accountsOf('attendance_officer')) {
    const client = await clientFor(account);
    const member = (client.user.organisations || []).some((o) => o.id === target.pupil.municipality.id);
    if (member && !own) own = client;
    if (!member && !other) other = client;
  }
  assert.ok(own && other, 'officers of the pupil\'s and of another municipality');
  const seen = expectStatus(await own.get(`/homebound-cases/${target.id}`), 200, 'own municipality');
  assert.equal(seen.id, target.id);
  const list = expectStatus(await own.get('/homebound-cases'), 200, 'officer list');
  assert.ok(list.items.every((c) => c.pupil.municipality && (own.user.organisations || []).some((o) => o.id === c.pupil.municipality.id)),
    'an officer lists only pupils of their municipality');
  expectProblem(await other.get(`/homebound-cases/${target.id}`), 404, 'not-found', 'other municipality');
  expectProblem(await other.patch(`/homebound-cases/${target.id}`, { offerNote: 'x' }, { headers: { 'if-match': `"${seen.version}"` } }),
    404, 'not-found', 'other municipality PATCH');
});

test('deleting is impossible: DELETE answers 405 and the case stays', async () => {
  const res = await consultant.delete(`/homebound-cases/${cases[0].id}`);
  expectProblem(res, 405, 'method-not-allowed', 'DELETE case');
  expectStatus(await consultant.get(`/homebound-cases/${cases[0].id}`), 200, 'still there');
});

test('bad input: invalid dates, first day in the future, unknown category and fields, missing pupil', async () => {
  const base = { pupilId: fresh.id, category: 'at_risk', firstDay: addDays(today(), -3) };
  expectFieldError(await register({ ...base, firstDay: '2026-02-30' }), 'firstDay', 'invalid-date', 'impossible date');
  expectFieldError(await register({ ...base, firstDay: '01-12-2026' }), 'firstDay', 'invalid-date', 'Dutch notation');
  expectFieldError(await register({ ...base, firstDay: addDays(today(), 2) }), 'firstDay', 'out-of-range', 'future first day');
  expectFieldError(await register({ ...base, category: 'thuiszitter' }), 'category', 'invalid-value', 'unknown category');
  expectFieldError(await register({ ...base, colour: 'red' }), 'colour', 'unknown-field', 'unknown field');
  expectFieldError(await register({ category: 'at_risk', firstDay: base.firstDay }), 'pupilId', 'required', 'no pupil');
  expectFieldError(await register({ ...base, reviewOn: 'soon' }), 'reviewOn', 'invalid-date', 'bad review date');
  expectProblem(await register({ ...base, pupilId: '00000000-0000-4000-8000-000000000000' }), 404, 'not-found', 'unknown pupil');
  expectProblem(await consultant.post('/homebound-cases', '{', { json: undefined, body: '{', contentType: 'application/json' }),
    400, 'invalid-json', 'broken JSON');
});

test('category rules: long relative absence needs more than 4 weeks; absolute needs not enrolled; a vrijstelling needs kind, contact and review date', async () => {
  expectFieldError(await register({ pupilId: fresh.id, category: 'relative_long', firstDay: addDays(today(), -10) }),
    'firstDay', 'out-of-range', 'LRV after 10 days');
  expectFieldError(await register({ pupilId: fresh.id, category: 'absolute', firstDay: addDays(today(), -40) }),
    'category', 'invalid-value', 'absolute for an enrolled pupil');
  const res = await register({ pupilId: fresh.id, category: 'exemption', firstDay: addDays(today(), -40) });
  expectFieldError(res, 'exemptionKind', 'required', 'exemption without kind');
  expectFieldError(res, 'contactName', 'required', 'exemption without contact');
  expectFieldError(res, 'reviewOn', 'required', 'exemption without review date');
});

test('register by hand, change with If-Match (428, 412), escalate, close: the clock stops and the row stays', async () => {
  const created = await register({ pupilId: fresh.id, category: 'at_risk', firstDay: addDays(today(), -3), offer: 'none',
    offerNote: 'Registratie door de API-test' });
  const c = expectStatus(created, 201, 'register');
  await assertSchema(c, 'HomeboundCase', 'POST /homebound-cases');
  assert.equal(c.state, 'open');
  assert.equal(c.source, 'manual');
  assert.equal(c.clock.status, 'not_applicable');
  assert.match(created.headers.get('location') || '', new RegExp(`/api/v1/homebound-cases/${c.id}$`));

  expectFieldError(await register({ pupilId: fresh.id, category: 'at_risk', firstDay: addDays(today(), -3) }),
    'pupilId', 'duplicate', 'second open case');

  const path = `/homebound-cases/${c.id}`;
  expectProblem(await consultant.patch(path, { offer: 'care_only' }), 428, 'precondition-required', 'PATCH without If-Match');
  const changed = expectStatus(await consultant.patch(path, { offer: 'care_only', contactName: 'Fenna Dijkstra' },
    { headers: { 'if-match': `"${c.version}"` } }), 200, 'PATCH');
  assert.equal(changed.version, c.version + 1);
  assert.equal(changed.offer, 'care_only');
  const stale = await consultant.patch(path, { offer: 'other' }, { headers: { 'if-match': `"${c.version}"` } });
  const problem = expectProblem(stale, 412, 'version-conflict', 'stale If-Match');
  await assertSchema(problem, 'HomeboundVersionConflictProblem', '412 body');
  assert.equal(problem.current.version, changed.version);
  expectFieldError(await consultant.patch(path, { category: 'relative_long' }, { headers: { 'if-match': `"${changed.version}"` } }),
    'category', 'out-of-range', 'LRV after 3 days');

  const escalated = await consultant.post(`${path}/escalations`, { forum: 'taskforce', escalatedOn: today(),
    outcome: 'Casusonderzoek gestart', bindingDecision: 'Bindend geplaatst (API-test)' });
  const withEscalation = expectStatus(escalated, 201, 'escalation');
  assert.equal(withEscalation.escalations.at(-1).bindingDecision, 'Bindend geplaatst (API-test)');
  expectFieldError(await consultant.post(`${path}/escalations`, { forum: 'placement_meeting', escalatedOn: today(), bindingDecision: 'x' }),
    'bindingDecision', 'invalid-value', 'binding decision outside the Taskforce');
  expectFieldError(await consultant.post(`${path}/escalations`, { forum: 'taskforce', escalatedOn: addDays(today(), 1) }),
    'escalatedOn', 'out-of-range', 'escalation in the future');

  const closure = (body, version) => consultant.post(`${path}/closure`, body, { headers: { 'if-match': `"${version}"` } });
  expectFieldError(await closure({ closedOn: today(), reason: 'placed' }, changed.version), 'placement', 'required', 'placed without where');
  expectFieldError(await closure({ closedOn: addDays(today(), 1), reason: 'returned' }, changed.version), 'closedOn', 'out-of-range', 'future');
  expectProblem(await closure({ closedOn: today(), reason: 'returned' }, c.version), 412, 'version-conflict', 'stale closure');
  const closed = expectStatus(await closure({ closedOn: today(), reason: 'placed', placement: 'Het Kompas' }, changed.version), 200, 'close');
  assert.equal(closed.state, 'closed');
  assert.equal(closed.clock.status, 'closed');
  assert.equal(closed.clock.resolvedWithinDeadline, true);
  expectFieldError(await closure({ closedOn: today(), reason: 'returned' }, closed.version), 'state', 'invalid-value', 'close twice');
  expectFieldError(await consultant.patch(path, { offer: 'none' }, { headers: { 'if-match': `"${closed.version}"` } }),
    'state', 'invalid-value', 'change a closed case');
  const kept = expectStatus(await consultant.get(`${path}`), 200, 'closed case is kept');
  assert.equal(kept.closeNote, 'Het Kompas');
});

test('candidates from the absence data validate and are not already in the register', async () => {
  const open = new Set();
  for (const account of accountsOf('swv_consultant')) {
    const client = await clientFor(account);
    const body = expectStatus(await client.get('/homebound-candidates'), 200, 'candidates');
    await assertSchema(body, 'HomeboundCandidateList', 'GET /homebound-candidates');
    const reg = expectStatus(await client.get('/homebound-cases'), 200, 'register');
    for (const c of reg.items) open.add(c.pupil.id);
    for (const c of body.items) {
      assert.ok(!open.has(c.pupil.id), 'a candidate has no open case');
      assert.ok(c.firstDay <= c.lastDay && c.lastDay <= today());
      const days = (Date.parse(c.lastDay) - Date.parse(c.firstDay)) / DAY + 1;
      assert.equal(c.suggestedCategory, days > 28 ? 'relative_long' : 'at_risk', `${days} days absent`);
    }
  }
  const admin = await clientFor(firstAccount('swv_admin'));
  expectProblem(await admin.get('/homebound-candidates'), 403, 'forbidden', 'swv_admin candidates');
  expectFieldError(await consultant.post('/homebound-candidates/dismissals', { pupilId: fresh.id, firstDay: today() }),
    'reason', 'required', 'dismissal without a reason');
});

test('SWV overview: counts only, for the SWV consultant only', async () => {
  const body = expectStatus(await consultant.get('/homebound-overview'), 200, 'overview');
  await assertSchema(body, 'HomeboundOverview', 'GET /homebound-overview');
  assert.equal(body.months.length, 12);
  assert.ok(body.resolvedWithinDeadline <= body.resolvedTotal);
  const coordinator = await clientFor(firstAccount('school_coordinator'));
  expectProblem(await coordinator.get('/homebound-overview'), 403, 'forbidden', 'coordinator overview');
});

test('inspectie CSV: anonymised rows, closed ones stay in; bad quarter is 400', async () => {
  const res = await consultant.get('/homebound-registration');
  assert.equal(res.status, 200, res.describe());
  assert.match(res.headers.get('content-type') || '', /^text\/csv/);
  const lines = res.text.trim().split(/\r\n/);
  assert.equal(lines[0], 'rijsleutel;categorie;subcategorie;vrijstelling;eerste_dag;duur;schoolsoort;aanbod;stand;klokstatus;afgesloten_op;reden_afsluiting');
  assert.ok(lines.length > 1, 'rows');
  const rows = lines.slice(1).map((l) => l.split(';'));
  assert.ok(rows.every((r) => r.length === 12 && /^[0-9a-f]{16}$/.test(r[0])), 'twelve columns and a row key');
  assert.ok(rows.some((r) => r[8] === 'closed'), 'closed cases stay in the quarter');
  for (const c of cases) {
    assert.ok(!res.text.includes(c.pupil.familyName) || c.pupil.familyName.length < 4, 'no names in the registration');
    assert.ok(!res.text.includes(c.pupil.id), 'no pupil ids');
  }
  const keys = (text) => text.trim().split(/\r\n/).slice(1).map((l) => l.split(';')[0]).sort();
  const again = await consultant.get('/homebound-registration');
  assert.deepEqual(keys(again.text), keys(res.text), 'row keys are stable between downloads');
  assert.equal(new Set(keys(res.text)).size, rows.length, 'row keys are unique');
  expectProblem(await consultant.get('/homebound-registration?quarter=2026-5'), 400, 'bad-request', 'bad quarter');
  const coordinator = await clientFor(firstAccount('school_coordinator'));
  expectProblem(await coordinator.get('/homebound-registration'), 403, 'forbidden', 'coordinator CSV');
});

test('pupils carry year group and level', async () => {
  const res = await consultant.get(`/pupils/${fresh.id}`);
  const body = expectStatus(res, 200, 'pupil');
  await assertSchema(body, 'Pupil', 'GET /pupils/{id}');
  assert.ok(body.yearGroup === null || (body.yearGroup >= 1 && body.yearGroup <= 8));
  assert.equal(typeof body.level, 'string');
});

test('absence trends per quarter, level and year group: the school\'s coordinator and linked consultant only', async () => {
  const body = expectStatus(await consultant.get('/absence-trends'), 200, 'trends');
  await assertSchema(body, 'AbsenceTrends', 'GET /absence-trends');
  assert.ok(body.schools.some((s) => s.id === body.school.id), 'the chosen school is one of the user\'s');
  for (const r of body.rows) assert.match(r.quarter, /^\d{4}-Q[1-4]$/);
  const other = await clientFor(accountsOf('swv_consultant').find((a) => a.username !== consultant.account.username));
  const theirs = expectStatus(await other.get('/absence-trends'), 200, 'other consultant');
  const foreign = theirs.schools.find((s) => !body.schools.some((m) => m.id === s.id));
  if (foreign) expectProblem(await consultant.get(`/absence-trends?schoolId=${foreign.id}`), 404, 'not-found', 'unlinked school');
  expectProblem(await consultant.get('/absence-trends?schoolId=nope'), 400, 'bad-request', 'bad school id');
  const admin = await clientFor(firstAccount('swv_admin'));
  expectProblem(await admin.get('/absence-trends'), 403, 'forbidden', 'swv_admin trends');
  const officer = await clientFor(firstAccount('attendance_officer'));
  expectProblem(await officer.get('/absence-trends'), 403, 'forbidden', 'leerplicht trends');
});

testConventionsOfAllResponses();
