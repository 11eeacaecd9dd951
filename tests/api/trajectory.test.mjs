// The education-care trajectory: templates, phase models, a provision filled up to its waiting
// list (capacity never exceeded), registrations step by step, and a maatwerk arrangement through
// route 1 to its start, extension and ending. Every refusal is checked to leave nothing behind.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { expectFieldError, expectProblem, expectStatus, testConventionsOfAllResponses } from './lib/api.mjs';
import { assertSchema } from './lib/schema.mjs';
import { accountsOf, clientFor, firstAccount, listPupils, runTag } from './lib/world.mjs';

const tag = runTag();
const iso = (d) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(d);
const today = iso(new Date());
const inDays = (n) => iso(new Date(Date.now() + n * 86400e3));
const ifMatch = (v) => ({ headers: { 'if-match': `"${v}"` } });

let consultant; // swv_consultant: runs provisions
let pupils = []; // pupils the consultant sees
let careProvider; // organisation id
let provision;

before(async () => {
  consultant = await clientFor(firstAccount('swv_consultant'));
  const page = await listPupils(consultant, { pageSize: 100 });
  pupils = page.items;
  assert.ok(pupils.length >= 8, 'the consultant sees at least 8 pupils');
  const orgs = expectStatus(await consultant.get('/organisations?kind=care_provider'), 200, 'care providers');
  careProvider = orgs.items[0].id;
});

test('GET arrangement-templates lists the shipped templates (no personal data)', async () => {
  const body = expectStatus(await consultant.get('/arrangement-templates'), 200, 'templates');
  await assertSchema(body, 'ArrangementTemplateList', 'GET /arrangement-templates');
  const codes = body.items.map((t) => t.code);
  for (const code of ['praktijkklas', 'docent-op-de-fiets', 'renn4-maatwerktraject', 'thuisdocent', 'team-ambulant', 'koesterklas', 'structuurgroep'])
    assert.ok(codes.includes(code), `template ${code}`);
});

test('phase models: list, get with ETag, PUT refuses a stale version and an invalid model, accepts a valid one', async () => {
  const list = expectStatus(await consultant.get('/phase-models'), 200, 'phase models');
  await assertSchema(list, 'PhaseModelList', 'GET /phase-models');
  assert.deepEqual(list.items.map((m) => m.id).sort(), ['ambelt', 'renn4', 'team-ambulant']);
  const res = await consultant.get('/phase-models/team-ambulant');
  const model = expectStatus(res, 200, 'GET model');
  await assertSchema(model, 'PhaseModel', 'GET /phase-models/{id}');
  const body = { name: model.name, source: model.source, phases: model.phases };
  expectProblem(await consultant.put('/phase-models/team-ambulant', body), 428, 'precondition-required');
  const stale = expectProblem(await consultant.put('/phase-models/team-ambulant', body, ifMatch(model.version + 5)), 412, 'version-conflict');
  await assertSchema(stale, 'PhaseModelVersionConflictProblem', 'stale PUT');
  const invalid = { ...body, phases: [{ ...model.phases[0], allowedPlaces: [] }] };
  expectProblem(await consultant.put('/phase-models/team-ambulant', invalid, ifMatch(model.version)), 422, 'phase-model-invalid');
  const saved = expectStatus(await consultant.put('/phase-models/team-ambulant', body, ifMatch(model.version)), 200, 'PUT');
  assert.equal(saved.version, model.version + 1);
  const coordinator = await clientFor(firstAccount('school_coordinator'));
  expectProblem(await coordinator.put('/phase-models/team-ambulant', body, ifMatch(saved.version)), 403, 'forbidden');
});

test('phase models: a phase that pupils are (or were) in cannot be removed', async () => {
  // A demo provision with a placed pupil in a phase names a model and a phase in use.
  const list = expectStatus(await consultant.get('/provisions'), 200, 'GET provisions');
  let inUse = null;
  for (const summary of list.items) {
    const view = expectStatus(await consultant.get(`/provisions/${summary.id}`), 200, 'GET provision');
    const placed = view.placed.find((p) => p.currentPhase && p.arrangementStatus === 'active');
    if (view.phaseModelId && placed) {
      inUse = { model: view.phaseModelId, phase: placed.currentPhase };
      break;
    }
  }
  assert.ok(inUse, 'a provision with a pupil in a phase');
  const model = expectStatus(await consultant.get(`/phase-models/${inUse.model}`), 200, 'GET model');
  const phases = model.phases.filter((p) => p.code !== inUse.phase);
  assert.equal(phases.length, model.phases.length - 1);
  const refused = expectProblem(
    await consultant.put(`/phase-models/${inUse.model}`, { name: model.name, source: model.source, phases }, ifMatch(model.version)),
    422, 'phase-in-use');
  assert.ok(refused.errors.some((e) => e.name === 'phases'), JSON.stringify(refused.errors));
  const after = expectStatus(await consultant.get(`/phase-models/${inUse.model}`), 200, 'GET model again');
  assert.equal(after.version, model.version, 'nothing saved');
  assert.deepEqual(after.phases.map((p) => p.code), model.phases.map((p) => p.code));
});

test('POST provisions: a Koesterklas for 4 pupils; fewer than 4 places is refused', async () => {
  const school = pupils[0].enrolmentSchool.id;
  const body = { templateCode: 'koesterklas', name: `Koesterklas ${tag}`, enrollingSchoolId: school, capacity: 4,
    providerOrganisationIds: [careProvider], start: today };
  expectProblem(await consultant.post('/provisions', { ...body, capacity: 3 }), 422, 'provision-too-small');
  expectFieldError(await consultant.post('/provisions', { ...body, templateCode: 'renn4-maatwerktraject' }), 'templateCode', 'invalid-value');
  const res = await consultant.post('/provisions', body);
  provision = expectStatus(res, 201, 'POST provision');
  await assertSchema(provision, 'Provision', 'POST /provisions');
  assert.equal(provision.freePlaces, 4);
  const list = expectStatus(await consultant.get('/provisions'), 200, 'GET provisions');
  await assertSchema(list, 'ProvisionList', 'GET /provisions');
  assert.ok(list.items.some((p) => p.id === provision.id));
});

async function register(pupil) {
  const reg = expectStatus(await consultant.post(`/provisions/${provision.id}/registrations`, {
    pupilId: pupil.id, channel: 'external', registeredBy: 'Wijkteam Zuid', registeredOn: today }), 201, 'register');
  await assertSchema(reg, 'Registration', 'POST registrations');
  assert.equal(reg.nextStep, 'decision');
  const decision = { admit: true, decidedOn: today, deciders: [{ role: 'cvb', personId: 'cvb-1' }, { role: 'municipality', personId: 'gem-1' }],
    reasoning: 'Past bij de doelgroep.' };
  const decided = expectStatus(await consultant.post(`/registrations/${reg.id}/decision`, decision, ifMatch(reg.version)), 200, 'decision');
  return decided;
}

test('registrations: a joint decision needs every decision role; admission fills the places, then the waiting list', async () => {
  const first = expectStatus(await consultant.post(`/provisions/${provision.id}/registrations`, {
    pupilId: pupils[0].id, channel: 'internal', registeredBy: 'SO De Atlas', registeredOn: today }), 201, 'register');
  expectProblem(await consultant.post(`/provisions/${provision.id}/registrations`, {
    pupilId: pupils[0].id, channel: 'internal', registeredBy: 'SO De Atlas', registeredOn: today }), 422, 'already-on-waiting-list');
  const incomplete = { admit: true, decidedOn: today, deciders: [{ role: 'cvb', personId: 'cvb-1' }] };
  expectProblem(await consultant.post(`/registrations/${first.id}/decision`, incomplete, ifMatch(first.version)), 422, 'joint-decision-incomplete');
  const stale = expectProblem(await consultant.post(`/registrations/${first.id}/admission`, {}, ifMatch(first.version + 3)), 412, 'version-conflict');
  await assertSchema(stale, 'RegistrationVersionConflictProblem', 'stale step');
  expectProblem(await consultant.post(`/registrations/${first.id}/admission`, {}, ifMatch(first.version)), 422, 'admission-decision-required');

  const observed = expectStatus(await consultant.post(`/registrations/${first.id}/observation`,
    { start: today, end: inDays(21), setting: 'fase-3-groep' }, ifMatch(first.version)), 200, 'observation');
  assert.equal(observed.status, 'in_observation');
  const decision = { admit: true, decidedOn: today, deciders: [{ role: 'cvb', personId: 'cvb-1' }, { role: 'municipality', personId: 'gem-1' }] };
  const unreasoned = expectProblem(await consultant.post(`/registrations/${first.id}/decision`, decision, ifMatch(observed.version)),
    422, 'decision-reasoning-required');
  assert.ok(unreasoned.errors.some((e) => e.name === 'reasoning'), 'names the field');
  const decided = expectStatus(await consultant.post(`/registrations/${first.id}/decision`,
    { ...decision, reasoning: 'Past bij de doelgroep.' }, ifMatch(observed.version)), 200, 'decision');
  assert.equal(decided.nextStep, 'intake_tasks');
  const me = consultant.user.id;
  expectProblem(await consultant.post(`/registrations/${first.id}/intake-tasks`,
    { intake: { kind: 'intake', ownerIds: [me], due: inDays(10) }, homeVisit: { kind: 'home_visit', ownerIds: [me], due: inDays(5) } },
    ifMatch(decided.version)), 422, 'home-visit-before-intake');
  const planned = expectStatus(await consultant.post(`/registrations/${first.id}/intake-tasks`,
    { intake: { kind: 'intake', ownerIds: [me], due: inDays(5) }, homeVisit: { kind: 'home_visit', ownerIds: [me], due: inDays(10) } },
    ifMatch(decided.version)), 200, 'intake tasks');
  assert.equal(planned.tasks.length, 2);
  const placed = expectStatus(await consultant.post(`/registrations/${first.id}/admission`, {}, ifMatch(planned.version)), 200, 'admission');
  assert.equal(placed.status, 'placed');

  for (const p of pupils.slice(1, 4)) {
    const d = await register(p);
    const a = expectStatus(await consultant.post(`/registrations/${d.id}/admission`, {}, ifMatch(d.version)), 200, 'admission');
    assert.equal(a.status, 'placed');
  }
  const waiting = await register(pupils[4]);
  const onList = expectStatus(await consultant.post(`/registrations/${waiting.id}/admission`, {}, ifMatch(waiting.version)), 200, 'admission');
  assert.equal(onList.status, 'on_waiting_list', 'a full provision puts the pupil on the waiting list');
  assert.equal(onList.waitingPosition, 1);

  // Direct placement in a full provision is refused and changes nothing.
  expectProblem(await consultant.post(`/registrations/${waiting.id}/placement`, {}, ifMatch(onList.version)), 422, 'provision-full');
  const view = expectStatus(await consultant.get(`/provisions/${provision.id}`), 200, 'GET provision');
  await assertSchema(view, 'Provision', 'GET /provisions/{id}');
  assert.equal(view.occupied, 4);
  assert.equal(view.freePlaces, 0);
  assert.deepEqual(view.waitingList.map((w) => [w.position, w.pupil.id]), [[1, pupils[4].id]]);
  assert.equal(view.registrations.find((r) => r.id === waiting.id).version, onList.version, 'registration unchanged');
  assert.equal(view.placed.length, 4);
  assert.ok(view.placed.every((p) => p.arrangementStatus === 'draft'), 'placement creates a draft arrangement');

  // Capacity cannot drop below the pupils placed; a stale PATCH is 412.
  expectProblem(await consultant.patch(`/provisions/${provision.id}`, { capacity: 3 }, ifMatch(view.version)), 422, 'provision-full');
  expectProblem(await consultant.patch(`/provisions/${provision.id}`, { capacity: 6 }, ifMatch(view.version - 1)), 412, 'version-conflict');
  const bigger = expectStatus(await consultant.patch(`/provisions/${provision.id}`, { capacity: 5 }, ifMatch(view.version)), 200, 'PATCH');
  assert.equal(bigger.freePlaces, 1);
  const reg = bigger.registrations.find((r) => r.id === waiting.id);
  const nowPlaced = expectStatus(await consultant.post(`/registrations/${waiting.id}/placement`, {}, ifMatch(reg.version)), 200, 'placement');
  assert.equal(nowPlaced.status, 'placed');
});

test('a joint decision names deciders without an account; the intake owners come from the task-owner candidates', async () => {
  const reg = expectStatus(await consultant.post(`/provisions/${provision.id}/registrations`, {
    pupilId: pupils[5].id, channel: 'external', registeredBy: 'CJG', registeredOn: today }), 201, 'register');
  const named = { admit: true, decidedOn: today, reasoning: 'Past bij de doelgroep.',
    deciders: [{ role: 'cvb', name: 'mevr. J. de Vries' }, { role: 'municipality', name: '  ' }] };
  expectProblem(await consultant.post(`/registrations/${reg.id}/decision`, named, ifMatch(reg.version)), 422, 'joint-decision-incomplete');
  named.deciders[1].name = 'dhr. P. Bakker (gemeente)';
  const decided = expectStatus(await consultant.post(`/registrations/${reg.id}/decision`, named, ifMatch(reg.version)), 200, 'decision');
  await assertSchema(decided, 'Registration', 'decision with names');
  assert.deepEqual(decided.decision.deciders.map((d) => d.name), ['mevr. J. de Vries', 'dhr. P. Bakker (gemeente)']);

  const res = await consultant.get(`/registrations/${reg.id}/task-owner-candidates?limit=5`);
  const candidates = expectStatus(res, 200, 'candidates');
  await assertSchema(candidates, 'CaseTeamCandidateList', 'GET task-owner-candidates');
  assert.ok(candidates.items.length > 0 && candidates.items.length <= 5);
  assert.ok(candidates.items.every((c) => c.role !== 'swv_admin'));
  const one = candidates.items[0];
  const byName = expectStatus(await consultant.get(`/registrations/${reg.id}/task-owner-candidates?q=${encodeURIComponent(one.displayName)}`), 200, 'search');
  assert.ok(byName.items.some((c) => c.userId === one.userId));
  expectStatus(await consultant.get(`/registrations/${reg.id}/task-owner-candidates?limit=0`), 400, 'limit 0');
  const teacher = await clientFor(firstAccount('teacher'));
  expectProblem(await teacher.get(`/registrations/${reg.id}/task-owner-candidates`), 403, 'forbidden');
  expectStatus(await consultant.get('/registrations/00000000-0000-4000-8000-000000000000/task-owner-candidates'), 404, 'unknown');
});

test('withdrawal: closes an open registration with a reason; a waiting pupil leaves the list and those behind move up', async () => {
  const full = expectStatus(await consultant.get(`/provisions/${provision.id}`), 200, 'GET provision');
  assert.equal(full.freePlaces, 0, 'the provision is full after the registrations test');
  const first = await register(pupils[6]);
  const second = await register(pupils[7]);
  const a = expectStatus(await consultant.post(`/registrations/${first.id}/admission`, {}, ifMatch(first.version)), 200, 'admit first');
  const b = expectStatus(await consultant.post(`/registrations/${second.id}/admission`, {}, ifMatch(second.version)), 200, 'admit second');
  assert.equal(a.status, 'on_waiting_list');
  assert.equal(b.waitingPosition, a.waitingPosition + 1);

  const body = { reason: 'Ouders trekken de aanmelding in: andere school gevonden.', withdrawnOn: today };
  expectProblem(await consultant.post(`/registrations/${first.id}/withdrawal`, body), 428, 'precondition-required');
  const noReason = expectProblem(await consultant.post(`/registrations/${first.id}/withdrawal`, { ...body, reason: ' ' }, ifMatch(a.version)),
    422, 'withdrawal-reason-required');
  assert.ok(noReason.errors.some((e) => e.name === 'reason'), 'names the field');
  expectFieldError(await consultant.post(`/registrations/${first.id}/withdrawal`, { reason: body.reason }, ifMatch(a.version)),
    'withdrawnOn', 'required');
  const stale = expectProblem(await consultant.post(`/registrations/${first.id}/withdrawal`, body, ifMatch(a.version + 4)), 412, 'version-conflict');
  await assertSchema(stale, 'RegistrationVersionConflictProblem', 'stale withdrawal');
  assert.equal(stale.current.status, 'on_waiting_list', 'nothing changed');

  const withdrawn = expectStatus(await consultant.post(`/registrations/${first.id}/withdrawal`, body, ifMatch(a.version)), 200, 'withdraw');
  await assertSchema(withdrawn, 'Registration', 'POST withdrawal');
  assert.equal(withdrawn.status, 'withdrawn');
  assert.equal(withdrawn.nextStep, null);
  assert.equal(withdrawn.waitingPosition, null);
  assert.deepEqual(withdrawn.withdrawal, body);
  const after = expectStatus(await consultant.get(`/provisions/${provision.id}`), 200, 'GET provision');
  await assertSchema(after, 'Provision', 'after withdrawal');
  assert.ok(!after.waitingList.some((w) => w.pupil.id === pupils[6].id), 'off the waiting list');
  assert.equal(after.waitingList.find((w) => w.pupil.id === pupils[7].id).position, a.waitingPosition, 'the next one moved up');
  assert.equal(after.registrations.find((r) => r.id === second.id).waitingPosition, a.waitingPosition);

  expectProblem(await consultant.post(`/registrations/${first.id}/withdrawal`, body, ifMatch(withdrawn.version)), 422, 'registration-closed');
  const placed = after.registrations.find((r) => r.status === 'placed');
  expectProblem(await consultant.post(`/registrations/${placed.id}/withdrawal`, body, ifMatch(placed.version)), 422, 'registration-closed');
  // Withdrawn is not open: the pupil may be registered again.
  expectStatus(await consultant.post(`/provisions/${provision.id}/registrations`, {
    pupilId: pupils[6].id, channel: 'external', registeredBy: 'CJG', registeredOn: today }), 201, 'register again');
});

test('a maatwerk arrangement: refusals leave nothing behind, route 1 to start, extension and ending', async () => {
  const pupil = pupils[6];
  const base = `/pupils/${pupil.id}/arrangements`;
  const before = expectStatus(await consultant.get(base), 200, 'list');
  await assertSchema(before, 'ArrangementList', 'GET arrangements');
  const body = { templateCode: 'renn4-maatwerktraject', start: today, enrollingSchoolId: pupil.enrolmentSchool.id,
    providerOrganisationIds: [careProvider], supportNeeds: [] };
  expectProblem(await consultant.post(base, { ...body, end: inDays(400) }), 422, 'end-date-beyond-one-year');
  expectFieldError(await consultant.post(base, { ...body, enrollingSchoolId: careProvider }), 'enrollingSchoolId', 'invalid-value');
  assert.equal(expectStatus(await consultant.get(base), 200).items.length, before.items.length, 'nothing saved');

  const res = await consultant.post(base, body);
  let a = expectStatus(res, 201, 'create');
  await assertSchema(a, 'Arrangement', 'POST arrangement');
  assert.equal(a.status, 'draft');
  assert.equal(a.openRouteOneSteps.length, 10);
  const path = `/arrangements/${a.id}`;

  // Start without a return plan is refused and nothing changes.
  expectProblem(await consultant.post(`${path}/start`, {}, ifMatch(a.version)), 422, 'return-plan-required');
  // Education money to a third party only as a purchase of services.
  const line = { source: 'school_lump_sum', amountCents: 250000, periodStart: today, periodEnd: inDays(200), payee: 'third_party',
    payeeOrganisationId: careProvider, purchaseOfServices: false };
  expectProblem(await consultant.patch(path, { financing: [line] }, ifMatch(a.version)), 422, 'education-money-transfer');
  expectProblem(await consultant.patch(path, { end: inDays(400) }, ifMatch(a.version)), 422, 'end-date-beyond-one-year');
  const unchanged = expectStatus(await consultant.get(path), 200, 'GET');
  assert.equal(unchanged.version, a.version);
  assert.deepEqual(unchanged.financing, []);
  assert.equal(unchanged.status, 'draft');
  const stale = expectProblem(await consultant.patch(path, { financing: [] }, ifMatch(a.version + 1)), 412, 'version-conflict');
  await assertSchema(stale, 'ArrangementVersionConflictProblem', 'stale PATCH');

  a = expectStatus(await consultant.patch(path, {
    financing: [{ ...line, purchaseOfServices: true }],
    returnPlan: { kind: 'return_to_home_school', receivingSchoolId: pupil.enrolmentSchool.id, steps: 'Na fase 3 proefplaatsing.' },
  }, ifMatch(a.version)), 200, 'PATCH');
  expectProblem(await consultant.post(`${path}/start`, {}, ifMatch(a.version)), 422, 'parents-not-involved');

  const steps = [
    ['analysis', { analysis: 'Thuiszitter sinds 14 weken; collectieve voorzieningen passen niet.' }],
    ['parents-involved', { parentsInvolvedOn: inDays(-20), parentsInvolvement: 'Ouders schrijven mee aan het plan.' }],
    ['participants', { participants: [{ personId: consultant.user.id, organisationId: careProvider, role: 'decision_maker' },
      { personId: 'leerkracht-1', organisationId: careProvider, role: 'executor' }] }],
    ['design', { design: 'Twee uur per week les thuis, opbouw naar school.' }],
    ['a4-plan', { a4Plan: { contributions: [{ area: 'education', who: 'leerkracht', what: '2 uur les thuis' },
      { area: 'support', who: 'jeugdhulp', what: 'begeleiding gezin' }], agreedOn: inDays(-5) } }],
    ['exemption-considered', { exemptionNeeded: false, compulsoryEducationMet: true }],
    ['special-education-tlv', { specialEducationEnrolmentNeeded: false }],
    ['finance-agreements', { financeAgreements: 'Inkoop jeugdhulp via de gemeente.' }],
    ['extra-funds-considered', { extraFundsNeeded: false }],
  ];
  for (const [step, values] of steps) {
    a = expectStatus(await consultant.put(`${path}/route-one/${step}`, values, ifMatch(a.version)), 200, `step ${step}`);
  }
  expectFieldError(await consultant.put(`${path}/route-one/design`, { analysis: 'x' }, ifMatch(a.version)), 'analysis', 'unknown-field');
  // The A4 plan lacks the parents' contribution: step 5 is still open.
  assert.deepEqual(a.openRouteOneSteps, ['a4_plan', 'opp']);
  expectProblem(await consultant.post(`${path}/start`, {}, ifMatch(a.version)), 422, 'a4-plan-incomplete');
  a = expectStatus(await consultant.put(`${path}/route-one/a4-plan`, { a4Plan: { contributions: [
    { area: 'education', who: 'leerkracht', what: '2 uur les thuis' }, { area: 'support', who: 'jeugdhulp', what: 'begeleiding gezin' },
    { area: 'parents', who: 'moeder', what: 'rustige werkplek' }], agreedOn: inDays(-5) } }, ifMatch(a.version)), 200, 'A4 plan');
  assert.deepEqual(a.openRouteOneSteps, ['opp'], 'only the OPP is left (not a start condition)');
  a = expectStatus(await consultant.post(`${path}/start`, {}, ifMatch(a.version)), 200, 'start');
  assert.equal(a.status, 'active');
  assert.equal(a.currentPhase, 'renn4-0');
  const history = expectStatus(await consultant.get(`${path}/phase-history`), 200, 'phase history');
  await assertSchema(history, 'PhaseHistory', 'GET phase-history');
  assert.deepEqual(history.steps.map((s) => [s.direction, s.toPhase, s.evaluationId]), [['start', 'renn4-0', null]]);

  expectProblem(await consultant.post(`${path}/extensions`, { newEnd: inDays(500), reason: '', decidedBy: 'CvB', decidedOn: today },
    ifMatch(a.version)), 422, 'extension-reason-required');
  a = expectStatus(await consultant.post(`${path}/extensions`, { newEnd: inDays(500), reason: 'Opbouw gaat langzamer.', decidedBy: 'CvB en consulent', decidedOn: today },
    ifMatch(a.version)), 200, 'extension');
  assert.equal(a.extensions.length, 1);
  a = expectStatus(await consultant.post(`${path}/ending`, { date: inDays(30), destination: 'return_to_home_school', reason: 'Terug naar de stamschool.' },
    ifMatch(a.version)), 200, 'ending');
  assert.equal(a.status, 'ended');
  assert.equal(a.ending.destination, 'return_to_home_school');
});

test('leerplicht does not see arrangements; a pupil one may not see is 404', async () => {
  const officer = await clientFor(firstAccount('attendance_officer'));
  const visible = (await listPupils(officer, { pageSize: 5 })).items;
  if (visible.length > 0) expectProblem(await officer.get(`/pupils/${visible[0].id}/arrangements`), 403, 'forbidden');
  expectProblem(await officer.get('/provisions'), 403, 'forbidden');
  const teacher = await clientFor(accountsOf('teacher')[0]);
  expectProblem(await teacher.get(`/pupils/00000000-0000-4000-8000-000000000000/arrangements`), 404, 'not-found');
});

testConventionsOfAllResponses();
