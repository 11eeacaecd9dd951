// The case team (betrokkenen): read it with its version, replace it as a whole with If-Match (412 on
// a stale version, 428 without), every rule refused with its own code and the field (422), access
// (the regisseur and the school side may change it; another member 403, leerplicht 403, another
// school and the SWV admin 404, no session 401), the people search, and what a change does: a new
// member reads the dossier at once, a removed one gets 404 at once, and the audit trail shows the
// change with the user ids. What follows a change: a system entry in the dossier's timeline (kind
// case_team_change, not one a person can add), and the former regisseur's open tasks of the pupil
// that were theirs as regisseur go to the new one (tasks for another duty stay). The run ends with
// the pupil's original team (its content; the version moves), so re-runs and the files after this
// one see the demo data as it was.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client, expectFieldError, expectProblem, expectStatus, testConventionsOfAllResponses } from './lib/api.mjs';
import { assertSchema } from './lib/schema.mjs';
import { accountsOf, clientFor, firstAccount, listAllPupils, runTag, schoolOf } from './lib/world.mjs';

const tag = runTag().toLowerCase().replace(/[^a-z0-9]/g, '');

let coordinator; // coordinator of the pupil's enrolment school (the demo puts them on the team too)
let pupilId;
let original; // the team as the demo made it: [{ userId, caseRole, isCaseLead }]
let newcomer; // a care provider with no relation to the pupil
let other; // the coordinator of another school
let admin;

const input = (members) => members.map((m) => ({ userId: m.userId, caseRole: m.caseRole, isCaseLead: m.isCaseLead }));
const ifMatch = (version) => ({ headers: { 'if-match': `"${version}"` } });

async function team(client = coordinator) {
  return expectStatus(await client.get(`/pupils/${pupilId}/case-team`), 200, `${client.label}: GET case-team`);
}

/** Every open task in `client`'s GET /tasks about the pupil, by id. */
async function openTasksOfPupil(client) {
  const ids = new Set();
  for (let page = 1; ; page++) {
    const body = expectStatus(await client.get(`/tasks?pageSize=100&page=${page}`), 200, `${client.label} tasks`);
    for (const t of body.items) if (t.pupil?.id === pupilId) ids.add(t.id);
    if (page * body.pageSize >= body.total) return ids;
  }
}

async function put(members, version, client = coordinator) {
  return client.put(`/pupils/${pupilId}/case-team`, { members }, ifMatch(version));
}

/** A 422 with the rule's code as the problem code and one error naming `field` with it. */
function expectRule(res, code, field, context) {
  const p = expectProblem(res, 422, code, context);
  assert.ok(Array.isArray(p.errors), `${context}: errors[] lists the broken rules: ${res.describe()}`);
  const hit = p.errors.find((e) => e.code === code && e.name === field);
  assert.ok(hit, `${context}: errors[] has ${code} at ${field}: ${JSON.stringify(p.errors)}`);
  assert.ok(hit.reason.length > 10, `${context}: a Dutch reason`);
  return p;
}

before(async () => {
  admin = await clientFor(firstAccount('swv_admin'));
  for (const account of accountsOf('school_coordinator')) {
    const c = await clientFor(account);
    const school = schoolOf(c);
    const pupils = (await listAllPupils(c)).filter((p) => p.enrolmentSchool.id === school.id);
    for (const p of pupils) {
      const t = expectStatus(await c.get(`/pupils/${p.id}/case-team`), 200, 'GET case-team');
      // A team with a plain member (no regisseur, no school-side role) to show they may not change it.
      const plain = t.members.some((m) => !m.isCaseLead && ['teacher', 'care_provider'].includes(m.role));
      if (t.members.length >= 3 && plain) {
        coordinator = c;
        pupilId = p.id;
        original = input(t.members);
        break;
      }
    }
    if (coordinator) break;
  }
  assert.ok(coordinator, 'no school_coordinator with a pupil of their school with a case team of 3 or more');
  for (const account of accountsOf('care_provider')) {
    const c = await clientFor(account);
    if ((await c.get(`/pupils/${pupilId}`)).status === 404) { newcomer = c; break; }
  }
  assert.ok(newcomer, 'no care_provider without a relation to the pupil');
  for (const account of accountsOf('school_coordinator')) {
    const c = await clientFor(account);
    if ((await c.get(`/pupils/${pupilId}`)).status === 404) { other = c; break; }
  }
  assert.ok(other, 'no coordinator of another school');
});

after(async () => {
  // Back to the demo's team, whatever happened above.
  if (!coordinator) return;
  const now = await team();
  const res = await put(original, now.version);
  assert.ok(res.status === 200, `restoring the original team: ${res.describe()}`);
});

test('GET case-team: the members with the regisseur first, the version as ETag, the role list', async () => {
  const res = await coordinator.get(`/pupils/${pupilId}/case-team`);
  const t = expectStatus(res, 200, 'GET case-team');
  await assertSchema(t, 'CaseTeam', 'GET /pupils/{id}/case-team');
  assert.equal(res.headers.get('etag'), `"${t.version}"`);
  assert.equal(t.pupilId, pupilId);
  assert.equal(t.members.filter((m) => m.isCaseLead).length, 1, 'exactly one regisseur');
  assert.ok(t.members[0].isCaseLead, 'the regisseur first');
  assert.ok(t.caseRoles.includes('mentor') && t.caseRoles.includes('jeugdhulpverlener'), 'the controlled list');
  assert.deepEqual(t.access, { canEdit: true });
  const pupil = expectStatus(await coordinator.get(`/pupils/${pupilId}`), 200, 'GET pupil');
  assert.equal(pupil.access.canEditCaseTeam, true, 'the dossier says the coordinator may change the team');
  assert.deepEqual(input(pupil.caseTeam).sort((a, b) => a.userId.localeCompare(b.userId)),
    input(t.members).sort((a, b) => a.userId.localeCompare(b.userId)), 'the same team as in the dossier');
});

test('candidates: people of the region by part of their name, limited; bad parameters 400', async () => {
  const name = newcomer.user.displayName;
  const part = name.split(' ').pop().slice(0, 4).toUpperCase();
  const res = await coordinator.get(`/pupils/${pupilId}/case-team/candidates?q=${encodeURIComponent(part)}`);
  const list = expectStatus(res, 200, 'candidates');
  await assertSchema(list, 'CaseTeamCandidateList', 'GET /pupils/{id}/case-team/candidates');
  const hit = list.items.find((c) => c.userId === newcomer.user.id);
  assert.ok(hit, `${name} is found by "${part}" (case does not matter)`);
  assert.equal(hit.role, 'care_provider');
  assert.ok(list.items.every((c) => c.role !== 'swv_admin'), 'never the SWV admin');
  const limited = expectStatus(await coordinator.get(`/pupils/${pupilId}/case-team/candidates?limit=2`), 200, 'limit');
  assert.equal(limited.items.length, 2);
  assert.ok(limited.total > 2, 'total counts every match');
  assert.ok(!limited.items.some((c) => c.userId === admin.user.id));
  expectProblem(await coordinator.get(`/pupils/${pupilId}/case-team/candidates?limit=0`), 400, 'bad-request', 'limit 0');
  expectProblem(await coordinator.get(`/pupils/${pupilId}/case-team/candidates?limit=51`), 400, 'bad-request', 'limit 51');
  expectProblem(await coordinator.get(`/pupils/${pupilId}/case-team/candidates?q=${'x'.repeat(101)}`), 400,
    'bad-request', 'q too long');
});

test('the newcomer cannot see the pupil before being added', async () => {
  expectProblem(await newcomer.get(`/pupils/${pupilId}`), 404, 'not-found', 'before');
  expectProblem(await newcomer.get(`/pupils/${pupilId}/case-team`), 404, 'not-found', 'before, the team');
});

let added; // the team after the newcomer joined as regisseur
let formerLead; // the client of the demo's regisseur
let formerLeadTasks; // their open tasks of the pupil before the change (ids)
let handedOver; // the tasks the change handed over (ids, from the audit event)
test('PUT adds a member and makes them regisseur in one change: 200, version + 1, one audit event', async () => {
  const before = await team();
  const lead = before.members.find((m) => m.isCaseLead);
  for (const account of accountsOf(lead.role)) {
    const c = await clientFor(account);
    if (c.user.id === lead.userId) { formerLead = c; break; }
  }
  assert.ok(formerLead, `the regisseur's account (${lead.role}) is in EENPLAN_ACCOUNTS`);
  formerLeadTasks = await openTasksOfPupil(formerLead);
  const members = [...input(before.members).map((m) => ({ ...m, isCaseLead: false })),
    { userId: newcomer.user.id, caseRole: 'jeugdhulpverlener', isCaseLead: true }];
  const res = await put(members, before.version);
  added = expectStatus(res, 200, 'PUT case-team');
  await assertSchema(added, 'CaseTeam', 'PUT /pupils/{id}/case-team');
  assert.equal(added.version, before.version + 1);
  assert.equal(res.headers.get('etag'), `"${added.version}"`);
  assert.equal(added.members.length, before.members.length + 1);
  assert.equal(added.members[0].userId, newcomer.user.id, 'the new regisseur first');
  assert.equal(added.members[0].caseRole, 'jeugdhulpverlener');
  assert.equal(added.members.filter((m) => m.isCaseLead).length, 1);
  assert.equal(added.access.canEdit, true, 'the coordinator still may change it');
  // The dossier's own version did not move: no false conflict for someone editing the personalia.
  const pupil = expectStatus(await coordinator.get(`/pupils/${pupilId}`), 200, 'GET pupil');
  assert.ok(pupil.caseTeam.some((m) => m.userId === newcomer.user.id && m.isCaseLead), 'the dossier shows the change');

  const trail = expectStatus(await coordinator.get(`/pupils/${pupilId}/audit?pageSize=20`), 200, 'audit');
  await assertSchema(trail, 'AuditEventPage', 'GET /pupils/{id}/audit');
  const events = trail.items.filter((e) => e.action === 'update' && e.resource === 'pupil.case_team' &&
    e.detail && e.detail.added.includes(newcomer.user.id));
  assert.equal(events.length, 1, 'one audit event for the change');
  const [event] = events;
  assert.equal(event.actor.id, coordinator.user.id);
  assert.equal(event.purpose, 'begeleiding');
  const oldLead = original.find((m) => m.isCaseLead).userId;
  handedOver = event.detail.tasksHandedOver;
  assert.ok(Array.isArray(handedOver), 'the tasks handed over with regie, when the regisseur changed');
  assert.deepEqual(event.detail, {
    added: [newcomer.user.id], removed: [], changed: [oldLead], caseLeadBefore: oldLead, caseLeadAfter: newcomer.user.id,
    tasksHandedOver: handedOver,
  }, 'who joined, who changed, the regisseur before and after, the tasks handed over: ids only');
  assert.ok(handedOver.every((id) => formerLeadTasks.has(id)), 'only tasks the former regisseur held');
});

test('the timeline shows the change as a system entry in Dutch, by who made it', async () => {
  const list = expectStatus(await coordinator.get(`/pupils/${pupilId}/notes`), 200, 'GET notes');
  await assertSchema(list, 'NoteList', 'GET /pupils/{id}/notes');
  const entry = list.items[0];
  assert.equal(entry.kind, 'case_team_change', 'the newest entry is the team change');
  assert.equal(entry.author.id, coordinator.user.id, 'written in the name of who changed the team');
  const newName = newcomer.user.displayName;
  const oldName = formerLead.user.displayName;
  const tasks = handedOver.length === 0 ? ''
    : `; ${handedOver.length} open ${handedOver.length === 1 ? 'taak' : 'taken'} overgedragen aan ${newName}`;
  assert.equal(entry.body,
    `Betrokkenen gewijzigd: ${newName} toegevoegd (jeugdhulpverlener); ${newName} is nu regisseur (was: ${oldName})${tasks}`);
  const seen = expectStatus(await newcomer.get(`/pupils/${pupilId}/notes`), 200, 'newcomer GET notes');
  assert.equal(seen.items[0].id, entry.id, 'the new regisseur reads it too');
});

test('nobody adds a system entry themselves: POST notes with kind case_team_change is 422', async () => {
  const res = await coordinator.post(`/pupils/${pupilId}/notes`, {
    kind: 'case_team_change', body: 'Betrokkenen gewijzigd: niemand',
  });
  expectFieldError(res, 'kind', 'invalid-value', 'a system kind');
  const list = expectStatus(await coordinator.get(`/pupils/${pupilId}/notes`), 200, 'GET notes');
  assert.ok(!list.items.some((n) => n.body === 'Betrokkenen gewijzigd: niemand'), 'nothing saved');
});

test('the tasks of the regisseur went over: the new regisseur has them in GET /tasks, the former one no longer;'
  + ' tasks for another duty stay', async () => {
  const now = await openTasksOfPupil(newcomer);
  assert.deepEqual([...now].sort(), [...handedOver].sort(), 'the new regisseur has exactly the tasks handed over');
  const former = await openTasksOfPupil(formerLead);
  for (const id of handedOver) assert.ok(!former.has(id), `task ${id} is no longer the former regisseur's`);
  for (const id of formerLeadTasks) {
    if (!handedOver.includes(id)) assert.ok(former.has(id), `task ${id} (another duty) stays with its holder`);
  }
});

test('the new member reads the dossier at once, as regisseur may change the team, and lists the pupil', async () => {
  const pupil = expectStatus(await newcomer.get(`/pupils/${pupilId}`), 200, 'newcomer GET pupil');
  assert.equal(pupil.access.scope, 'full');
  assert.equal(pupil.access.canEditCaseTeam, true, 'the regisseur may change the team');
  const mine = await listAllPupils(newcomer);
  assert.ok(mine.some((p) => p.id === pupilId), 'in the newcomer\'s Mijn leerlingen');
  assert.equal((await team(newcomer)).access.canEdit, true);
});

test('a stale If-Match is 412 with the current team; none is 428; a malformed one 400', async () => {
  const res = await put(input(added.members), added.version - 1);
  const p = expectProblem(res, 412, 'version-conflict', 'stale');
  await assertSchema(p.current, 'CaseTeam', 'PUT 412 current');
  assert.equal(p.current.version, added.version);
  assert.equal(res.headers.get('etag'), `"${added.version}"`);
  expectProblem(await coordinator.put(`/pupils/${pupilId}/case-team`, { members: input(added.members) }), 428,
    'precondition-required', 'no If-Match');
  expectProblem(await coordinator.put(`/pupils/${pupilId}/case-team`, { members: input(added.members) },
    { headers: { 'if-match': 'W/"3"' } }), 400, 'bad-request', 'weak validator');
});

test('every broken rule is 422 with its code and the field; nothing is saved', async () => {
  const base = input(added.members);
  const v = added.version;
  const lead = base.findIndex((m) => m.isCaseLead);
  const notLead = base.findIndex((m) => !m.isCaseLead);

  expectRule(await put(base.map((m) => ({ ...m, isCaseLead: false })), v), 'no-case-lead', 'members', 'no regisseur');
  expectRule(await put(base.map((m, i) => ({ ...m, isCaseLead: m.isCaseLead || i === notLead })), v),
    'two-case-leads', `members[${Math.max(lead, notLead)}].isCaseLead`, 'two regisseurs');
  const p = expectRule(await put(base.filter((m) => !m.isCaseLead), v), 'case-lead-removed', 'members',
    'the regisseur leaves without a successor');
  assert.match(p.detail, /nieuwe regisseur/, 'tells what to do');
  expectRule(await put([...base, { ...base[notLead], isCaseLead: false }], v), 'duplicate-member',
    `members[${base.length}].userId`, 'someone twice');
  expectRule(await put([...base, { userId: '00000000-0000-4000-8000-000000000000', caseRole: 'mentor' }], v),
    'unknown-user', `members[${base.length}].userId`, 'no such account');
  expectRule(await put([...base, { userId: admin.user.id, caseRole: 'anders' }], v), 'admin-cannot-join',
    `members[${base.length}].userId`, 'the SWV admin');
  expectRule(await put(base.map((m, i) => (i === notLead ? { ...m, caseRole: 'tovenaar' } : m)), v),
    'unknown-case-role', `members[${notLead}].caseRole`, 'a role outside the list');
  const many = Array.from({ length: 21 }, (_, i) => ({
    userId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, caseRole: 'mentor', isCaseLead: i === 0,
  }));
  const tooMany = expectProblem(await put(many, v), 422, 'unknown-user', 'more than 20');
  assert.ok(tooMany.errors.some((e) => e.code === 'too-many-members' && e.name === 'members'), 'too-many-members too');

  const now = await team();
  assert.equal(now.version, v, 'no refused change moved the version');
  assert.deepEqual(input(now.members), base, 'no refused change was saved');
});

test('a blocked account cannot join: 422 account-disabled', async () => {
  const created = expectStatus(await admin.post('/users', {
    username: `mentor.${tag}.${Math.floor(Math.random() * 1e6)}`, displayName: 'Tijmen Geblokkeerd', role: 'teacher',
    password: 'Lange-Zin-Voor-Test-1', organisationIds: [schoolOf(coordinator).id],
  }), 201, 'create account');
  expectStatus(await admin.patch(`/users/${created.id}`, { disabled: true }, ifMatch(created.version)), 200, 'disable');
  expectRule(await put([...input(added.members), { userId: created.id, caseRole: 'mentor' }], added.version),
    'account-disabled', `members[${added.members.length}].userId`, 'blocked account');
  const found = expectStatus(await coordinator.get(`/pupils/${pupilId}/case-team/candidates?q=Geblokkeerd`), 200,
    'candidates');
  assert.ok(!found.items.some((c) => c.userId === created.id), 'a blocked account is no candidate');
});

test('a malformed body is 422 validation-failed per field, 400 for broken JSON, 415 without JSON', async () => {
  const v = added.version;
  expectFieldError(await coordinator.put(`/pupils/${pupilId}/case-team`, {}, ifMatch(v)), 'members', 'required',
    'no members');
  expectFieldError(await coordinator.put(`/pupils/${pupilId}/case-team`, { members: 'allemaal' }, ifMatch(v)),
    'members', 'invalid-type', 'members as a string');
  const res = await put([{ userId: 'jan', caseRole: 7, isCaseLead: 'ja', extra: 1 }, 'x'], v);
  expectFieldError(res, 'members[0].userId', 'invalid-value', 'not an id');
  expectFieldError(res, 'members[0].caseRole', 'invalid-type', 'role as a number');
  expectFieldError(res, 'members[0].isCaseLead', 'invalid-type', 'flag as a string');
  expectFieldError(res, 'members[0].extra', 'unknown-field', 'unknown field');
  expectFieldError(res, 'members[1]', 'invalid-type', 'member as a string');
  expectFieldError(await put([{ userId: newcomer.user.id }], v), 'members[0].caseRole', 'required', 'no role');
  expectFieldError(await coordinator.put(`/pupils/${pupilId}/case-team`, { members: [], more: 1 }, ifMatch(v)),
    'more', 'unknown-field', 'unknown top-level field');
  expectProblem(await coordinator.request('PUT', `/pupils/${pupilId}/case-team`, {
    body: '{"members":', contentType: 'application/json', headers: { 'if-match': `"${v}"` },
  }), 400, 'invalid-json', 'broken JSON');
  expectProblem(await coordinator.request('PUT', `/pupils/${pupilId}/case-team`, {
    body: 'members', contentType: 'text/plain', headers: { 'if-match': `"${v}"` },
  }), 415, 'unsupported-media-type', 'not JSON');
});

test('saving the team unchanged keeps its version and writes no change to the audit trail', async () => {
  const updates = async () => expectStatus(await coordinator.get(`/pupils/${pupilId}/audit?pageSize=100`), 200, 'audit')
    .items.filter((e) => e.action === 'update' && e.resource === 'pupil.case_team').length;
  const before = await updates();
  const res = await put([...input(added.members)].reverse(), added.version);
  const same = expectStatus(res, 200, 'unchanged PUT');
  assert.equal(same.version, added.version);
  assert.equal(await updates(), before, 'no update event for an unchanged team');
});

test('who may not change the team: another member 403, leerplicht 403, another school / the admin 404, no session 401',
  async (t) => {
    const now = await team();
    const body = input(now.members);
    // A plain member (no regisseur, no school-side role) may read the team but not change it.
    const oldLead = original.find((m) => m.isCaseLead).userId;
    const plain = now.members.find((m) => !m.isCaseLead && m.userId !== oldLead && ['teacher', 'care_provider'].includes(m.role));
    let member = null;
    for (const account of accountsOf(plain.role)) {
      const c = await clientFor(account);
      if (c.user.id === plain.userId) { member = c; break; }
    }
    assert.ok(member, `the account of the plain member ${plain.userId} is in EENPLAN_ACCOUNTS`);
    {
      const seen = expectStatus(await member.get(`/pupils/${pupilId}/case-team`), 200, 'member GET');
      assert.equal(seen.access.canEdit, false, 'a member sees the team but may not change it');
      expectProblem(await put(body, now.version, member), 403, 'forbidden', 'a plain member');
      expectProblem(await member.get(`/pupils/${pupilId}/case-team/candidates`), 403, 'forbidden', 'member search');
      const pupil = expectStatus(await member.get(`/pupils/${pupilId}`), 200, 'member GET pupil');
      assert.equal(pupil.access.canEditCaseTeam, false);
    }
    expectProblem(await put(body, now.version, other), 404, 'not-found', 'another school');
    expectProblem(await other.get(`/pupils/${pupilId}/case-team`), 404, 'not-found', 'another school GET');
    expectProblem(await other.get(`/pupils/${pupilId}/case-team/candidates`), 404, 'not-found', 'another school search');
    expectProblem(await put(body, now.version, admin), 404, 'not-found', 'the SWV admin');
    // Leerplicht through the municipality sees identity and verzuim only: no case team at all.
    let officerSeen = false;
    for (const account of accountsOf('attendance_officer')) {
      const officer = await clientFor(account);
      for (const s of (await listAllPupils(officer)).slice(0, 10)) {
        const pupil = expectStatus(await officer.get(`/pupils/${s.id}`), 200, 'leerplicht GET pupil');
        if (pupil.access.scope !== 'attendance') continue;
        officerSeen = true;
        assert.equal(pupil.access.canEditCaseTeam, false);
        expectProblem(await officer.get(`/pupils/${s.id}/case-team`), 403, 'forbidden', 'leerplicht GET');
        expectProblem(await officer.put(`/pupils/${s.id}/case-team`, { members: [] }, ifMatch(1)), 403, 'forbidden',
          'leerplicht PUT');
        expectProblem(await officer.get(`/pupils/${s.id}/case-team/candidates`), 403, 'forbidden', 'leerplicht search');
        break;
      }
      if (officerSeen) break;
    }
    assert.ok(officerSeen, 'an attendance officer with attendance scope on a pupil');
    const anonymous = new Client('anonymous');
    expectProblem(await anonymous.get(`/pupils/${pupilId}/case-team`), 401, 'unauthenticated', 'no session');
    const unknown = '00000000-0000-4000-8000-0000000000ff';
    expectProblem(await coordinator.get(`/pupils/${unknown}/case-team`), 404, 'not-found', 'unknown pupil');
    expectProblem(await coordinator.get('/pupils/niet-een-id/case-team'), 404, 'not-found', 'malformed id');
    assert.equal((await team()).version, now.version, 'no refused change moved the version');
  });

test('removing the member takes their access away at once: 404 on the dossier, gone from their list', async () => {
  const t = await team();
  const members = input(t.members).filter((m) => m.userId !== newcomer.user.id);
  const oldLead = original.find((m) => m.isCaseLead).userId;
  for (const m of members) m.isCaseLead = m.userId === oldLead;
  const removed = expectStatus(await put(members, t.version), 200, 'remove the newcomer');
  assert.ok(!removed.members.some((m) => m.userId === newcomer.user.id));
  expectProblem(await newcomer.get(`/pupils/${pupilId}`), 404, 'not-found', 'removed member GET pupil');
  expectProblem(await newcomer.get(`/pupils/${pupilId}/notes`), 404, 'not-found', 'removed member GET notes');
  assert.ok(!(await listAllPupils(newcomer)).some((p) => p.id === pupilId), 'gone from their Mijn leerlingen');
  const trail = expectStatus(await coordinator.get(`/pupils/${pupilId}/audit?pageSize=10`), 200, 'audit');
  const event = trail.items.find((e) => e.action === 'update' && e.resource === 'pupil.case_team');
  assert.deepEqual(event.detail.removed, [newcomer.user.id], 'the audit names who left');
  assert.equal(event.detail.caseLeadAfter, oldLead, 'and who is regisseur again');
});

testConventionsOfAllResponses();
