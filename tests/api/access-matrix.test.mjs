// The access matrix: roles × relations to a pupil × endpoints (design.md: "a test matrix over
// roles × relations × endpoints"). Every relation is found through the API in the demo data;
// a relation the demo does not contain is skipped with the reason, never guessed.
//
// Expected answers (contract, "Access rule"):
//   full + edit   coordinator of enrolment/home school, linked SWV consultant, orthopedagogue on
//                 the case team, the case lead (any role but swv_admin)
//   full, no edit other case-team members (teacher, care provider, municipality consultant)
//   attendance    attendance officer of the pupil's municipality: PATCH 403, notes/audit 403|404
//   none          everybody else: 404 on every pupil endpoint and absent from their list;
//                 swv_admin: 404 on the pupil, 403 on the list itself
// The case team itself is changed only by the case lead and the school side (coordinator of the
// enrolment/home school, linked SWV consultant): the orthopedagogue on the team may edit the dossier
// but not the team. Its PUT is sent unchanged, so an allowed one changes nothing.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { expectProblem, expectStatus, testConventionsOfAllResponses } from './lib/api.mjs';
import { assertSchema } from './lib/schema.mjs';
import {
  accountsOf, clientFor, coordinatorAccountOf, coordinatorWithPupils, findMembership, listAllPupils, listPupils, ownerView, runTag, schoolOf,
} from './lib/world.mjs';

const tag = runTag();
const FULL_EDIT = { scope: 'full', patch: 200, notesGet: 200, notesPost: 201, audit: 200, listed: true, teamGet: 200, teamPut: 200 };
const FULL_VIEW = { scope: 'full', patch: 403, notesGet: 200, notesPost: 201, audit: 200, listed: true, teamGet: 200, teamPut: 403 };
const ATTENDANCE = { scope: 'attendance', patch: 403, notesGet: [403, 404], notesPost: [403, 404], audit: [403, 404], listed: true, teamGet: 403, teamPut: 403 };
const NONE = { scope: null, patch: 404, notesGet: 404, notesPost: 404, audit: 404, listed: false, teamGet: 404, teamPut: 404 };
const ADMIN = { ...NONE, listed: 'forbidden' };

const onTeam = (pupil, client) => (pupil.caseTeam || []).some((m) => m.userId === client.user.id);

/** Coordinators' pupils (first page of each school), for choosing pupils without a relation. */
async function* candidatePupils(limitSchools = 6) {
  for (let k = 0; k < limitSchools; k++) {
    let found;
    try { found = await coordinatorWithPupils(1, k); } catch { return; }
    for (const s of found.page.items.slice(0, 15)) yield s;
  }
}

/** A pupil none of whose relations reach `client` (per `related`), seen by its coordinator. */
async function unrelatedPupil(client, related = () => false) {
  for await (const s of candidatePupils()) {
    const { pupil } = await ownerView(s);
    if (!onTeam(pupil, client) && !related(pupil)) return s;
  }
  return null;
}

const relations = [
  {
    name: 'teacher on the case team (not case lead)', expect: FULL_VIEW,
    find: async () => findMembership(['teacher'], { lead: false }),
  },
  {
    name: 'care_provider on the case team (not case lead)', expect: FULL_VIEW,
    find: async () => findMembership(['care_provider'], { lead: false }),
  },
  {
    name: 'municipality_consultant on the case team (not case lead)', expect: FULL_VIEW,
    find: async () => findMembership(['municipality_consultant'], { lead: false }),
  },
  {
    name: 'orthopedagogue on the case team (not case lead)', expect: { ...FULL_EDIT, teamPut: 403 },
    find: async () => findMembership(['orthopedagogue'], { lead: false }),
  },
  {
    name: 'case lead without an editor role', expect: FULL_EDIT,
    find: async () => findMembership(['teacher', 'care_provider', 'municipality_consultant', 'attendance_officer'], { lead: true, perAccount: 25 }),
  },
  {
    name: 'attendance_officer on the case team (not case lead)', expect: FULL_VIEW,
    find: async () => findMembership(['attendance_officer'], { lead: false, perAccount: 25 }),
  },
  {
    name: 'school_coordinator of the enrolment school', expect: FULL_EDIT,
    find: async () => {
      for (const account of accountsOf('school_coordinator')) {
        const client = await clientFor(account);
        const school = schoolOf(client);
        const page = await listPupils(client, { schoolId: school.id, pageSize: 50 });
        for (const s of page.items) {
          const pupil = expectStatus(await client.get(`/pupils/${s.id}`), 200, 'coordinator view');
          if (!onTeam(pupil, client)) return { client, summary: s };
        }
      }
      return null;
    },
  },
  {
    name: 'school_coordinator of the home school (stamschool)', expect: FULL_EDIT,
    find: async () => {
      for (const account of accountsOf('school_coordinator')) {
        const client = await clientFor(account);
        const school = schoolOf(client);
        const all = await listAllPupils(client);
        for (const s of all) {
          if (!s.homeSchool || s.homeSchool.id !== school.id || s.enrolmentSchool.id === school.id) continue;
          const pupil = expectStatus(await client.get(`/pupils/${s.id}`), 200, 'home-school coordinator view');
          if (!onTeam(pupil, client)) return { client, summary: s };
        }
      }
      return null;
    },
  },
  {
    name: 'school_coordinator of another school', expect: NONE,
    find: async () => {
      const { client, school } = await coordinatorWithPupils(1, 1);
      const s = await unrelatedPupil(client, (p) => p.enrolmentSchool.id === school.id || (p.homeSchool && p.homeSchool.id === school.id));
      return s && { client, summary: s };
    },
  },
  {
    name: 'swv_consultant linked to the enrolment school', expect: FULL_EDIT,
    find: async () => {
      for (const account of accountsOf('swv_consultant')) {
        const client = await clientFor(account);
        const page = await listPupils(client, { pageSize: 50 });
        for (const s of page.items) {
          const pupil = expectStatus(await client.get(`/pupils/${s.id}`), 200, 'consultant view');
          if (!onTeam(pupil, client)) return { client, summary: s };
        }
      }
      return null;
    },
  },
  {
    name: 'swv_consultant not linked to the school', expect: NONE,
    find: async () => {
      const admin = await clientFor(accountsOf('swv_admin')[0]);
      const schools = expectStatus(await admin.get('/organisations?kind=school'), 200, 'schools').items;
      for (const account of accountsOf('swv_consultant')) {
        const client = await clientFor(account);
        for (const school of schools) {
          // Nothing enrolled at the school appears in the consultant's list: not linked to it.
          if ((await listPupils(client, { schoolId: school.id, pageSize: 1 })).total > 0) continue;
          const coordinator = coordinatorAccountOf(school.name);
          if (!coordinator) continue;
          const page = await listPupils(await clientFor(coordinator), { schoolId: school.id, pageSize: 20 });
          for (const s of page.items) {
            if (s.homeSchool) continue; // the consultant might be linked to the home school
            const { pupil } = await ownerView(s);
            if (!onTeam(pupil, client)) return { client, summary: s };
          }
        }
      }
      return null;
    },
  },
  {
    name: "attendance_officer of the pupil's municipality", expect: ATTENDANCE,
    find: async () => {
      for (const account of accountsOf('attendance_officer')) {
        const client = await clientFor(account);
        const page = await listPupils(client, { pageSize: 50 });
        for (const s of page.items) {
          const pupil = expectStatus(await client.get(`/pupils/${s.id}`), 200, 'officer view');
          if (pupil.access.scope === 'attendance') return { client, summary: s };
        }
      }
      return null;
    },
  },
  {
    name: 'attendance_officer of another municipality', expect: NONE,
    find: async () => {
      const client = await clientFor(accountsOf('attendance_officer')[0]);
      const mine = client.user.organisations.map((o) => o.id);
      const s = await unrelatedPupil(client, (p) => !p.municipality || mine.includes(p.municipality.id));
      return s && { client, summary: s };
    },
  },
  {
    name: 'swv_admin', expect: ADMIN,
    find: async () => {
      const client = await clientFor(accountsOf('swv_admin')[0]);
      const { page } = await coordinatorWithPupils(1, 0);
      return { client, summary: page.items[0] };
    },
  },
  ...['teacher', 'orthopedagogue', 'care_provider', 'municipality_consultant'].map((role) => ({
    name: `${role} without a relation`, expect: NONE,
    find: async () => {
      const client = await clientFor(accountsOf(role)[0]);
      const s = await unrelatedPupil(client);
      return s && { client, summary: s };
    },
  })),
];

function statusOk(actual, expected) {
  return Array.isArray(expected) ? expected.includes(actual) : actual === expected;
}

function expectOutcome(res, expected, what) {
  assert.ok(statusOk(res.status, expected), `${what}: expected ${[].concat(expected).join(' or ')}, got ${res.describe()}`);
  if (res.status === 404) expectProblem(res, 404, 'not-found', what);
  if (res.status === 403) expectProblem(res, 403, 'forbidden', what);
}

for (const relation of relations) {
  describe(`access: ${relation.name}`, () => {
    let found = null;
    const e = relation.expect;
    before(async () => { found = await relation.find(); });
    const needs = (t) => {
      if (!found) t.skip(`the demo data has no ${relation.name}`);
      return found;
    };
    const what = (endpoint) => `${found.client.label} (${relation.name}) ${endpoint}`;

    test(e.scope ? `GET pupil → 200, access.scope ${e.scope}` : 'GET pupil → 404', async (t) => {
      if (!needs(t)) return;
      const res = await found.client.get(`/pupils/${found.summary.id}`);
      if (!e.scope) { expectOutcome(res, 404, what('GET pupil')); return; }
      const pupil = expectStatus(res, 200, what('GET pupil'));
      await assertSchema(pupil, 'Pupil', what('GET pupil'));
      assert.deepEqual(pupil.access,
        { scope: e.scope, canEdit: e.patch === 200, canAddNotes: e.notesPost === 201, canEditCaseTeam: e.teamPut === 200 },
        `${what('GET pupil')}: access flags`);
    });

    test(e.listed === 'forbidden' ? 'GET list → 403' : `pupil ${e.listed ? 'is' : 'is not'} in the list`, async (t) => {
      if (!needs(t)) return;
      const q = found.summary.schoolPupilNumber;
      if (e.listed === 'forbidden') {
        expectProblem(await found.client.get(`/pupils?q=${encodeURIComponent(q)}`), 403, 'forbidden', what('GET /pupils'));
        return;
      }
      const hits = await listAllPupils(found.client, { q });
      assert.equal(hits.some((p) => p.id === found.summary.id), e.listed,
        `${what(`GET /pupils?q=${q}`)}: pupil ${found.summary.id} ${e.listed ? 'missing from' : 'leaked into'} the list`);
    });

    test(`GET notes → ${[].concat(e.notesGet).join('|')}`, async (t) => {
      if (!needs(t)) return;
      const res = await found.client.get(`/pupils/${found.summary.id}/notes`);
      expectOutcome(res, e.notesGet, what('GET notes'));
      if (res.status === 200) await assertSchema(res.json, 'NoteList', what('GET notes'));
    });

    test(`GET audit → ${[].concat(e.audit).join('|')}`, async (t) => {
      if (!needs(t)) return;
      const res = await found.client.get(`/pupils/${found.summary.id}/audit?pageSize=5`);
      expectOutcome(res, e.audit, what('GET audit'));
    });

    test(`POST note → ${[].concat(e.notesPost).join('|')}`, async (t) => {
      if (!needs(t)) return;
      const body = `Toegangsmatrix-test: ${relation.name} (${tag})`;
      const res = await found.client.post(`/pupils/${found.summary.id}/notes`, { body });
      expectOutcome(res, e.notesPost, what('POST note'));
      if (res.status !== 201) {
        const { client: owner } = await ownerView(found.summary);
        const notes = expectStatus(await owner.get(`/pupils/${found.summary.id}/notes`), 200, 'owner notes');
        assert.ok(!notes.items.some((n) => n.body === body), `${what('POST note')} was refused but stored`);
      }
    });

    test(`PATCH pupil → ${e.patch}`, async (t) => {
      if (!needs(t)) return;
      const { pupil: before } = await ownerView(found.summary);
      const res = await found.client.patch(`/pupils/${found.summary.id}`, { givenName: before.givenName },
        { headers: { 'if-match': `"${before.version}"` } });
      expectOutcome(res, e.patch, what('PATCH pupil'));
      const { pupil: after } = await ownerView(found.summary);
      assert.equal(after.version, before.version + (e.patch === 200 ? 1 : 0), `${what('PATCH pupil')}: version after the PATCH`);
    });

    test(`GET case-team → ${e.teamGet}, PUT it unchanged → ${e.teamPut}`, async (t) => {
      if (!needs(t)) return;
      const { client: owner } = await ownerView(found.summary);
      const team = expectStatus(await owner.get(`/pupils/${found.summary.id}/case-team`), 200, 'owner case team');
      const res = await found.client.get(`/pupils/${found.summary.id}/case-team`);
      expectOutcome(res, e.teamGet, what('GET case-team'));
      if (res.status === 200) assert.equal(res.json.access.canEdit, e.teamPut === 200, `${what('GET case-team')}: access.canEdit`);
      const members = team.members.map((m) => ({ userId: m.userId, caseRole: m.caseRole, isCaseLead: m.isCaseLead }));
      const put = await found.client.put(`/pupils/${found.summary.id}/case-team`, { members },
        { headers: { 'if-match': `"${team.version}"` } });
      expectOutcome(put, e.teamPut, what('PUT case-team'));
      if (put.status === 200) assert.equal(put.json.version, team.version, `${what('PUT case-team')}: an unchanged team keeps its version`);
    });
  });
}

testConventionsOfAllResponses();
