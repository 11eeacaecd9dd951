// GET /tasks ("Mijn taken") and PATCH /tasks/{id}: only the user's own tasks (assigned to them,
// or to their role at one of their organisations), only about pupils they may see; paging,
// filters, If-Match. The demo region has escalation signals, so leerplicht and coordinators
// have open tasks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client, expectFieldError, expectProblem, expectStatus, testConventionsOfAllResponses } from './lib/api.mjs';
import { assertSchema } from './lib/schema.mjs';
import { accountsOf, clientFor, firstAccount } from './lib/world.mjs';

/** The first account of `role` with at least one open task, with its first page. */
async function withTasks(role) {
  for (const account of accountsOf(role)) {
    const client = await clientFor(account);
    const page = expectStatus(await client.get('/tasks?pageSize=100'), 200, `${client.label} tasks`);
    if (page.total > 0) return { client, page };
  }
  return null;
}

test('every role gets 200 with a TaskPage; swv_admin has no tasks about pupils', async () => {
  for (const role of ['swv_admin', 'swv_consultant', 'school_coordinator', 'teacher', 'orthopedagogue',
    'attendance_officer', 'municipality_consultant', 'care_provider']) {
    const client = await clientFor(firstAccount(role));
    const page = expectStatus(await client.get('/tasks'), 200, `${role} GET /tasks`);
    await assertSchema(page, 'TaskPage', `GET /tasks as ${role}`);
    assert.equal(page.page, 1);
    assert.equal(page.pageSize, 25);
    if (role === 'swv_admin') assert.ok(page.items.every((t) => t.pupil === null), 'swv_admin sees no pupil tasks');
  }
});

test('leerplicht has open signal tasks from the demo, each about a pupil they may see', async () => {
  const found = await withTasks('attendance_officer');
  assert.ok(found, 'no attendance_officer has an open task: does the demo region register absence?');
  const { client, page } = found;
  for (const t of page.items.slice(0, 10)) {
    assert.equal(t.status, 'open');
    assert.equal(t.kind, 'escalation_signal');
    assert.ok(t.signalId, 'signal tasks name their signal');
    const signals = expectStatus(await client.get(`/pupils/${t.pupil.id}/escalation-signals`), 200, 'signals of a task pupil');
    assert.ok(signals.items.some((s) => s.id === t.signalId && s.recipient === 'attendance_officer'),
      `task ${t.id}: signal ${t.signalId} not among the pupil's leerplicht signals`);
  }
  const due = page.items.map((t) => t.dueOn).filter(Boolean);
  assert.deepEqual(due, [...due].sort(), 'sorted by due date');
});

test('coordinators get the care-coordinator signals of their school', async () => {
  const found = await withTasks('school_coordinator');
  assert.ok(found, 'no school_coordinator has an open task');
  for (const t of found.page.items.slice(0, 5)) {
    expectStatus(await found.client.get(`/pupils/${t.pupil.id}`), 200, 'the coordinator sees the pupil of the task');
  }
});

test('paging: pageSize and page; total counts all pages', async () => {
  const found = await withTasks('attendance_officer');
  assert.ok(found);
  const { client } = found;
  const first = expectStatus(await client.get('/tasks?pageSize=1&page=1'), 200, 'page 1');
  assert.equal(first.items.length, Math.min(1, first.total));
  if (first.total >= 2) {
    const second = expectStatus(await client.get('/tasks?pageSize=1&page=2'), 200, 'page 2');
    assert.notEqual(second.items[0].id, first.items[0].id);
    assert.equal(second.total, first.total);
  }
  const past = expectStatus(await client.get(`/tasks?pageSize=100&page=${Math.ceil(first.total / 100) + 1}`), 200, 'past the end');
  assert.deepEqual(past.items, []);
});

test('bad query: 400 for an unknown status, pageSize 0 or 101, page 0', async () => {
  const client = await clientFor(firstAccount('attendance_officer'));
  for (const q of ['status=gedaan', 'pageSize=0', 'pageSize=101', 'page=0', 'page=x']) {
    expectProblem(await client.get(`/tasks?${q}`), 400, 'bad-request', q);
  }
});

test('no session: 401 for GET and PATCH', async () => {
  const anonymous = new Client();
  expectProblem(await anonymous.get('/tasks'), 401, 'unauthenticated');
  expectProblem(await anonymous.patch('/tasks/00000000-0000-4000-8000-000000000000', { status: 'done' }, { headers: { 'if-match': '"1"' } }), 401, 'unauthenticated');
});

test('PATCH: 428 without If-Match, 422 for a bad status, 404 for an unknown or someone else\'s task', async () => {
  const found = await withTasks('attendance_officer');
  assert.ok(found);
  const { client, page } = found;
  const task = page.items[0];
  expectProblem(await client.patch(`/tasks/${task.id}`, { status: 'done' }), 428, 'precondition-required');
  expectProblem(await client.patch(`/tasks/${task.id}`, { status: 'done' }, { headers: { 'if-match': 'x' } }), 400, 'bad-request');
  expectFieldError(await client.patch(`/tasks/${task.id}`, { status: 'cancelled' }, { headers: { 'if-match': `"${task.version}"` } }), 'status', ['invalid-value']);
  expectFieldError(await client.patch(`/tasks/${task.id}`, { status: 'done', note: 'x' }, { headers: { 'if-match': `"${task.version}"` } }), 'note', ['unknown-field']);
  expectProblem(await client.patch('/tasks/00000000-0000-4000-8000-000000000000', { status: 'done' }, { headers: { 'if-match': '"1"' } }), 404, 'not-found');
  expectProblem(await client.patch('/tasks/geen-uuid', { status: 'done' }, { headers: { 'if-match': '"1"' } }), 404, 'not-found');
  const teacher = await clientFor(firstAccount('teacher'));
  expectProblem(await teacher.patch(`/tasks/${task.id}`, { status: 'done' }, { headers: { 'if-match': `"${task.version}"` } }), 404, 'not-found', 'teacher on the leerplicht task');
  const unchanged = expectStatus(await client.get('/tasks?pageSize=100'), 200, 'after refusals');
  assert.equal(unchanged.items.find((t) => t.id === task.id).version, task.version, 'refused PATCHes changed nothing');
});

testConventionsOfAllResponses();
