// Session: login, the current session, logout, CSRF, and 401 without a session.
// Failed logins here: two per run (wrong password, unknown user) — far below the per-address limit.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client, expectProblem, expectStatus, expectFieldError, testConventionsOfAllResponses } from './lib/api.mjs';
import { assertSchema } from './lib/schema.mjs';
import { clientFor, coordinatorWithPupils, firstAccount, freshClient, getPupil } from './lib/world.mjs';

test('login: 201 with the Session body and an HttpOnly SameSite=Strict cookie', async () => {
  const account = firstAccount('teacher');
  const client = new Client();
  const res = await client.post('/session', { username: account.username, password: account.password });
  expectStatus(res, 201, 'login');
  await assertSchema(res.json, 'Session', 'POST /session');
  assert.equal(res.json.user.username, account.username, 'user.username');
  assert.equal(res.json.user.role, account.role, 'user.role');
  assert.equal(res.json.idleTimeoutSeconds, 1800, 'idleTimeoutSeconds');
  assert.ok(res.json.csrfToken.length >= 16, `csrfToken looks too short: ${res.json.csrfToken}`);
  const cookies = res.headers.getSetCookie();
  const session = cookies.find((c) => c.startsWith('eenplan_session='));
  assert.ok(session, `no eenplan_session cookie set: ${JSON.stringify(cookies)}`);
  const attrs = session.split(';').map((a) => a.trim().toLowerCase());
  assert.ok(attrs.includes('httponly'), `cookie not HttpOnly: ${session}`);
  assert.ok(attrs.includes('samesite=strict'), `cookie not SameSite=Strict: ${session}`);
  assert.ok(attrs.includes('path=/'), `cookie not Path=/: ${session}`);
  assert.ok(!JSON.stringify(res.json).includes(session.split(';')[0].split('=')[1]),
    'the session token must not appear in the JSON body (it lives in the HttpOnly cookie only)');
  if (account.organisation) {
    assert.ok(res.json.user.organisations.some((o) => o.name === account.organisation),
      `user.organisations lacks "${account.organisation}": ${JSON.stringify(res.json.user.organisations)}`);
  }
});

test('login with a wrong password: 401 invalid-credentials, no session cookie', async () => {
  const account = firstAccount('swv_admin');
  const client = new Client();
  const res = await client.post('/session', { username: account.username, password: `${account.password}-wrong` });
  expectProblem(res, 401, 'invalid-credentials', 'wrong password');
  assert.ok(!client.cookies.has('eenplan_session'), 'a failed login must not set a session cookie');
  await new Client().login(account); // a success resets the account's failure count
});

test('login as an unknown user: the same 401 invalid-credentials', async () => {
  const res = await new Client().post('/session', { username: `nobody-${Date.now()}`, password: 'whatever-password' });
  expectProblem(res, 401, 'invalid-credentials', 'unknown user');
});

test('login with missing or mistyped fields: 422 naming each field', async () => {
  const c = new Client();
  const none = await c.post('/session', {});
  expectFieldError(none, 'username', 'required', 'body {}');
  expectFieldError(none, 'password', 'required', 'body {}');
  expectFieldError(await c.post('/session', { username: 'someone' }), 'password', 'required', 'no password');
  expectFieldError(await c.post('/session', { username: 5, password: 'x' }), 'username', 'invalid-type', 'username: 5');
});

test('login with a malformed body: 400 invalid-json; wrong content type: 415', async () => {
  const c = new Client();
  expectProblem(await c.request('POST', '/session', { body: '{"username": "a", ', contentType: 'application/json' }), 400, 'invalid-json', 'truncated JSON');
  expectProblem(await c.request('POST', '/session', { body: '["a", "b"]', contentType: 'application/json' }), 400, 'invalid-json', 'JSON array');
  expectProblem(await c.request('POST', '/session', { body: '', contentType: 'application/json' }), 400, 'invalid-json', 'empty body');
  expectProblem(await c.request('POST', '/session', { body: 'username=a&password=b', contentType: 'application/x-www-form-urlencoded' }), 415, 'unsupported-media-type', 'form body');
});

test('GET /session returns the same body as the login (user and csrfToken)', async () => {
  const client = await freshClient(firstAccount('teacher'));
  const res = await client.get('/session');
  expectStatus(res, 200, 'GET /session');
  await assertSchema(res.json, 'Session', 'GET /session');
  assert.equal(res.json.csrfToken, client.csrfToken, 'csrfToken must be the one the login returned');
  assert.deepEqual(res.json.user, client.user, 'user must equal the login answer');
});

test('GET /session without or with a forged cookie: 401 unauthenticated', async () => {
  expectProblem(await new Client().get('/session'), 401, 'unauthenticated', 'no cookie');
  const forged = new Client();
  forged.cookies.set('eenplan_session', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
  expectProblem(await forged.get('/session'), 401, 'unauthenticated', 'forged cookie');
});

test('logout: needs the CSRF token; then the old cookie is dead', async () => {
  const client = await freshClient(firstAccount('teacher'));
  const stolenCookie = client.cookieHeader();
  expectProblem(await client.delete('/session', { csrf: false }), 403, 'csrf-token-invalid', 'logout without token');
  expectStatus(await client.get('/session'), 200, 'still logged in after the refused logout');
  const res = await client.delete('/session');
  expectStatus(res, 204, 'logout');
  assert.equal(res.text, '', '204 must have no body');
  const cleared = res.headers.getSetCookie().find((c) => c.startsWith('eenplan_session='));
  assert.ok(cleared && /(max-age=0|expires=)/i.test(cleared), `logout must clear the cookie, got ${JSON.stringify(res.headers.getSetCookie())}`);
  expectProblem(await client.get('/session'), 401, 'unauthenticated', 'after logout');
  const replay = new Client();
  replay.cookies.set('eenplan_session', stolenCookie.replace(/^eenplan_session=/, '').split(';')[0]);
  expectProblem(await replay.get('/pupils'), 401, 'unauthenticated', 'replaying the old cookie after logout');
});

test('without a session every pupil endpoint answers 401 unauthenticated', async () => {
  const { page } = await coordinatorWithPupils();
  const id = page.items[0].id;
  const anonymous = new Client();
  const calls = [
    ['GET', '/pupils'],
    ['GET', `/pupils/${id}`],
    ['PATCH', `/pupils/${id}`, { givenName: 'X' }, { 'if-match': '"1"' }],
    ['GET', `/pupils/${id}/notes`],
    ['POST', `/pupils/${id}/notes`, { body: 'x' }],
    ['GET', `/pupils/${id}/audit`],
    ['GET', '/pupils/00000000-0000-4000-8000-000000000000'],
  ];
  for (const [method, path, json, headers] of calls) {
    const res = await anonymous.request(method, path, { json, headers });
    expectProblem(res, 401, 'unauthenticated', `${method} ${path} without a session`);
  }
});

test('state-changing requests without or with a wrong X-CSRF-Token: 403, nothing changes', async () => {
  const { client, page } = await coordinatorWithPupils();
  const id = page.items[0].id;
  const before = await getPupil(client, id);
  const other = await freshClient(firstAccount('teacher'));
  const patch = (csrf) => client.patch(`/pupils/${id}`, { givenName: before.givenName },
    { csrf, headers: { 'if-match': `"${before.version}"` } });
  expectProblem(await patch(false), 403, 'csrf-token-invalid', 'PATCH without X-CSRF-Token');
  expectProblem(await patch('wrong-token'), 403, 'csrf-token-invalid', 'PATCH with a wrong token');
  expectProblem(await patch(''), 403, 'csrf-token-invalid', 'PATCH with an empty token');
  expectProblem(await patch(other.csrfToken), 403, 'csrf-token-invalid', "PATCH with another session's token");
  expectProblem(await client.post(`/pupils/${id}/notes`, { body: 'CSRF-test: mag niet worden opgeslagen' }, { csrf: false }),
    403, 'csrf-token-invalid', 'POST note without X-CSRF-Token');
  expectProblem(await client.post(`/pupils/${id}/notes`, { body: 'CSRF-test: mag niet worden opgeslagen' }, { csrf: 'x' }),
    403, 'csrf-token-invalid', 'POST note with a wrong token');
  const after = await getPupil(client, id);
  assert.equal(after.version, before.version, 'a refused request must not change the pupil');
  const notes = expectStatus(await client.get(`/pupils/${id}/notes`), 200, 'notes');
  assert.ok(!notes.items.some((n) => n.body.startsWith('CSRF-test')), 'a refused note was stored');
});

test('GET requests need no CSRF token', async () => {
  const client = await clientFor(firstAccount('school_coordinator'));
  expectStatus(await client.get('/pupils', { csrf: false }), 200, 'GET /pupils without token');
});

testConventionsOfAllResponses();
