// HTTP client for the black-box API tests: a cookie jar, the CSRF token, and checks of the
// conventions every response must follow (API-Version header; problem+json for errors).
import assert from 'node:assert/strict';
import { test } from 'node:test';

export const BASE_URL = (process.env.EENPLAN_BASE_URL || 'http://localhost:8080').replace(/\/+$/, '');
export const API_PREFIX = '/api/v1';
export const API_VERSION = '1.0.0';

export const PROBLEM_CODES = [
  'invalid-json', 'bad-request', 'validation-failed', 'body-too-large', 'unsupported-media-type',
  'unauthenticated', 'invalid-credentials', 'too-many-attempts', 'csrf-token-invalid', 'forbidden',
  'not-found', 'method-not-allowed', 'precondition-required', 'version-conflict', 'internal',
  // support route: rules that refuse a step
  'parents-not-informed', 'basic-support-not-recorded', 'preventive-conversation-limit',
  'concern-already-open', 'concern-not-open', 'date-before-concern', 'care-team-not-escalated',
  'meeting-in-past', 'already-on-agenda', 'date-in-future',
  'import-rejected', 'legal-rule-required',
  // education-care trajectory: the rules of src/domain/trajectory_error.cpp
  'end-before-start', 'end-date-beyond-one-year', 'return-plan-required', 'home-school-required',
  'enrolling-school-required', 'provider-required', 'arrangement-not-draft', 'arrangement-not-active',
  'extension-reason-required', 'extension-decision-required', 'extension-not-later',
  'extension-beyond-one-year', 'ending-before-start', 'ending-reason-required', 'evaluation-cadence-invalid',
  'evaluation-cadence-too-long', 'route-one-steps-incomplete', 'parents-not-involved', 'a4-plan-incomplete',
  'care-plan-required', 'tlv-required', 'tlv-not-valid', 'financing-amount-invalid',
  'financing-period-invalid', 'school-funding-not-available', 'provision-too-small', 'target-group-required',
  'unknown-support-need', 'provision-full', 'already-placed', 'already-on-waiting-list',
  'not-on-waiting-list', 'not-placed', 'waiting-list-empty', 'registration-closed',
  'observation-period-invalid', 'joint-decision-incomplete', 'admission-decision-required',
  'admission-refused', 'task-owner-required', 'home-visit-before-intake',
  'withdrawal-reason-required', 'withdrawal-before-registration', 'decision-reasoning-required', 'phase-model-invalid',
  'phase-in-use', 'phase-of-other-model', 'phase-unchanged', 'phase-change-reason-required', 'phase-change-needs-evaluation',
  'phase-change-before-previous', 'phase-history-not-started', 'place-not-allowed-in-phase',
  'schedule-hours-invalid', 'opp-not-applicable', 'opp-already-set', 'opp-not-set',
  'exit-perspective-reasoning-required', 'factors-required', 'goals-required', 'goal-text-too-vague',
  'goal-measure-required', 'goal-target-date-invalid', 'goal-owner-required', 'action-part-required',
  'parent-agreement-required', 'evaluation-of-other-arrangement', 'goal-of-other-opp',
  'goal-evaluated-twice', 'evaluation-before-start', 'next-evaluation-date-required',
  'parents-not-in-evaluation', 'phase-change-decision-required',
  'education-money-transfer', 'pupil-not-heard', 'next-evaluation-beyond-cadence',
  // the pupil's plan: one OPP per pupil
  'opp-exists',
  // the case team: the rules of src/domain/case_team.cpp
  'no-case-lead', 'case-lead-removed', 'two-case-leads', 'duplicate-member', 'unknown-user',
  'member-outside-region', 'admin-cannot-join', 'account-disabled', 'unknown-case-role', 'too-many-members',
];
export const FIELD_ERROR_CODES = [
  'required', 'invalid-type', 'invalid-date', 'too-long', 'too-short', 'invalid-value',
  'out-of-range', 'unknown-field', 'duplicate',
];

/** Every convention violation seen by any client in this test file (checked in `after`). */
const violations = [];

/**
 * Registers, as the last test of the file, the check that every API response seen in the file
 * carried `API-Version: 1.0.0` and that every error was a well-formed problem+json.
 * Call once at the end of each test file.
 */
export function testConventionsOfAllResponses() {
  test('every API response in this file carried API-Version 1.0.0, and every error was problem+json', () => {
    const unique = [...new Set(violations)];
    if (unique.length > 0) assert.fail(`API convention violations in this file:\n  ${unique.slice(0, 30).join('\n  ')}`);
  });
}

function excerpt(text, max = 400) {
  if (text === undefined || text === null) return '';
  const flat = String(text).replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** A received response, read completely. */
export class ApiResponse {
  constructor(method, url, response, text) {
    this.method = method;
    this.url = url;
    this.status = response.status;
    this.headers = response.headers;
    this.text = text;
    this.json = undefined;
    const type = this.headers.get('content-type') || '';
    if (/json/i.test(type) && text.length > 0) {
      try { this.json = JSON.parse(text); } catch { this.jsonError = true; }
    }
  }

  get path() { return new URL(this.url).pathname + new URL(this.url).search; }

  /** One line for assertion messages: request, status, content type and a body excerpt. */
  describe() {
    return `${this.method} ${excerpt(this.path, 160)} → ${this.status} ` +
      `[${this.headers.get('content-type') || 'no content-type'}] ${excerpt(this.text)}`;
  }
}

function checkConventions(res) {
  const path = new URL(res.url).pathname;
  if (!path.startsWith(`${API_PREFIX}/`)) return;
  const where = `${res.method} ${excerpt(path, 120)} → ${res.status}`;
  const version = res.headers.get('api-version');
  if (version !== API_VERSION) violations.push(`${where}: API-Version header is ${JSON.stringify(version)}, expected "${API_VERSION}"`);
  if (res.status >= 400) {
    const type = res.headers.get('content-type') || '';
    if (!/^application\/problem\+json\b/i.test(type)) violations.push(`${where}: error Content-Type is "${type}", expected application/problem+json`);
    const p = res.json;
    if (!p || typeof p !== 'object') {
      violations.push(`${where}: error body is not a JSON object: ${excerpt(res.text, 120)}`);
    } else {
      if (p.status !== res.status) violations.push(`${where}: problem.status is ${JSON.stringify(p.status)}, expected ${res.status}`);
      for (const f of ['type', 'title', 'detail', 'code']) {
        if (typeof p[f] !== 'string' || p[f].length === 0) violations.push(`${where}: problem.${f} missing or empty`);
      }
      if (typeof p.code === 'string' && !PROBLEM_CODES.includes(p.code)) violations.push(`${where}: problem.code "${p.code}" is not a contract code`);
    }
  }
}

/**
 * One user agent: keeps cookies like a browser (name=value, honours deletion) and the CSRF
 * token from the session body, and sends `X-CSRF-Token` on state-changing requests by default.
 */
export class Client {
  constructor(label = 'anonymous') {
    this.label = label;
    this.cookies = new Map();
    this.csrfToken = null;
    this.session = null; // the Session body after login
  }

  get user() { return this.session ? this.session.user : null; }

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  storeCookies(headers) {
    const list = typeof headers.getSetCookie === 'function' ? headers.getSetCookie() : [];
    for (const line of list) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const lower = attrs.map((a) => a.trim().toLowerCase());
      const maxAge = lower.find((a) => a.startsWith('max-age='));
      const expires = lower.find((a) => a.startsWith('expires='));
      const expired = (maxAge && Number(maxAge.slice(8)) <= 0) ||
        (expires && Date.parse(expires.slice(8)) <= Date.now());
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /**
   * Sends a request. `path` is relative to /api/v1 unless it starts with `//` (then relative to
   * the server root, e.g. '//healthz'). Options:
   *   json     – value sent as JSON with Content-Type application/json
   *   body     – raw body (string/Buffer); set contentType yourself
   *   contentType, headers (extra headers; a null value removes a default)
   *   csrf     – true (default for POST/PUT/PATCH/DELETE: send the session's token), false, or a string
   */
  async request(method, path, opts = {}) {
    const url = path.startsWith('//') ? `${BASE_URL}${path.slice(1)}` : `${BASE_URL}${API_PREFIX}${path}`;
    const headers = { accept: 'application/json, application/problem+json' };
    let body;
    if (opts.json !== undefined) {
      body = JSON.stringify(opts.json);
      headers['content-type'] = 'application/json';
    } else if (opts.body !== undefined) {
      body = opts.body;
    }
    if (opts.contentType !== undefined) headers['content-type'] = opts.contentType;
    const stateChanging = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method);
    const csrf = opts.csrf === undefined ? stateChanging : opts.csrf;
    if (csrf === true && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    else if (typeof csrf === 'string') headers['x-csrf-token'] = csrf;
    if (this.cookies.size > 0) headers.cookie = this.cookieHeader();
    for (const [k, v] of Object.entries(opts.headers || {})) {
      if (v === null) delete headers[k.toLowerCase()];
      else headers[k.toLowerCase()] = v;
    }
    let response;
    try {
      response = await fetch(url, { method, headers, body, redirect: 'manual' });
    } catch (err) {
      const cause = err.cause ? ` (${err.cause.code || err.cause.message})` : '';
      throw new Error(`${method} ${url} failed without an HTTP answer: ${err.message}${cause}. ` +
        `Is the server running at ${BASE_URL}? (set EENPLAN_BASE_URL)`);
    }
    const text = await response.text();
    const res = new ApiResponse(method, url, response, text);
    this.storeCookies(response.headers);
    checkConventions(res);
    return res;
  }

  get(path, opts) { return this.request('GET', path, opts); }
  post(path, json, opts = {}) { return this.request('POST', path, { json, ...opts }); }
  patch(path, json, opts = {}) { return this.request('PATCH', path, { json, ...opts }); }
  put(path, json, opts = {}) { return this.request('PUT', path, { json, ...opts }); }
  delete(path, opts) { return this.request('DELETE', path, opts); }

  /** Logs in; asserts 201 and keeps the cookie and CSRF token. */
  async login(account) {
    const res = await this.post('/session', { username: account.username, password: account.password });
    assert.equal(res.status, 201, `login as ${account.username} (${account.role}) failed: ${res.describe()}`);
    assert.ok(res.json && typeof res.json.csrfToken === 'string', `login answer has no csrfToken: ${res.describe()}`);
    this.session = res.json;
    this.csrfToken = res.json.csrfToken;
    this.label = `${account.username} (${account.role})`;
    this.account = account;
    return res;
  }
}

/** Asserts `res` is the given problem and returns its body. */
export function expectProblem(res, status, code, context = '') {
  const prefix = context ? `${context}: ` : '';
  assert.equal(res.status, status, `${prefix}expected ${status} ${code}, got ${res.describe()}`);
  assert.match(res.headers.get('content-type') || '', /^application\/problem\+json\b/i,
    `${prefix}expected Content-Type application/problem+json: ${res.describe()}`);
  assert.ok(res.json && typeof res.json === 'object', `${prefix}problem body is not JSON: ${res.describe()}`);
  assert.equal(res.json.code, code, `${prefix}expected problem code "${code}": ${res.describe()}`);
  assert.equal(res.json.status, status, `${prefix}problem.status must equal the HTTP status: ${res.describe()}`);
  for (const f of ['type', 'title', 'detail']) {
    assert.equal(typeof res.json[f], 'string', `${prefix}problem.${f} must be a string: ${res.describe()}`);
    assert.ok(res.json[f].length > 0, `${prefix}problem.${f} must not be empty: ${res.describe()}`);
  }
  return res.json;
}

/** Asserts a status, with the whole response in the message. */
export function expectStatus(res, status, context = '') {
  const prefix = context ? `${context}: ` : '';
  assert.equal(res.status, status, `${prefix}expected ${status}, got ${res.describe()}`);
  return res.json;
}

/**
 * Asserts a 422 validation-failed whose `errors` name `field` (exactly, or as the prefix of a
 * nested name such as `supportNeeds[0].category`) with one of `codes` (any contract code when
 * omitted). Returns the matching field error.
 */
export function expectFieldError(res, field, codes, context = '') {
  const prefix = context ? `${context}: ` : '';
  const problem = expectProblem(res, 422, 'validation-failed', context);
  assert.ok(Array.isArray(problem.errors) && problem.errors.length > 0,
    `${prefix}validation-failed must list errors[]: ${res.describe()}`);
  for (const e of problem.errors) {
    assert.equal(typeof e.name, 'string', `${prefix}errors[].name must be a string: ${res.describe()}`);
    assert.ok(FIELD_ERROR_CODES.includes(e.code), `${prefix}errors[].code "${e.code}" is not a contract field code: ${res.describe()}`);
    assert.equal(typeof e.reason, 'string', `${prefix}errors[].reason must be a string: ${res.describe()}`);
  }
  const hit = problem.errors.find((e) => e.name === field || e.name.startsWith(`${field}[`) || e.name.startsWith(`${field}.`));
  assert.ok(hit, `${prefix}errors[] does not name "${field}": ${JSON.stringify(problem.errors)}`);
  if (codes) {
    const allowed = Array.isArray(codes) ? codes : [codes];
    assert.ok(allowed.includes(hit.code),
      `${prefix}field "${hit.name}" has code "${hit.code}", expected ${allowed.map((c) => `"${c}"`).join(' or ')}`);
  }
  return hit;
}

/** `"7"` → 7; anything else → NaN. */
export function etagVersion(res) {
  const etag = res.headers.get('etag');
  const m = /^"(\d+)"$/.exec(etag || '');
  return m ? Number(m[1]) : NaN;
}
