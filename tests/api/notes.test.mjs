// Notes: create, list newest first, validation. Notes accumulate across runs (by design).
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { expectFieldError, expectProblem, expectStatus, testConventionsOfAllResponses } from './lib/api.mjs';
import { assertSchema } from './lib/schema.mjs';
import { coordinatorWithPupils, runTag } from './lib/world.mjs';

let client;
let id;
const tag = runTag();

before(async () => {
  const found = await coordinatorWithPupils(1, 1);
  client = found.client;
  id = found.page.items[0].id;
});

test('POST note: 201, Location, the note with default kind "note" and the author', async () => {
  const started = Date.now();
  const res = await client.post(`/pupils/${id}/notes`, { body: `Gesprek met moeder gepland (${tag}).` });
  const note = expectStatus(res, 201, 'POST note');
  await assertSchema(note, 'Note', 'POST /pupils/{id}/notes');
  assert.equal(note.kind, 'note', 'default kind');
  assert.equal(note.body, `Gesprek met moeder gepland (${tag}).`, 'body stored as sent');
  assert.equal(note.author.id, client.user.id, 'author.id is the current user');
  assert.equal(note.author.displayName, client.user.displayName, 'author.displayName');
  const created = Date.parse(note.createdAt);
  assert.ok(Math.abs(created - started) < 5 * 60e3, `createdAt ${note.createdAt} is not about now (${new Date(started).toISOString()})`);
  const location = res.headers.get('location');
  assert.ok(location, 'Location header missing on 201');
  assert.ok(location.includes(`/pupils/${id}/notes`) && location.includes(note.id),
    `Location must name the new note (…/pupils/${id}/notes/${note.id}), got ${location}`);
});

test('POST note with an explicit kind; unicode survives', async () => {
  const text = `Besluit: extra ondersteuning — “ééntje” 👍 (${tag})`;
  const note = expectStatus(await client.post(`/pupils/${id}/notes`, { body: text, kind: 'decision' }), 201, 'POST decision');
  assert.equal(note.kind, 'decision');
  assert.equal(note.body, text);
});

test('GET notes: newest first, including the notes just made', async () => {
  const a = expectStatus(await client.post(`/pupils/${id}/notes`, { body: `eerste (${tag})`, kind: 'conversation' }), 201, 'first');
  await new Promise((r) => setTimeout(r, 1100)); // distinct createdAt even at second precision
  const b = expectStatus(await client.post(`/pupils/${id}/notes`, { body: `tweede (${tag})`, kind: 'meeting' }), 201, 'second');
  const res = await client.get(`/pupils/${id}/notes`);
  const list = expectStatus(res, 200, 'GET notes');
  await assertSchema(list, 'NoteList', 'GET /pupils/{id}/notes');
  const ids = list.items.map((n) => n.id);
  assert.equal(ids[0], b.id, 'the newest note comes first');
  assert.ok(ids.indexOf(a.id) > ids.indexOf(b.id), 'the older note comes after the newer one');
  for (let i = 1; i < list.items.length; i++) {
    assert.ok(list.items[i - 1].createdAt >= list.items[i].createdAt,
      `not newest first at ${i}: ${list.items[i - 1].createdAt} before ${list.items[i].createdAt}`);
  }
});

test('POST note validation: 422 naming body or kind', async () => {
  expectFieldError(await client.post(`/pupils/${id}/notes`, { body: '' }), 'body', 'too-short', 'empty body');
  expectFieldError(await client.post(`/pupils/${id}/notes`, {}), 'body', 'required', 'no body');
  expectFieldError(await client.post(`/pupils/${id}/notes`, { body: 42 }), 'body', 'invalid-type', 'body: 42');
  expectFieldError(await client.post(`/pupils/${id}/notes`, { body: 'x'.repeat(10001) }), 'body', 'too-long', '10001 characters');
  expectFieldError(await client.post(`/pupils/${id}/notes`, { body: 'x', kind: 'memo' }), 'kind', 'invalid-value', 'kind: memo');
  expectFieldError(await client.post(`/pupils/${id}/notes`, { body: 'x', author: 'iemand anders' }), 'author', 'unknown-field', 'unknown field author');
  const list = expectStatus(await client.get(`/pupils/${id}/notes`), 200, 'GET notes');
  assert.ok(!list.items.some((n) => n.body === 'x' || n.body.length > 10000), 'a rejected note was stored');
});

test('POST note with a malformed body or media type: 400 / 415', async () => {
  expectProblem(await client.request('POST', `/pupils/${id}/notes`, { body: '{"body": ', contentType: 'application/json' }), 400, 'invalid-json', 'truncated JSON');
  expectProblem(await client.request('POST', `/pupils/${id}/notes`, { body: 'hallo', contentType: 'text/plain' }), 415, 'unsupported-media-type', 'text/plain');
});

test('notes of an unknown or invisible pupil: 404', async () => {
  const other = await coordinatorWithPupils(1, 0);
  const foreign = other.page.items.find((p) => p.enrolmentSchool.id === other.school.id);
  const seenByMe = await client.get(`/pupils/${foreign.id}`);
  if (seenByMe.status === 200) return; // the two schools share this pupil; nothing to test
  expectProblem(await client.get(`/pupils/${foreign.id}/notes`), 404, 'not-found', 'GET notes of another school');
  expectProblem(await client.post(`/pupils/${foreign.id}/notes`, { body: `mag niet (${tag})` }), 404, 'not-found', 'POST note to another school');
  expectProblem(await client.get('/pupils/00000000-0000-4000-8000-000000000000/notes'), 404, 'not-found', 'unknown pupil');
});

testConventionsOfAllResponses();
