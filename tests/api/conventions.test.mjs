// Conventions of every response: API-Version, problem+json errors, security headers on the web
// app, /healthz, the published OpenAPI document, unknown paths and methods.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { API_VERSION, Client, expectProblem, expectStatus, testConventionsOfAllResponses } from './lib/api.mjs';
import { assertSchema } from './lib/schema.mjs';
import { clientFor, coordinatorWithPupils, firstAccount } from './lib/world.mjs';

test('GET /healthz answers 200 {"status":"ok"}', async () => {
  const res = await new Client().get('//healthz');
  expectStatus(res, 200, 'healthz');
  assert.deepEqual(res.json, { status: 'ok' }, `healthz body: ${res.describe()}`);
});

test('GET /api/v1/openapi.json is the OpenAPI document, without a session', async () => {
  const res = await new Client().get('/openapi.json');
  expectStatus(res, 200, 'openapi.json');
  assert.match(res.headers.get('content-type') || '', /^application\/json\b/, res.describe());
  assert.equal(res.headers.get('api-version'), API_VERSION, 'API-Version header');
  assert.ok(res.json, `not valid JSON: ${res.describe()}`);
  assert.match(res.json.openapi, /^3\.0\.\d+$/, 'openapi field');
  assert.equal(res.json.info.version, API_VERSION, 'info.version must equal the API-Version header');
  if (process.env.EENPLAN_OPENAPI) {
    const source = JSON.parse(await readFile(process.env.EENPLAN_OPENAPI, 'utf8'));
    assert.deepEqual(res.json, source,
      'the served document differs from docs/api/openapi.yaml: rebuild the server (it embeds the JSON at build time)');
  }
});

test('the web app at / carries the security headers', async () => {
  const res = await new Client().get('//');
  expectStatus(res, 200, 'GET /');
  assert.match(res.headers.get('content-type') || '', /^text\/html\b/, res.describe());
  const csp = res.headers.get('content-security-policy');
  assert.ok(csp, 'Content-Security-Policy header missing on /');
  assert.match(csp, /frame-ancestors\s+'none'/, `CSP lacks frame-ancestors 'none': ${csp}`);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff', 'X-Content-Type-Options');
  assert.equal(res.headers.get('referrer-policy'), 'no-referrer', 'Referrer-Policy');
});

test('an unknown non-API path serves the web app (SPA fallback)', async () => {
  const index = await new Client().get('//');
  const res = await new Client().get('//leerlingen/00000000-0000-4000-8000-000000000000');
  expectStatus(res, 200, 'SPA fallback');
  assert.match(res.headers.get('content-type') || '', /^text\/html\b/, res.describe());
  assert.equal(res.text, index.text, 'the fallback must be the same index.html as /');
});

test('an unknown API path is a problem+json 404, not the web app', async () => {
  const anonymous = await new Client().get('/does-not-exist');
  assert.ok([401, 404].includes(anonymous.status), `anonymous: expected 401 or 404, got ${anonymous.describe()}`);
  const client = await clientFor(firstAccount('school_coordinator'));
  expectProblem(await client.get('/does-not-exist'), 404, 'not-found', 'logged in');
  expectProblem(await client.get('/pupils/00000000-0000-4000-8000-000000000000/unknown'), 404, 'not-found', 'unknown sub-resource');
});

test('a known path with an unsupported method is 405 method-not-allowed', async () => {
  const client = await clientFor(firstAccount('school_coordinator'));
  expectProblem(await client.delete('/organisations'), 405, 'method-not-allowed', 'DELETE /organisations');
  expectProblem(await client.request('PUT', '/pupils', { json: {} }), 405, 'method-not-allowed', 'PUT /pupils');
});

test('API-Version is on success and error responses alike', async () => {
  const anonymous = new Client();
  const client = await clientFor(firstAccount('school_coordinator'));
  const samples = [
    await client.get('/session'), // 200
    await client.get('/organisations'), // 200
    await anonymous.get('/pupils'), // 401
    await client.get('/pupils?pageSize=0'), // 400
    await client.get('/pupils/00000000-0000-4000-8000-000000000000'), // 404
  ];
  for (const res of samples) {
    assert.equal(res.headers.get('api-version'), API_VERSION, `API-Version missing or wrong: ${res.describe()}`);
  }
});

test('API responses with personal data are not cached (Cache-Control: no-store)', async () => {
  const { client, page } = await coordinatorWithPupils();
  for (const res of [await client.get('/pupils'), await client.get(`/pupils/${page.items[0].id}`), await client.get('/session')]) {
    assert.match(res.headers.get('cache-control') || '', /no-store/, `Cache-Control must contain no-store: ${res.describe()}`);
  }
});

test('organisations: sorted by name, filter by kind, schema', async () => {
  const client = await clientFor(firstAccount('teacher'));
  const all = expectStatus(await client.get('/organisations'), 200, 'organisations');
  await assertSchema(all, 'OrganisationList', 'GET /organisations');
  const names = all.items.map((o) => o.name);
  const sorted = [...names].sort((a, b) => a.localeCompare(b, 'nl', { sensitivity: 'base' }));
  const sortedBinary = [...names].sort();
  assert.ok(JSON.stringify(names) === JSON.stringify(sorted) || JSON.stringify(names) === JSON.stringify(sortedBinary),
    `organisations are not sorted by name: ${names.slice(0, 10).join(' | ')}…`);
  const schools = expectStatus(await client.get('/organisations?kind=school'), 200, 'kind=school');
  assert.ok(schools.items.length > 0, 'the demo region has schools');
  for (const o of schools.items) {
    assert.equal(o.kind, 'school', `kind filter leaked ${JSON.stringify(o)}`);
    assert.ok(o.schoolType, `school without schoolType: ${JSON.stringify(o)}`);
  }
  assert.equal(schools.items.length, all.items.filter((o) => o.kind === 'school').length, 'kind=school count');
  expectProblem(await client.get('/organisations?kind=planet'), 400, 'bad-request', 'kind=planet');
  expectProblem(await new Client().get('/organisations'), 401, 'unauthenticated', 'anonymous');
});

test('support need categories: the 13 codes with Dutch labels', async () => {
  const client = await clientFor(firstAccount('teacher'));
  const body = expectStatus(await client.get('/support-need-categories'), 200, 'support-need-categories');
  await assertSchema(body, 'SupportNeedCategoryList', 'GET /support-need-categories');
  assert.deepEqual(body.items.map((c) => c.code).sort(), [
    'care_in_school', 'emotion_regulation', 'executive_functions', 'gradual_build_up',
    'individual_instruction', 'language_support', 'low_stimulus_environment', 'other',
    'physical_care', 'relation_first', 'small_group', 'social_skills', 'structure_predictability',
  ]);
  for (const c of body.items) assert.ok(c.label.length > 0, `empty label for ${c.code}`);
  expectProblem(await new Client().get('/support-need-categories'), 401, 'unauthenticated', 'anonymous');
});

testConventionsOfAllResponses();
