// The pupil's plan: one OPP per pupil (draft → set → bijstelling, every revision kept), evaluations
// of a running maatwerk arrangement that move the pupil to the next phase with a new week, and the
// due items in "Mijn taken". Every refusal is checked to leave nothing behind.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { expectFieldError, expectProblem, expectStatus, testConventionsOfAllResponses } from './lib/api.mjs';
import { assertSchema } from './lib/schema.mjs';
import { clientFor, firstAccount, listPupils, runTag } from './lib/world.mjs';

const tag = runTag();
const iso = (d) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(d);
const today = iso(new Date());
const inDays = (n) => iso(new Date(Date.now() + n * 86400e3));
const ifMatch = (v) => ({ headers: { 'if-match': `"${v}"` } });

let consultant;
let pupil; // gets the OPP and the arrangement
let other; // another pupil: its OPP's goal is not one of pupil's
let careProvider;
let opp;
let arrangement;

const content = (extra = {}) => ({
  exitPerspective: { destination: 'regular_vso_class', reasoning: `Opbouw via RENN4 naar een vso-groep (${tag}).` },
  supportNeeds: ['social_emotional'],
  factors: [
    { kind: 'promoting', description: 'Ouders zijn zeer betrokken.' },
    { kind: 'hindering', description: 'Angst voor de groep na lang thuiszitten.' },
  ],
  workAttitude: 'Werkt geconcentreerd in een-op-een situaties.',
  goals: [
    { area: 'social_emotional', text: 'Voelt zich veilig bij de leerkracht en durft vragen te stellen', measure: 'Stelt elke les minstens één vraag',
      targetDate: inDays(90), ownerId: 'leerkracht RENN4' },
    { area: 'didactic', text: 'Leest een eenvoudige tekst en vertelt wat er staat', measure: 'AVI E5 beheerst',
      targetDate: inDays(120), ownerId: 'leerkracht RENN4' },
  ],
  actionPart: { supportOffered: 'Twee uur per week les thuis door de leerkracht van RENN4.', programmeDeviations: 'Alleen Nederlands en rekenen.',
    agreement: null },
  pupilHearing: null,
  ...extra,
});
const agreement = { givenBy: 'moeder', signatory: 'parent', agreedOn: today, how: 'signature' };
const hearing = { heardOn: today, views: 'Wil eerst thuis beginnen.' };

async function noOpp(p) {
  const body = expectStatus(await consultant.get(`/pupils/${p.id}/opp`), 200, 'GET opp');
  return body.current === null;
}

before(async () => {
  consultant = await clientFor(firstAccount('swv_consultant'));
  const page = await listPupils(consultant, { pageSize: 100 });
  const candidates = [];
  for (const p of page.items) {
    const arrangements = expectStatus(await consultant.get(`/pupils/${p.id}/arrangements`), 200, 'arrangements');
    if (arrangements.items.length === 0 && (await noOpp(p))) candidates.push(p);
    if (candidates.length >= 2) break;
  }
  assert.equal(candidates.length, 2, 'two pupils without OPP or arrangement');
  [pupil, other] = candidates;
  const orgs = expectStatus(await consultant.get('/organisations?kind=care_provider'), 200, 'care providers');
  careProvider = orgs.items[0].id;
});

test('POST /pupils/{id}/opp starts a draft; a second OPP for the pupil is refused (opp-exists)', async () => {
  const res = await consultant.post(`/pupils/${pupil.id}/opp`, content());
  opp = expectStatus(res, 201, 'POST opp');
  await assertSchema(opp, 'Opp', 'POST /pupils/{id}/opp');
  assert.equal(opp.status, 'draft');
  assert.equal(opp.revision, 1);
  assert.equal(opp.goals.length, 2);
  assert.ok(opp.goals.every((g) => /^[0-9a-f-]{36}$/.test(g.id)), 'goals get stable ids');
  assert.ok((res.headers.get('location') || '').endsWith(`/opps/${opp.id}`));
  expectProblem(await consultant.post(`/pupils/${pupil.id}/opp`, content()), 422, 'opp-exists');
  expectFieldError(await consultant.post(`/pupils/${other.id}/opp`, { ...content(), colour: 'blauw' }), 'colour', 'unknown-field');
  const view = expectStatus(await consultant.get(`/pupils/${pupil.id}/opp`), 200, 'GET opp');
  await assertSchema(view, 'PupilOpp', 'GET /pupils/{id}/opp');
  assert.equal(view.revisions.length, 1);
  assert.equal(view.access.canEdit, true);
});

test('set: If-Match required, stale 412 with the current OPP, no agreement refused; nothing changes', async () => {
  expectProblem(await consultant.post(`/opps/${opp.id}/set`, {}), 428, 'precondition-required');
  const stale = expectProblem(await consultant.post(`/opps/${opp.id}/set`, {}, ifMatch(opp.version + 3)), 412, 'version-conflict');
  await assertSchema(stale, 'OppVersionConflictProblem', 'stale set');
  assert.equal(stale.current.version, opp.version);
  expectProblem(await consultant.post(`/opps/${opp.id}/set`, {}, ifMatch(opp.version)), 422, 'parent-agreement-required');
  const unchanged = expectStatus(await consultant.get(`/pupils/${pupil.id}/opp`), 200, 'GET');
  assert.equal(unchanged.current.status, 'draft');
  assert.equal(unchanged.current.version, opp.version);
});

test('PATCH the draft (If-Match): the agreement and the hearing; a goal id of another OPP is refused', async () => {
  const otherOpp = expectStatus(await consultant.post(`/pupils/${other.id}/opp`, content()), 201, 'other OPP');
  const foreign = { ...content().goals[0], id: otherOpp.goals[0].id };
  expectFieldError(await consultant.patch(`/opps/${opp.id}`, { goals: [foreign] }, ifMatch(opp.version)), 'goals[0].id', 'invalid-value');
  expectProblem(await consultant.patch(`/opps/${opp.id}`, { workAttitude: 'x' }, ifMatch(opp.version - 1 || 99)), 412, 'version-conflict');
  const res = await consultant.patch(`/opps/${opp.id}`,
    { actionPart: { ...content().actionPart, agreement }, pupilHearing: hearing }, ifMatch(opp.version));
  const patched = expectStatus(res, 200, 'PATCH');
  await assertSchema(patched, 'Opp', 'PATCH /opps/{id}');
  assert.equal(patched.version, opp.version + 1);
  assert.equal(res.headers.get('etag'), `"${patched.version}"`);
  assert.deepEqual(patched.goals.map((g) => g.id), opp.goals.map((g) => g.id), 'parts not sent stay as they were');
  assert.equal(patched.actionPart.agreement.givenBy, 'moeder');
  opp = patched;
});

test('set the OPP; a set revision is never edited; a bijstelling is a new draft revision with the same goal ids', async () => {
  const set = expectStatus(await consultant.post(`/opps/${opp.id}/set`, {}, ifMatch(opp.version)), 200, 'set');
  await assertSchema(set, 'Opp', 'POST /opps/{id}/set');
  assert.equal(set.status, 'set');
  assert.equal(set.setOn, today);
  assert.equal(set.firstSetOn, today);
  expectProblem(await consultant.patch(`/opps/${opp.id}`, { workAttitude: 'anders' }, ifMatch(set.version)), 422, 'opp-already-set');
  opp = set;
});

test('a running RENN4 arrangement of the pupil: evaluations refuse goals of another OPP and phases of another model', async () => {
  const base = `/pupils/${pupil.id}/arrangements`;
  let a = expectStatus(await consultant.post(base, { templateCode: 'renn4-maatwerktraject', start: today,
    enrollingSchoolId: pupil.enrolmentSchool.id, providerOrganisationIds: [careProvider], supportNeeds: [] }), 201, 'arrangement');
  const path = `/arrangements/${a.id}`;
  a = expectStatus(await consultant.patch(path, { returnPlan: { kind: 'return_to_home_school', receivingSchoolId: pupil.enrolmentSchool.id,
    steps: 'Na fase 3 proefplaatsing.' } }, ifMatch(a.version)), 200, 'return plan');
  const steps = [
    ['analysis', { analysis: 'Thuiszitter; collectieve voorzieningen passen niet.' }],
    ['parents-involved', { parentsInvolvedOn: inDays(-20), parentsInvolvement: 'Ouders schrijven mee.' }],
    ['participants', { participants: [{ personId: consultant.user.id, organisationId: careProvider, role: 'decision_maker' },
      { personId: 'leerkracht-1', organisationId: careProvider, role: 'executor' }] }],
    ['design', { design: 'Twee uur per week les thuis, opbouw naar school.' }],
    ['a4-plan', { a4Plan: { contributions: [{ area: 'education', who: 'leerkracht', what: '2 uur les thuis' },
      { area: 'support', who: 'jeugdhulp', what: 'begeleiding gezin' }, { area: 'parents', who: 'moeder', what: 'rustige werkplek' }],
      agreedOn: inDays(-5) } }],
    ['exemption-considered', { exemptionNeeded: false, compulsoryEducationMet: true }],
    ['special-education-tlv', { specialEducationEnrolmentNeeded: false }],
    ['finance-agreements', { financeAgreements: 'Inkoop jeugdhulp via de gemeente.' }],
    ['extra-funds-considered', { extraFundsNeeded: false }],
  ];
  for (const [step, values] of steps)
    a = expectStatus(await consultant.put(`${path}/route-one/${step}`, values, ifMatch(a.version)), 200, `step ${step}`);
  a = expectStatus(await consultant.post(`${path}/start`, {}, ifMatch(a.version)), 200, 'start');
  assert.equal(a.currentPhase, 'renn4-0');
  assert.equal(a.oppId, opp.id, 'setting the OPP gave the pupil\'s arrangements their OPP');
  arrangement = a;

  const list = expectStatus(await consultant.get(`${path}/evaluations`), 200, 'GET evaluations');
  await assertSchema(list, 'EvaluationList', 'GET /arrangements/{id}/evaluations');
  assert.equal(list.items.length, 0);
  assert.ok(list.nextDue > today);

  const otherOpp = expectStatus(await consultant.get(`/pupils/${other.id}/opp`), 200, 'other').current;
  const evaluation = {
    heldOn: today, participants: [{ role: 'parent', person: 'moeder' }, { role: 'school', person: 'leerkracht' }],
    goals: [{ goalId: opp.goals[0].id, progress: 'progressing', note: 'Stelt vragen.' }],
    decision: 'change_phase', newPhase: 'renn4-1', reason: 'Voelt zich veilig; af en toe naar school.', nextDate: inDays(10),
    schedule: { entries: [{ place: 'home', kind: 'education', minutesPerWeek: 120 }, { place: 'school', kind: 'education', minutesPerWeek: 120 }] },
  };
  const foreignGoal = { ...evaluation, goals: [{ goalId: otherOpp.goals[0].id, progress: 'progressing' }] };
  const refused = expectProblem(await consultant.post(`${path}/evaluations`, foreignGoal), 422, 'goal-of-other-opp');
  assert.equal(refused.errors[0].name, 'goals[0].goalId');
  expectProblem(await consultant.post(`${path}/evaluations`, { ...evaluation, newPhase: 'ambelt-1' }), 422, 'phase-of-other-model');
  expectProblem(await consultant.post(`${path}/evaluations`, { ...evaluation, participants: [{ role: 'school', person: 'leerkracht' }] }),
    422, 'parents-not-in-evaluation');
  expectProblem(await consultant.post(`${path}/evaluations`, { ...evaluation, nextDate: inDays(200) }), 422, 'next-evaluation-beyond-cadence');
  expectProblem(await consultant.post(`${path}/evaluations`, { ...evaluation,
    schedule: { entries: [{ place: 'care_farm', kind: 'education', minutesPerWeek: 60 }, { place: 'swv_office', kind: 'care', minutesPerWeek: 60 }] } }),
  422, 'place-not-allowed-in-phase');
  const after = expectStatus(await consultant.get(`${path}/evaluations`), 200, 'GET');
  assert.equal(after.items.length, 0, 'nothing saved');
  const history = expectStatus(await consultant.get(`${path}/phase-history`), 200, 'history');
  assert.equal(history.steps.length, 1, 'no phase step saved');
  const week = expectStatus(await consultant.get(`${path}/weekly-schedule`), 200, 'week');
  assert.equal(week.schedules.length, 0, 'no schedule saved');

  const res = await consultant.post(`${path}/evaluations`, evaluation);
  const recorded = expectStatus(res, 201, 'POST evaluation');
  await assertSchema(recorded, 'EvaluationRecorded', 'POST /arrangements/{id}/evaluations');
  assert.equal(recorded.phaseStep.toPhase, 'renn4-1');
  assert.equal(recorded.phaseStep.direction, 'forward');
  assert.equal(recorded.schedule.educationMinutes, 240);
  const steps2 = expectStatus(await consultant.get(`${path}/phase-history`), 200, 'history').steps;
  assert.deepEqual(steps2.map((s) => [s.toPhase, s.evaluationId]), [['renn4-0', null], ['renn4-1', recorded.evaluation.id]]);
  const list2 = expectStatus(await consultant.get(`${path}/evaluations`), 200, 'GET');
  assert.equal(list2.nextDue, inDays(10));
  assert.equal(list2.overdue, false);
});

test('weekly schedule: PUT a week from a date builds up; a place outside the phase is refused', async () => {
  const path = `/arrangements/${arrangement.id}/weekly-schedule`;
  expectProblem(await consultant.put(path, { validFrom: inDays(7), entries: [{ place: 'swv_office', kind: 'education', minutesPerWeek: 60 }] }),
    422, 'place-not-allowed-in-phase');
  expectFieldError(await consultant.put(path, { validFrom: inDays(7), entries: [{ place: 'school', kind: 'education' }] }),
    'entries[0].minutesPerWeek', 'required');
  const view = expectStatus(await consultant.put(path, { validFrom: inDays(7), entries: [
    { place: 'school', kind: 'education', minutesPerWeek: 360 }, { place: 'home', kind: 'care', minutesPerWeek: 60 }] }), 200, 'PUT');
  await assertSchema(view, 'WeeklyScheduleView', 'PUT /arrangements/{id}/weekly-schedule');
  assert.deepEqual(view.buildUp.map((p) => [p.educationMinutes, p.careMinutes]), [[240, 0], [360, 60]]);
  assert.equal(view.current.educationMinutes, 240, 'the week in force today');
});

test('bijstelling: a new draft revision keeps the goal ids; the set revision stays as it was', async () => {
  expectProblem(await consultant.post(`/opps/${opp.id}/revisions`, {}), 428, 'precondition-required');
  const res = await consultant.post(`/opps/${opp.id}/revisions`, {}, ifMatch(opp.version));
  const draft = expectStatus(res, 201, 'revise');
  await assertSchema(draft, 'Opp', 'POST /opps/{id}/revisions');
  assert.equal(draft.revision, 2);
  assert.equal(draft.status, 'draft');
  assert.equal(draft.actionPart.agreement, null, 'agreement is given again for the new revision');
  assert.deepEqual(draft.goals.map((g) => g.id), opp.goals.map((g) => g.id));
  const view = expectStatus(await consultant.get(`/pupils/${pupil.id}/opp`), 200, 'GET');
  assert.deepEqual(view.revisions.map((r) => [r.revision, r.status]), [[1, 'set'], [2, 'draft']]);
  assert.equal(view.revisions[0].actionPart.agreement.givenBy, 'moeder');
});

test('Mijn taken lists the arrangement\'s next evaluation for its coordinator, next to the verzuim tasks', async () => {
  const page = expectStatus(await consultant.get('/tasks?pageSize=100'), 200, 'GET tasks');
  await assertSchema(page, 'TaskPage', 'GET /tasks');
  const evaluation = page.items.find((t) => t.kind === 'evaluation_due' && t.pupil?.id === pupil.id);
  assert.ok(evaluation, 'the evaluation due in 10 days is in the list');
  assert.equal(evaluation.dueOn, inDays(10));
  assert.equal(evaluation.overdue, false);
  expectProblem(await consultant.patch(`/tasks/${evaluation.id}`, { status: 'done' }, ifMatch(1)), 404, 'not-found');
});

test('access: leerplicht does not see the plan; unknown ids are 404', async () => {
  const officer = await clientFor(firstAccount('attendance_officer'));
  const res = await officer.get(`/pupils/${pupil.id}/opp`);
  assert.ok([403, 404].includes(res.status), 'no plan for leerplicht');
  expectProblem(await consultant.get('/pupils/00000000-0000-4000-8000-000000000000/opp'), 404, 'not-found');
  expectProblem(await consultant.get('/arrangements/not-a-uuid/evaluations'), 404, 'not-found');
  expectProblem(await consultant.patch('/opps/00000000-0000-4000-8000-000000000000', { workAttitude: 'x' }, ifMatch(1)), 404, 'not-found');
});

testConventionsOfAllResponses();
