// Audit trail: reads and writes are recorded with actor, action, resource and purpose.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { expectProblem, expectStatus, testConventionsOfAllResponses } from './lib/api.mjs';
import { assertSchema } from './lib/schema.mjs';
import { coordinatorWithPupils, findMembership, runTag } from './lib/world.mjs';

let client;
let id;

before(async () => {
  const found = await coordinatorWithPupils(1, 1);
  client = found.client;
  id = found.page.items[found.page.items.length - 1].id;
});

async function audit(query = '', c = client) {
  const res = await c.get(`/pupils/${id}/audit${query}`);
  const body = expectStatus(res, 200, `GET audit${query}`);
  await assertSchema(body, 'AuditEventPage', 'GET /pupils/{id}/audit');
  return body;
}

const mine = (e, c = client) => e.actor.id === c.user.id;

test('a read of the pupil is audited with the purpose from X-Purpose', async () => {
  const purpose = `zorgoverleg ${runTag()}`.slice(0, 100);
  expectStatus(await client.get(`/pupils/${id}`, { headers: { 'x-purpose': purpose } }), 200, 'GET pupil');
  const body = await audit();
  const event = body.items.find((e) => e.purpose === purpose);
  assert.ok(event, `no audit event with purpose "${purpose}" among the newest ${body.items.length}: ${JSON.stringify(body.items.slice(0, 3))}`);
  assert.equal(event.action, 'read', 'action');
  assert.equal(event.resource, 'pupil', 'resource');
  assert.ok(mine(event), `actor ${JSON.stringify(event.actor)} is not ${client.label}`);
  assert.equal(event.actor.role, 'school_coordinator', 'actor.role');
  assert.equal(event.actor.displayName, client.user.displayName, 'actor.displayName');
});

test('without X-Purpose the purpose is "begeleiding"', async () => {
  expectStatus(await client.get(`/pupils/${id}`), 200, 'GET pupil');
  const body = await audit('?pageSize=5');
  const read = body.items.find((e) => mine(e) && e.resource === 'pupil' && e.action === 'read');
  assert.ok(read, `no read of "pupil" among the newest 5 events: ${JSON.stringify(body.items)}`);
  assert.equal(read.purpose, 'begeleiding');
});

test('reading the audit trail is itself audited', async () => {
  const first = await audit('?pageSize=1');
  const second = await audit('?pageSize=5');
  assert.ok(second.total >= first.total + 1, `total went from ${first.total} to ${second.total}: reading the audit must add an event`);
  assert.ok(second.items.some((e) => mine(e) && e.resource === 'pupil.audit' && e.action === 'read'),
    `no read of "pupil.audit" by ${client.label} among the newest events: ${JSON.stringify(second.items)}`);
});

test('a new note is audited as create of pupil.notes, a change as update of pupil', async () => {
  expectStatus(await client.post(`/pupils/${id}/notes`, { body: `auditcontrole (${runTag()})` }), 201, 'POST note');
  const p = expectStatus(await client.get(`/pupils/${id}`), 200, 'GET pupil');
  expectStatus(await client.patch(`/pupils/${id}`, { givenName: p.givenName }, { headers: { 'if-match': `"${p.version}"` } }), 200, 'PATCH');
  const body = await audit('?pageSize=10');
  assert.ok(body.items.some((e) => mine(e) && e.action === 'create' && e.resource === 'pupil.notes'),
    `no create of pupil.notes: ${JSON.stringify(body.items.map((e) => [e.action, e.resource]))}`);
  assert.ok(body.items.some((e) => mine(e) && e.action === 'update' && e.resource === 'pupil'),
    `no update of pupil: ${JSON.stringify(body.items.map((e) => [e.action, e.resource]))}`);
});

test('audit paging: newest first, pageSize bounds, default 50', async () => {
  const body = await audit();
  assert.equal(body.page, 1, 'default page');
  assert.equal(body.pageSize, 50, 'default pageSize');
  for (let i = 1; i < body.items.length; i++) {
    assert.ok(body.items[i - 1].at >= body.items[i].at, `not newest first at ${i}: ${body.items[i - 1].at} before ${body.items[i].at}`);
  }
  const two = await audit('?page=2&pageSize=1');
  assert.equal(two.items.length, 1, 'page 2 of size 1 has one event (there are at least two)');
  for (const qs of ['pageSize=0', 'pageSize=101', 'pageSize=abc', 'page=0']) {
    expectProblem(await client.get(`/pupils/${id}/audit?${qs}`), 400, 'bad-request', `audit?${qs}`);
  }
});

test('X-Purpose longer than 100 characters: 400 bad-request', async () => {
  expectProblem(await client.get(`/pupils/${id}`, { headers: { 'x-purpose': 'p'.repeat(101) } }), 400, 'bad-request', 'X-Purpose of 101 chars');
  expectStatus(await client.get(`/pupils/${id}`, { headers: { 'x-purpose': 'p'.repeat(100) } }), 200, 'X-Purpose of 100 chars');
});

test('a case-team member may read the audit trail, which shows their own read', async (t) => {
  const found = await findMembership(['teacher', 'care_provider', 'municipality_consultant', 'orthopedagogue'], { lead: false });
  if (!found) { t.skip('no case-team member found in the demo'); return; }
  const { client: member, pupil } = found;
  const res = await member.get(`/pupils/${pupil.id}/audit?pageSize=20`);
  const body = expectStatus(res, 200, `${member.label} GET audit`);
  assert.ok(body.items.some((e) => e.actor.id === member.user.id && e.resource === 'pupil'),
    `${member.label} just read the pupil but the audit does not show it`);
});

testConventionsOfAllResponses();
