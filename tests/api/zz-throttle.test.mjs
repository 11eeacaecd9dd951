// Login throttling. Runs last (files run in name order with --test-concurrency=1; hence "zz-"),
// and locks out only its own account: the last care_provider in EENPLAN_ACCOUNTS, which no other
// test logs in (lib/world.mjs, throttleAccount). A lock-out lasts the server's window (15 min),
// so a re-run within it finds the account throttled from the first try; that passes too.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client, expectProblem, testConventionsOfAllResponses } from './lib/api.mjs';
import { assertSchema } from './lib/schema.mjs';
import { firstAccount, throttleAccount } from './lib/world.mjs';

const MAX_ATTEMPTS = 20;

test('repeated wrong passwords for one username: 429 too-many-attempts with Retry-After', async () => {
  const account = throttleAccount();
  const username = account ? account.username : `api-test-throttle-${process.pid}`;
  const c = new Client();
  let throttled = null;
  for (let i = 1; i <= MAX_ATTEMPTS && !throttled; i++) {
    const res = await c.post('/session', { username, password: `wrong-password-${i}` });
    if (res.status === 429) throttled = res;
    else expectProblem(res, 401, 'invalid-credentials', `failed login ${i} of ${username}`);
  }
  assert.ok(throttled, `${MAX_ATTEMPTS} wrong passwords for ${username} were never throttled (no 429)`);
  const problem = expectProblem(throttled, 429, 'too-many-attempts', 'throttled login');
  await assertSchema(problem, 'Problem', '429 body');
  const retryAfter = throttled.headers.get('retry-after');
  assert.match(retryAfter || '', /^\d+$/, `Retry-After must be whole seconds, got ${JSON.stringify(retryAfter)}`);
  assert.ok(Number(retryAfter) >= 1 && Number(retryAfter) <= 3600, `Retry-After ${retryAfter} is not between 1 s and 1 h`);
  if (account) {
    const right = await c.post('/session', { username, password: account.password });
    expectProblem(right, 429, 'too-many-attempts', 'the right password while throttled must be refused too');
    assert.ok(!c.cookies.has('eenplan_session'), 'no session while throttled');
  }
});

test('throttling one username does not lock out other users', async () => {
  const other = new Client();
  await other.login(firstAccount('teacher'));
});

testConventionsOfAllResponses();
