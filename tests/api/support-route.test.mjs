// The school support route (ondersteuningsroute): basisondersteuning → zorgmelding → zorgteam → JES,
// its rules (422 with the rule's code), If-Match on the JES outcome, access (404/403/401) and the
// school's JES agenda. Each run takes fresh pupils that have nothing on their route yet.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { Client, expectFieldError, expectProblem, expectStatus, testConventionsOfAllResponses } from './lib/api.mjs';
import { assertSchema } from './lib/schema.mjs';
import { accountsOf, clientFor, listAllPupils, runTag, schoolOf } from './lib/world.mjs';

const tag = runTag();
const iso = (d) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(d);
const today = iso(new Date());
const inDays = (n) => iso(new Date(Date.now() + n * 86400e3));

let client; // coordinator of school A
let school;
let fresh = []; // pupils of school A with nothing on their route
let meeting; // a JES meeting of school A, planned by this run
let other; // { client, pupilId } of another school

async function route(id) {
  return expectStatus(await client.get(`/pupils/${id}/support-route`), 200, 'GET support-route');
}

before(async () => {
  for (const account of accountsOf('school_coordinator')) {
    const c = await clientFor(account);
    const s = schoolOf(c);
    const pupils = (await listAllPupils(c)).filter((p) => p.enrolmentSchool.id === s.id);
    if (!client && pupils.length >= 8) {
      const candidates = [];
      for (const p of pupils) {
        const r = expectStatus(await c.get(`/pupils/${p.id}/support-route`), 200, 'GET route');
        if (r.stage === 'mentor') candidates.push(p.id);
        if (candidates.length >= 4) break;
      }
      if (candidates.length >= 4) {
        client = c;
        school = s;
        fresh = candidates;
        continue;
      }
    }
    if (client && !other && s.id !== school.id && pupils.length > 0) other = { client: c, pupilId: pupils[0].id };
    if (client && other) break;
  }
  assert.ok(client, 'no school_coordinator with 4 pupils that have nothing on their support route');
});

test('POST support-meetings plans a JES meeting (201, Location) that the agenda lists', async () => {
  const res = await client.post(`/schools/${school.id}/support-meetings`, {
    date: inDays(14),
    location: `Lokaal 1.12 (${tag})`,
    members: ['Orthopedagoog', 'Leerplichtambtenaar', 'Coördinator passend onderwijs'],
  });
  meeting = expectStatus(res, 201, 'POST support-meetings');
  await assertSchema(meeting, 'SupportMeeting', 'POST /schools/{id}/support-meetings');
  assert.ok((res.headers.get('location') || '').includes(meeting.id), 'Location names the meeting');
  const list = expectStatus(await client.get(`/schools/${school.id}/support-meetings`), 200, 'GET meetings');
  await assertSchema(list, 'SupportMeetingList', 'GET /schools/{id}/support-meetings');
  assert.ok(list.items.some((m) => m.id === meeting.id), 'the new meeting is listed');
  assert.equal(list.minimumPerSchoolYear, 6, 'the JES meets at least 6 times a year');
  assert.ok(list.shortOfMinimum >= 0 && list.shortOfMinimum <= 6);
});

test('GET support-route of a pupil with nothing recorded: stage mentor, coordinator may record and decide', async () => {
  const r = await route(fresh[0]);
  await assertSchema(r, 'SupportRoute', 'GET /pupils/{id}/support-route');
  assert.equal(r.stage, 'mentor');
  assert.deepEqual(r.preventiveConversations, { used: 0, max: 5 });
  assert.deepEqual(r.access, { canRecord: true, canDecide: true });
});

test('a zorgmelding before any basisondersteuning is refused: 422 basic-support-not-recorded', async () => {
  const res = await client.post(`/pupils/${fresh[0]}/support-route/concerns`, {
    date: today, question: 'Wat heeft deze leerling nodig?', tried: 'Nog niets.',
  });
  const p = expectProblem(res, 422, 'basic-support-not-recorded', 'concern without steps');
  assert.match(p.detail, /basisondersteuning/);
});

test('basisondersteuning: at most 5 preventive conversations, the 6th is 422 preventive-conversation-limit', async () => {
  const id = fresh[0];
  const first = await client.post(`/pupils/${id}/support-route/steps`, {
    kind: 'collegial_consultation', date: today, description: `Consultatie (${tag})`, performedBy: 'Mentor',
  });
  const step = expectStatus(first, 201, 'POST step');
  await assertSchema(step, 'SupportRouteStep', 'POST /pupils/{id}/support-route/steps');
  assert.equal(step.recordedBy.id, client.user.id);
  for (let i = 1; i <= 5; i++) {
    expectStatus(await client.post(`/pupils/${id}/support-route/steps`, {
      kind: 'preventive_conversation', date: today, description: `Gesprek ${i}`, performedBy: 'IZT',
    }), 201, `preventive conversation ${i}`);
  }
  expectProblem(await client.post(`/pupils/${id}/support-route/steps`, {
    kind: 'preventive_conversation', date: today, description: 'Gesprek 6', performedBy: 'IZT',
  }), 422, 'preventive-conversation-limit', '6th conversation');
  const r = await route(id);
  assert.equal(r.stage, 'basic_support');
  assert.equal(r.preventiveConversations.used, 5);
  assert.equal(r.steps.length, 6, 'the refused step was not stored');
  // Every step is a timeline entry of the dossier.
  const notes = expectStatus(await client.get(`/pupils/${id}/notes`), 200, 'GET notes');
  assert.ok(notes.items.some((n) => n.body.includes(`Consultatie (${tag})`)), 'the step is in the tijdlijn');
});

test('steps: bad input answers 422 naming each field, a future date 422 date-in-future, non-JSON 400', async () => {
  const id = fresh[0];
  const res = await client.post(`/pupils/${id}/support-route/steps`, { kind: 'coffee', date: 20261201, extra: 1 });
  expectFieldError(res, 'kind', 'invalid-value', 'unknown kind');
  expectFieldError(res, 'date', 'invalid-type', 'date as a number');
  expectFieldError(res, 'description', 'required', 'missing description');
  expectFieldError(res, 'performedBy', 'required', 'missing performedBy');
  expectFieldError(res, 'extra', 'unknown-field', 'unknown field');
  expectFieldError(await client.post(`/pupils/${id}/support-route/steps`, {
    kind: 'action_research', date: '2026-02-30', description: 'x', performedBy: 'y',
  }), 'date', 'invalid-date', 'impossible date');
  expectProblem(await client.post(`/pupils/${id}/support-route/steps`, {
    kind: 'action_research', date: inDays(3), description: 'x', performedBy: 'y',
  }), 422, 'date-in-future', 'future date');
  expectProblem(await client.request('POST', `/pupils/${id}/support-route/steps`, {
    body: '{"kind":', contentType: 'application/json',
  }), 400, 'invalid-json', 'broken JSON');
});

let concern;
test('zorgmelding after basisondersteuning: 201; a second open one is 422 concern-already-open', async () => {
  const id = fresh[0];
  const res = await client.post(`/pupils/${id}/support-route/concerns`, {
    date: today, question: `Welke ondersteuning past? (${tag})`, tried: 'Consultatie en vijf preventieve gesprekken.',
  });
  concern = expectStatus(res, 201, 'POST concern');
  await assertSchema(concern, 'SupportConcern', 'POST /pupils/{id}/support-route/concerns');
  assert.equal(concern.status, 'open');
  assert.equal(concern.skipReason, '');
  expectProblem(await client.post(`/pupils/${id}/support-route/concerns`, {
    date: today, question: 'Nog een', tried: 'x',
  }), 422, 'concern-already-open', 'second open concern');
  assert.equal((await route(id)).stage, 'concern');
  const waiting = expectStatus(await client.get(`/schools/${school.id}/support-route-pupils`), 200, 'route pupils');
  await assertSchema(waiting, 'SchoolRoutePupilList', 'GET /schools/{id}/support-route-pupils');
  const row = waiting.items.find((i) => i.pupil.id === id);
  assert.ok(row, 'the pupil is listed for the school');
  assert.equal(row.stage, 'concern');
  assert.equal(row.openConcernDate, today, 'the zorgmelding waits for the zorgteam');
});

test('a zorgmelding without basisondersteuning is accepted with an explicit skipReason', async () => {
  const res = await client.post(`/pupils/${fresh[1]}/support-route/concerns`, {
    date: today, question: 'Acute zorg', tried: 'Niets: direct gemeld.', skipReason: 'Zorg over de veiligheid thuis.',
  });
  const c = expectStatus(res, 201, 'concern with skipReason');
  assert.equal(c.skipReason, 'Zorg over de veiligheid thuis.');
});

test('zorgteam discussion: field errors at once, then 201 with action items; the zorgmelding is closed', async () => {
  const id = fresh[0];
  const bad = await client.post(`/pupils/${id}/support-route/care-team-discussions`, {
    concernId: concern.id, date: today, participants: 'Anna', decision: 'maybe',
    actionItems: [{ description: 'Bellen', owner: 'Mentor', dueOn: 'morgen' }],
  });
  expectFieldError(bad, 'participants', 'invalid-type', 'participants as a string');
  expectFieldError(bad, 'outcome', 'required', 'missing outcome');
  expectFieldError(bad, 'decision', 'invalid-value', 'unknown decision');
  expectFieldError(bad, 'actionItems[0].dueOn', 'invalid-date', 'bad due date');
  const res = await client.post(`/pupils/${id}/support-route/care-team-discussions`, {
    concernId: concern.id, date: today,
    participants: ['Coördinator passend onderwijs', 'Schoolmaatschappelijk werker', 'Mentor'],
    outcome: 'De hulp binnen school is niet voldoende.', decision: 'escalate_to_jes',
    actionItems: [{ description: 'Ouders informeren over het JES', owner: 'Mentor', dueOn: inDays(7) }],
  });
  const d = expectStatus(res, 201, 'POST care-team-discussion');
  await assertSchema(d, 'CareTeamDiscussion', 'POST /pupils/{id}/support-route/care-team-discussions');
  assert.equal(d.actionItems.length, 1);
  assert.equal(d.actionItems[0].owner, 'Mentor');
  const r = await route(id);
  assert.equal(r.stage, 'care_team');
  assert.equal(r.concerns[0].status, 'discussed');
  expectProblem(await client.post(`/pupils/${id}/support-route/care-team-discussions`, {
    concernId: concern.id, date: today, participants: ['A'], outcome: 'x', decision: 'internal_trajectory',
  }), 422, 'concern-not-open', 'discussing a closed zorgmelding again');
});

let referral;
test('JES without the parents informed is refused: 422 parents-not-informed; after informing them 201', async () => {
  const id = fresh[0];
  const body = { meetingId: meeting.id, reason: 'basic_support_insufficient', question: `Welk arrangement? (${tag})` };
  const p = expectProblem(await client.post(`/pupils/${id}/support-route/jes-referrals`, body), 422,
    'parents-not-informed', 'JES before informing the parents');
  assert.match(p.detail, /ouders/i, 'a clear Dutch message');
  // Informing them about the zorgteam is not informing them about the JES.
  expectStatus(await client.post(`/pupils/${id}/support-route/parent-contacts`, {
    date: today, topic: 'care_team', method: 'in_person', informedBy: 'Mentor',
  }), 201, 'parent contact about the zorgteam');
  expectProblem(await client.post(`/pupils/${id}/support-route/jes-referrals`, body), 422, 'parents-not-informed',
    'informed about the zorgteam only');
  const contact = expectStatus(await client.post(`/pupils/${id}/support-route/parent-contacts`, {
    date: today, topic: 'jes', method: 'phone', informedBy: 'Coördinator passend onderwijs', summary: 'Ouders akkoord.',
  }), 201, 'parent contact about the JES');
  await assertSchema(contact, 'ParentContact', 'POST /pupils/{id}/support-route/parent-contacts');
  const res = await client.post(`/pupils/${id}/support-route/jes-referrals`, body);
  referral = expectStatus(res, 201, 'POST jes-referral');
  await assertSchema(referral, 'JesReferral', 'POST /pupils/{id}/support-route/jes-referrals');
  assert.equal(referral.parentContactId, contact.id, 'the referral names the contact that informed the parents');
  assert.equal(res.headers.get('etag'), '"1"');
  expectProblem(await client.post(`/pupils/${id}/support-route/jes-referrals`, body), 422, 'already-on-agenda',
    'twice on one agenda');
  const list = expectStatus(await client.get(`/schools/${school.id}/support-meetings`), 200, 'agenda');
  const m = list.items.find((x) => x.id === meeting.id);
  assert.ok(m.agenda.some((c) => c.pupil.id === id && c.referralId === referral.id), 'the pupil is on the agenda');
  assert.equal((await route(id)).stage, 'jes');
});

test('JES referral: unknown meeting and wrong types answer 422 naming the field', async () => {
  const id = fresh[0];
  expectFieldError(await client.post(`/pupils/${id}/support-route/jes-referrals`, {
    meetingId: '00000000-0000-4000-8000-000000000000', reason: 'homebound', question: 'x',
  }), 'meetingId', 'invalid-value', 'unknown meeting');
  const res = await client.post(`/pupils/${id}/support-route/jes-referrals`, { meetingId: 7, reason: 'nope' });
  expectFieldError(res, 'meetingId', 'invalid-type', 'meetingId as a number');
  expectFieldError(res, 'reason', 'invalid-value', 'unknown reason');
  expectFieldError(res, 'question', 'required', 'missing question');
});

test('without a zorgteam decision to escalate only a (dreigende) thuiszitter goes to the JES directly', async () => {
  const id = fresh[2];
  expectStatus(await client.post(`/pupils/${id}/support-route/parent-contacts`, {
    date: today, topic: 'jes', method: 'letter', informedBy: 'Coördinator passend onderwijs',
  }), 201, 'parents informed');
  expectProblem(await client.post(`/pupils/${id}/support-route/jes-referrals`, {
    meetingId: meeting.id, reason: 'dropout_risk', question: 'x',
  }), 422, 'care-team-not-escalated', 'no zorgteam escalation');
  expectStatus(await client.post(`/pupils/${id}/support-route/jes-referrals`, {
    meetingId: meeting.id, reason: 'homebound', question: 'Dreigende thuiszitter: welke plek?',
  }), 201, 'thuiszitter on the agenda');
});

test('PATCH JES outcome: 428 without If-Match, 412 on a stale version with current, 200 with version 2', async () => {
  const path = `/pupils/${fresh[0]}/support-route/jes-referrals/${referral.id}`;
  expectProblem(await client.patch(path, { outcome: 'Advies' }), 428, 'precondition-required', 'no If-Match');
  const stale = await client.patch(path, { outcome: 'Advies' }, { headers: { 'if-match': '"9"' } });
  const p = expectProblem(stale, 412, 'version-conflict', 'stale If-Match');
  await assertSchema(p, 'SupportRouteVersionConflictProblem', 'PATCH jes-referral 412');
  assert.equal(p.current.version, 1);
  expectFieldError(await client.patch(path, { outcome: '' }, { headers: { 'if-match': '"1"' } }), 'outcome', 'too-short');
  const res = await client.patch(path, { outcome: `Advies: arrangement aanvragen (${tag})` }, { headers: { 'if-match': '"1"' } });
  const updated = expectStatus(res, 200, 'PATCH jes-referral');
  await assertSchema(updated, 'JesReferral', 'PATCH jes-referral');
  assert.equal(updated.version, 2);
  assert.equal(updated.status, 'discussed');
  assert.equal(res.headers.get('etag'), '"2"');
  expectProblem(await client.patch(path, { outcome: 'x' }, { headers: { 'if-match': '"1"' } }), 412, 'version-conflict',
    'the old version again');
});

test("another school's pupil answers 404; another school's meetings 403; an unknown school 404", async () => {
  assert.ok(other, 'need a second school_coordinator with pupils');
  const own = await client.get(`/pupils/${other.pupilId}`);
  if (own.status === 200) return; // the two schools share this pupil (home school): nothing to check
  expectProblem(await client.get(`/pupils/${other.pupilId}/support-route`), 404, 'not-found', 'GET other school');
  expectProblem(await client.post(`/pupils/${other.pupilId}/support-route/steps`, {
    kind: 'collegial_consultation', date: today, description: 'x', performedBy: 'y',
  }), 404, 'not-found', 'POST other school');
  const otherSchool = schoolOf(other.client);
  expectProblem(await client.get(`/schools/${otherSchool.id}/support-meetings`), 403, 'forbidden', 'other school meetings');
  expectProblem(await client.post(`/schools/${otherSchool.id}/support-meetings`, { date: today, members: ['x'] }), 403,
    'forbidden', 'plan for another school');
  expectProblem(await client.get('/schools/00000000-0000-4000-8000-000000000000/support-route-pupils'), 404,
    'not-found', 'unknown school');
});

test('planning a meeting: missing members and a bad date answer 422', async () => {
  const res = await client.post(`/schools/${school.id}/support-meetings`, { date: 'volgende week', members: [] });
  expectFieldError(res, 'date', 'invalid-date');
  expectFieldError(res, 'members', 'required');
  expectProblem(await client.get(`/schools/${school.id}/support-meetings?includePast=soms`), 400, 'bad-request');
});

test('leerplicht (attendance scope) may not see the route: 403; the admin sees no school route: 403', async () => {
  // The leerplichtambtenaar of the pupil's municipality sees it with attendance scope only.
  let checked = false;
  for (const officer of accountsOf('attendance_officer')) {
    const oc = await clientFor(officer);
    const view = await oc.get(`/pupils/${fresh[0]}`);
    if (view.status !== 200 || view.json.access.scope !== 'attendance') continue;
    expectProblem(await oc.get(`/pupils/${fresh[0]}/support-route`), 403, 'forbidden', 'leerplicht');
    checked = true;
    break;
  }
  assert.ok(checked, 'no leerplichtambtenaar sees the pupil with attendance scope');
  const admin = await clientFor(accountsOf('swv_admin')[0]);
  expectProblem(await admin.get(`/schools/${school.id}/support-meetings`), 403, 'forbidden', 'swv_admin');
  expectProblem(await admin.get(`/pupils/${fresh[0]}/support-route`), 404, 'not-found', 'swv_admin dossier');
});

test('without a session: 401 on the route and on the school endpoints', async () => {
  const anon = new Client('anonymous');
  expectProblem(await anon.get(`/pupils/${fresh[0]}/support-route`), 401, 'unauthenticated');
  expectProblem(await anon.get(`/schools/${school.id}/support-meetings`), 401, 'unauthenticated');
  expectProblem(await anon.post(`/pupils/${fresh[0]}/support-route/steps`, {}), 401, 'unauthenticated');
});

testConventionsOfAllResponses();
