// Verzuim: POST /schools/{id}/absence-imports (all or nothing, idempotent, line-numbered errors),
// GET/POST /pupils/{id}/absences, GET /pupils/{id}/escalation-signals, the school's protocol
// (legal rules cannot be switched off) and the protocol exemption.
//
// Every test works on pupils that had no absences yet (the demo registers absence for only a
// share of its pupils), so re-runs and the demo's own data do not change the expectations.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import {
  Client, etagVersion, expectFieldError, expectProblem, expectStatus, testConventionsOfAllResponses,
} from './lib/api.mjs';
import { assertSchema } from './lib/schema.mjs';
import { accountsOf, clientFor, coordinatorWithPupils, listAllPupils } from './lib/world.mjs';

const HEADER = 'leerlingnummer,datum,lesuur,soort,opmerking\n';
// Monday 7 and Tuesday 8 September 2026: school days of school year 2026-2027.
const DAYS = ['2026-09-07', '2026-09-08'];

let coordinator; // client of the coordinator of `school`
let school;
let fresh = []; // pupils of the school (enrolled there) without any absence yet
let otherSchoolId; // a school the coordinator is not a member of

const importCsv = (client, schoolId, csv, { fileName = 'verzuim.csv', layout, contentType = 'text/csv; charset=utf-8', ...opts } = {}) => {
  const query = new URLSearchParams({ fileName });
  if (layout) query.set('layout', layout);
  return client.request('POST', `/schools/${schoolId}/absence-imports?${query}`, { body: csv, contentType, ...opts });
};

const absencesOf = async (client, id) => expectStatus(await client.get(`/pupils/${id}/absences`), 200, `absences of ${id}`);

/** 16 unauthorised lesson hours in a row: hours 1-8 on two consecutive school days. */
function sixteenHours(number) {
  let csv = HEADER;
  for (const day of DAYS) for (let h = 1; h <= 8; h++) csv += `${number},${day},${h},ongeoorloofd,\n`;
  return csv;
}

/** The next pupil without absences (each test takes its own). */
function takeFresh(label) {
  const p = fresh.shift();
  assert.ok(p, `not enough pupils without absences at ${school.name} for "${label}"`);
  return p;
}

before(async () => {
  const found = await coordinatorWithPupils(12);
  coordinator = found.client;
  school = found.school;
  const pupils = (await listAllPupils(coordinator)).filter((p) => p.enrolmentSchool.id === school.id);
  for (const p of pupils) {
    if (fresh.length >= 12) break;
    const list = await absencesOf(coordinator, p.id);
    if (list.items.length === 0) fresh.push(p);
  }
  const schools = expectStatus(await coordinator.get('/organisations?kind=school'), 200, 'schools');
  otherSchoolId = schools.items.find((s) => s.id !== school.id).id;
});

test('import: 201 with the report; 16 consecutive unauthorised hours give a leerplicht signal', async () => {
  const p = takeFresh('import');
  const res = await importCsv(coordinator, school.id, sixteenHours(p.schoolPupilNumber));
  const report = expectStatus(res, 201, 'import');
  await assertSchema(report, 'AbsenceImportReport', 'POST absence-imports');
  assert.equal(report.rowsRead, 16);
  assert.equal(report.rowsAdded, 16);
  assert.equal(report.layout, 'canonical');
  assert.equal(report.encoding, 'utf-8');
  assert.ok(report.signalsCreated >= 1, `16 consecutive hours must fire: ${res.describe()}`);

  const list = await absencesOf(coordinator, p.id);
  await assertSchema(list, 'AbsenceList', 'GET absences');
  assert.equal(list.items.length, 16);
  assert.ok(list.items.every((a) => a.kind === 'unauthorised' && a.source === 'import'));

  const signals = expectStatus(await coordinator.get(`/pupils/${p.id}/escalation-signals`), 200, 'signals');
  await assertSchema(signals, 'EscalationSignalList', 'GET escalation-signals');
  assert.equal(signals.items.length, report.signalsCreated);
  const consecutive = signals.items.find((s) => s.rule === 'consecutive_unauthorised_16');
  assert.ok(consecutive, `no consecutive_unauthorised_16 signal: ${JSON.stringify(signals.items)}`);
  assert.equal(consecutive.recipient, 'attendance_officer');
  assert.equal(consecutive.occurrence, 1);
  assert.equal(consecutive.firedOn, DAYS[1]);
  assert.equal(consecutive.evidence.length, 16);

  // The same file again: nothing new, no second signal.
  const again = expectStatus(await importCsv(coordinator, school.id, sixteenHours(p.schoolPupilNumber)), 201, 'import again');
  assert.equal(again.rowsRead, 16);
  assert.equal(again.rowsAdded, 0);
  assert.equal(again.signalsCreated, 0);
  const after = expectStatus(await coordinator.get(`/pupils/${p.id}/escalation-signals`), 200, 'signals after');
  assert.equal(after.items.length, signals.items.length, 'the same evidence never fires twice');
});

test('leerplicht of the pupil\'s municipality sees the absences, the signal and a task for it', async () => {
  const p = takeFresh('leerplicht');
  expectStatus(await importCsv(coordinator, school.id, sixteenHours(p.schoolPupilNumber)), 201, 'import');
  const dossier = expectStatus(await coordinator.get(`/pupils/${p.id}`), 200, 'dossier');
  assert.ok(dossier.municipality, 'demo pupils have a municipality');
  let officer = null;
  for (const account of accountsOf('attendance_officer')) {
    const client = await clientFor(account);
    if ((client.user.organisations || []).some((o) => o.id === dossier.municipality.id)) {
      officer = client;
      break;
    }
  }
  assert.ok(officer, `no attendance_officer is a member of ${dossier.municipality.name}`);
  const list = expectStatus(await officer.get(`/pupils/${p.id}/absences`), 200, 'officer absences');
  assert.equal(list.items.length, 16);
  const signals = expectStatus(await officer.get(`/pupils/${p.id}/escalation-signals`), 200, 'officer signals');
  const signalIds = new Set(signals.items.filter((s) => s.recipient === 'attendance_officer').map((s) => s.id));
  assert.ok(signalIds.size >= 1);

  let task = null;
  for (let page = 1; page <= 50 && !task; page++) {
    const body = expectStatus(await officer.get(`/tasks?pageSize=100&page=${page}`), 200, 'officer tasks');
    await assertSchema(body, 'TaskPage', 'GET /tasks');
    task = body.items.find((t) => t.pupil && t.pupil.id === p.id && signalIds.has(t.signalId));
    if (body.items.length < 100) break;
  }
  assert.ok(task, `the officer's tasks hold no task for the signals of ${p.id}`);
  assert.equal(task.kind, 'escalation_signal');
  assert.equal(task.status, 'open');
  assert.equal(task.pupil.displayName, `${dossier.givenName} ${dossier.familyName}`);

  // Leerplicht may not register absence itself (attendance scope; an officer on the case team
  // has full scope and may).
  const scope = expectStatus(await officer.get(`/pupils/${p.id}`), 200, 'officer dossier').access.scope;
  const denied = await officer.post(`/pupils/${p.id}/absences`, { date: DAYS[0], lessonHours: [1], kind: 'sick' });
  if (scope === 'attendance') expectProblem(denied, 403, 'forbidden', 'officer POST absences');
  else expectStatus(denied, 201, 'officer on the case team POST absences');

  // Done with If-Match, stale version refused, open again.
  const done = await officer.patch(`/tasks/${task.id}`, { status: 'done' }, { headers: { 'if-match': `"${task.version}"` } });
  const doneBody = expectStatus(done, 200, 'task done');
  await assertSchema(doneBody, 'Task', 'PATCH /tasks/{id}');
  assert.equal(doneBody.status, 'done');
  assert.equal(doneBody.version, task.version + 1);
  assert.equal(etagVersion(done), task.version + 1);
  const stale = await officer.patch(`/tasks/${task.id}`, { status: 'open' }, { headers: { 'if-match': `"${task.version}"` } });
  expectProblem(stale, 412, 'version-conflict', 'stale task version');
  assert.equal(stale.json.current.version, task.version + 1);
  const doneList = expectStatus(await officer.get('/tasks?status=done&pageSize=100'), 200, 'done tasks');
  assert.ok(doneList.items.some((t) => t.id === task.id), 'status=done lists the finished task');
  expectStatus(await officer.patch(`/tasks/${task.id}`, { status: 'open' }, { headers: { 'if-match': `"${task.version + 1}"` } }), 200, 'reopen');
  // The coordinator of the school does not get the leerplicht's task.
  const theirs = await coordinator.patch(`/tasks/${task.id}`, { status: 'done' }, { headers: { 'if-match': `"${task.version + 2}"` } });
  expectProblem(theirs, 404, 'not-found', "someone else's task");
});

test('import rejected: a malformed line, an unknown pupil, a date outside the school year, a duplicate row; nothing stored', async () => {
  const p = takeFresh('rejected');
  const n = p.schoolPupilNumber;
  const csv = HEADER +
    `${n},2026-09-07,1,ziek,\n` + // 2: fine
    `${n},2026-09-07\n` + // 3: too few columns
    '99999999999,2026-09-07,2,ziek,\n' + // 4: unknown pupil
    `${n},2025-09-07,3,ziek,\n` + // 5: previous school year
    `${n},2026-09-07,1,ziek,\n` + // 6: duplicate of line 2
    `${n},2026-09-31,4,ziek,\n` + // 7: no such date
    `${n},2026-09-07,5,vakantie,\n`; // 8: unknown kind
  const res = await importCsv(coordinator, school.id, csv);
  const problem = expectProblem(res, 422, 'import-rejected', 'bad rows');
  await assertSchema(problem, 'ImportRejectedProblem', 'import-rejected');
  const byLine = new Map(problem.errors.map((e) => [e.line, e]));
  assert.equal(problem.errorCount, 6, `six wrong lines: ${res.describe()}`);
  assert.equal(byLine.get(3).code, 'malformed-line');
  assert.equal(byLine.get(4).code, 'unknown-pupil');
  assert.equal(byLine.get(5).code, 'date-outside-school-year');
  assert.equal(byLine.get(6).code, 'duplicate-row');
  assert.equal(byLine.get(7).code, 'invalid-date');
  assert.equal(byLine.get(8).code, 'unknown-kind');
  assert.equal(byLine.get(4).column, 'leerlingnummer');
  for (const e of problem.errors) assert.match(e.message, new RegExp(`^Regel ${e.line}\\b`), 'message names the line');
  assert.equal((await absencesOf(coordinator, p.id)).items.length, 0, 'the good line 2 is not stored either');
});

test('import rejected: a Windows-1252 byte after a UTF-8 start (wrong encoding); nothing stored', async () => {
  const p = takeFresh('encoding');
  const n = p.schoolPupilNumber;
  const long = 'x'.repeat(480);
  let csv = `${HEADER}${n},2026-09-07,1,ziek,café\n`;
  let line = 2;
  for (const day of ['2026-09-14', '2026-09-15', '2026-09-16', '2026-09-17', '2026-09-18',
    '2026-09-21', '2026-09-22', '2026-09-23', '2026-09-24', '2026-09-25', '2026-09-28', '2026-09-29']) {
    for (let h = 1; h <= 12; h++, line++) csv += `${n},${day},${h},geoorloofd,${long}\n`;
  }
  const head = Buffer.from(csv, 'utf8');
  assert.ok(head.length > 64 * 1024, 'the encoding is decided on the first 64 KiB');
  const body = Buffer.concat([head, Buffer.from(`${n},2026-09-30,1,ziek,caf`), Buffer.from([0xe9]), Buffer.from('\n')]);
  const problem = expectProblem(await importCsv(coordinator, school.id, body), 422, 'import-rejected', 'encoding');
  assert.equal(problem.errorCount, 1);
  assert.equal(problem.errors[0].code, 'invalid-encoding');
  assert.equal(problem.errors[0].line, line + 1);
  assert.equal((await absencesOf(coordinator, p.id)).items.length, 0);
});

test('import: Windows-1252 file and the magister layout are read', async () => {
  const p = takeFresh('windows-1252');
  const csv = Buffer.concat([
    Buffer.from(`Stamnr;Datum;Lesuur;Verzuimsoort;Omschrijving\r\n${p.schoolPupilNumber};07-09-2026;1;Ziek;caf`),
    Buffer.from([0xe9]),
    Buffer.from('\r\n'),
  ]);
  const res = await importCsv(coordinator, school.id, csv, { contentType: 'text/csv' });
  const report = expectStatus(res, 201, 'windows-1252');
  assert.equal(report.encoding, 'windows-1252');
  assert.equal(report.layout, 'magister');
  const list = await absencesOf(coordinator, p.id);
  assert.equal(list.items.length, 1);
  assert.equal(list.items[0].remark, 'café');
  assert.equal(list.items[0].kind, 'sick');
});

test('import: wrong content type 415, no session 401, no CSRF token 403, missing fileName 422', async () => {
  const csv = `${HEADER}1,2026-09-07,1,ziek,\n`;
  expectProblem(await importCsv(coordinator, school.id, csv, { contentType: 'application/json' }), 415, 'unsupported-media-type');
  expectProblem(await importCsv(new Client(), school.id, csv), 401, 'unauthenticated');
  expectProblem(await importCsv(coordinator, school.id, csv, { csrf: false }), 403, 'csrf-token-invalid');
  const res = await coordinator.request('POST', `/schools/${school.id}/absence-imports`, { body: csv, contentType: 'text/csv' });
  expectFieldError(res, 'fileName', ['invalid-value'], 'no fileName');
  expectFieldError(await importCsv(coordinator, school.id, csv, { layout: 'esis' }), 'layout', ['invalid-value'], 'unknown layout');
});

test('import: another school 403, an unknown school 404, an empty file is rejected', async () => {
  const p = fresh[0];
  const csv = `${HEADER}${p ? p.schoolPupilNumber : '1'},2026-09-07,1,ziek,\n`;
  expectProblem(await importCsv(coordinator, otherSchoolId, csv), 403, 'forbidden', 'other school');
  expectProblem(await importCsv(coordinator, '00000000-0000-4000-8000-000000000000', csv), 404, 'not-found');
  expectProblem(await importCsv(coordinator, 'geen-uuid', csv), 404, 'not-found');
  const empty = expectProblem(await importCsv(coordinator, school.id, HEADER), 422, 'import-rejected', 'header only');
  assert.equal(empty.errors[0].code, 'empty-file');
  const teacher = await clientFor(accountsOf('teacher')[0]);
  expectProblem(await importCsv(teacher, school.id, csv), 403, 'forbidden', 'teacher');
});

test('import: larger than the 1 MiB of other routes is accepted; larger than 64 MiB is 413', async () => {
  const p = takeFresh('size');
  // Over 1 MiB: valid rows padded with long remarks, then one bad line, so nothing is kept.
  let csv = HEADER;
  const remark = 'y'.repeat(490);
  let rows = 0;
  for (let d = new Date(Date.UTC(2026, 8, 7)); rows < 2400; d.setUTCDate(d.getUTCDate() + 1)) {
    if (d.getUTCDay() === 0 || d.getUTCDay() === 6) continue;
    for (let h = 1; h <= 12 && rows < 2400; h++, rows++) csv += `${p.schoolPupilNumber},${d.toISOString().slice(0, 10)},${h},geoorloofd,${remark}\n`;
  }
  csv += `${p.schoolPupilNumber},2026-13-01,1,ziek,\n`;
  assert.ok(csv.length > 1.1 * 1024 * 1024);
  const big = expectProblem(await importCsv(coordinator, school.id, csv), 422, 'import-rejected', 'over 1 MiB');
  assert.equal(big.errorCount, 1);
  assert.equal(big.errors[0].line, rows + 2);
  assert.equal((await absencesOf(coordinator, p.id)).items.length, 0);

  const huge = Buffer.alloc(64 * 1024 * 1024 + 1024, 'a');
  const res = await importCsv(coordinator, school.id, huge);
  expectProblem(res, 413, 'body-too-large', '64 MiB + 1 KiB');
  assert.match(res.json.detail, /64 MiB/);
  // Other routes keep their 1 MiB limit.
  const note = await coordinator.post(`/pupils/${p.id}/notes`, { body: 'z'.repeat(1100 * 1024) });
  expectProblem(note, 413, 'body-too-large', 'notes keep 1 MiB');
});

test('manual registration: 201, idempotent per hour, validation', async () => {
  const p = takeFresh('manual');
  const path = `/pupils/${p.id}/absences`;
  const res = await coordinator.post(path, { date: DAYS[0], lessonHours: [1, 2], kind: 'sick', remark: 'belde om 8 uur' });
  const body = expectStatus(res, 201, 'POST absences');
  await assertSchema(body, 'AbsenceRegistration', 'POST absences');
  assert.equal(body.rowsAdded, 2);
  assert.deepEqual(body.signals, []);
  const again = expectStatus(await coordinator.post(path, { date: DAYS[0], lessonHours: [2, 3], kind: 'sick' }), 201, 'again');
  assert.equal(again.rowsAdded, 1, 'hour 2 was already registered');
  const list = await absencesOf(coordinator, p.id);
  assert.deepEqual(list.items.map((a) => [a.lessonHour, a.source]), [[1, 'manual'], [2, 'manual'], [3, 'manual']]);
  assert.equal(list.items[0].remark, 'belde om 8 uur');

  expectFieldError(await coordinator.post(path, { date: '2026-02-30', lessonHours: [1], kind: 'sick' }), 'date', ['invalid-date']);
  expectFieldError(await coordinator.post(path, { date: '2025-09-08', lessonHours: [1], kind: 'sick' }), 'date', ['out-of-range']);
  expectFieldError(await coordinator.post(path, { date: '2099-09-08', lessonHours: [1], kind: 'sick' }), 'date', ['out-of-range']);
  expectFieldError(await coordinator.post(path, { date: DAYS[0], lessonHours: [], kind: 'sick' }), 'lessonHours', ['out-of-range']);
  expectFieldError(await coordinator.post(path, { date: DAYS[0], lessonHours: [0], kind: 'sick' }), 'lessonHours[0]', ['out-of-range']);
  expectFieldError(await coordinator.post(path, { date: DAYS[0], lessonHours: [4, 4], kind: 'sick' }), 'lessonHours[1]', ['duplicate']);
  expectFieldError(await coordinator.post(path, { date: DAYS[0], lessonHours: [4], kind: 'vakantie' }), 'kind', ['invalid-value']);
  expectFieldError(await coordinator.post(path, { date: DAYS[0], lessonHours: [4], kind: 'sick', markedLuxe: true }), 'markedLuxe', ['invalid-value']);
  expectFieldError(await coordinator.post(path, { date: DAYS[0], lessonHours: [4], kind: 'sick', hours: 2 }), 'hours', ['unknown-field']);
  expectProblem(await coordinator.request('POST', path, { body: 'geen json', contentType: 'application/json' }), 400, 'invalid-json');
  expectProblem(await new Client().post(path, { date: DAYS[0], lessonHours: [1], kind: 'sick' }), 401, 'unauthenticated');
  expectProblem(await coordinator.post('/pupils/00000000-0000-4000-8000-000000000000/absences', { date: DAYS[0], lessonHours: [1], kind: 'sick' }), 404, 'not-found');
  assert.equal((await absencesOf(coordinator, p.id)).items.length, 3, 'refused registrations stored nothing');
});

test('manual registration marked as luxeverzuim fires the legal rule at once', async () => {
  const p = takeFresh('luxe');
  const res = await coordinator.post(`/pupils/${p.id}/absences`, { date: '2026-09-09', lessonHours: [1, 2, 3], kind: 'unauthorised', markedLuxe: true });
  const body = expectStatus(res, 201, 'luxe');
  const luxe = body.signals.find((s) => s.rule === 'luxeverzuim');
  assert.ok(luxe, `luxeverzuim must fire: ${res.describe()}`);
  assert.equal(luxe.recipient, 'attendance_officer');
  assert.deepEqual(luxe.evidence.map((e) => e.lessonHour), [1, 2, 3]);
  const again = expectStatus(await coordinator.post(`/pupils/${p.id}/absences`, { date: '2026-09-09', lessonHours: [4], kind: 'unauthorised', markedLuxe: true }), 201, 'same day');
  assert.ok(!again.signals.some((s) => s.rule === 'luxeverzuim'), 'a date with luxeverzuim evidence does not fire again');
});

test('GET absences: from/to filter, bad dates 400, unknown pupil 404, no session 401', async () => {
  const p = takeFresh('range');
  expectStatus(await coordinator.post(`/pupils/${p.id}/absences`, { date: '2026-09-10', lessonHours: [1], kind: 'late' }), 201, 'register');
  expectStatus(await coordinator.post(`/pupils/${p.id}/absences`, { date: '2026-10-01', lessonHours: [1], kind: 'late' }), 201, 'register');
  const sept = expectStatus(await coordinator.get(`/pupils/${p.id}/absences?from=2026-09-01&to=2026-09-30`), 200, 'september');
  assert.equal(sept.from, '2026-09-01');
  assert.equal(sept.to, '2026-09-30');
  assert.deepEqual(sept.items.map((a) => a.date), ['2026-09-10']);
  const year = await absencesOf(coordinator, p.id);
  assert.equal(year.from, '2026-08-17', 'default: the current school year');
  assert.equal(year.items.length, 2);
  expectProblem(await coordinator.get(`/pupils/${p.id}/absences?from=1-9-2026`), 400, 'bad-request');
  expectProblem(await coordinator.get(`/pupils/${p.id}/absences?from=2026-10-01&to=2026-09-01`), 400, 'bad-request');
  expectProblem(await coordinator.get('/pupils/00000000-0000-4000-8000-000000000000/absences'), 404, 'not-found');
  expectProblem(await coordinator.get('/pupils/00000000-0000-4000-8000-000000000000/escalation-signals'), 404, 'not-found');
  expectProblem(await new Client().get(`/pupils/${p.id}/absences`), 401, 'unauthenticated');
});

test('protocol: GET with version; switching off a legal rule is refused; If-Match; stale 412', async () => {
  const path = `/schools/${school.id}/absence-protocol`;
  const res = await coordinator.get(path);
  const protocol = expectStatus(res, 200, 'GET protocol');
  await assertSchema(protocol, 'AbsenceProtocol', 'GET absence-protocol');
  assert.equal(etagVersion(res), protocol.version);
  const legal = protocol.rules.filter((r) => r.legal).map((r) => r.code).sort();
  assert.deepEqual(legal, ['legal_16_hours_4_weeks', 'luxeverzuim']);
  assert.ok(protocol.rules.every((r) => r.description.length > 0));
  const settings = protocol.rules.map(({ code, enabled, threshold }) => ({ code, enabled, threshold }));
  const ifMatch = { headers: { 'if-match': `"${protocol.version}"` } };

  const off = settings.map((s) => (s.code === 'legal_16_hours_4_weeks' ? { ...s, enabled: false } : s));
  const refused = expectProblem(await coordinator.put(path, { rules: off }, ifMatch), 422, 'legal-rule-required', 'legal off');
  assert.ok(refused.errors.some((e) => e.name.endsWith('.enabled')), JSON.stringify(refused.errors));
  const raised = settings.map((s) => (s.code === 'legal_16_hours_4_weeks' ? { ...s, threshold: 20 } : s));
  expectProblem(await coordinator.put(path, { rules: raised }, ifMatch), 422, 'legal-rule-required', 'legal threshold');
  expectFieldError(await coordinator.put(path, { rules: [{ code: 'no_such_rule', enabled: true, threshold: 3 }] }, ifMatch), 'rules[0].code', ['invalid-value']);
  expectFieldError(await coordinator.put(path, { rules: [{ code: 'late_arrivals_12', enabled: true, threshold: 0 }] }, ifMatch), 'rules[0].threshold', ['out-of-range']);
  expectProblem(await coordinator.put(path, { rules: settings }), 428, 'precondition-required');

  const changed = settings.map((s) => (s.code === 'late_arrivals_12' ? { ...s, threshold: s.threshold + 2 } : s));
  const put = await coordinator.put(path, { rules: changed }, ifMatch);
  const after = expectStatus(put, 200, 'PUT protocol');
  assert.equal(after.version, protocol.version + 1);
  assert.equal(after.rules.find((r) => r.code === 'late_arrivals_12').threshold, settings.find((s) => s.code === 'late_arrivals_12').threshold + 2);
  const stale = await coordinator.put(path, { rules: settings }, ifMatch);
  expectProblem(stale, 412, 'version-conflict');
  assert.equal(stale.json.current.version, after.version);
  // Back to the defaults (an empty list = every rule default).
  const reset = expectStatus(await coordinator.put(path, { rules: [] }, { headers: { 'if-match': `"${after.version}"` } }), 200, 'reset');
  assert.equal(reset.rules.find((r) => r.code === 'late_arrivals_12').threshold, 12);

  const teacher = await clientFor(accountsOf('teacher')[0]);
  expectProblem(await teacher.get(path), 403, 'forbidden', 'teacher GET protocol');
  expectProblem(await coordinator.get(`/schools/${otherSchoolId}/absence-protocol`), 403, 'forbidden', 'other school');
  expectProblem(await coordinator.get('/schools/00000000-0000-4000-8000-000000000000/absence-protocol'), 404, 'not-found');
});

test('protocol exemption: coordinator puts and ends it; legal rules still fire; leerplicht may not', async () => {
  const p = takeFresh('exemption');
  const path = `/pupils/${p.id}/protocol-exemption`;
  const before = expectStatus(await coordinator.get(path), 200, 'GET exemption before');
  await assertSchema(before, 'ProtocolExemptionState', 'GET protocol-exemption');
  assert.equal(before.exemption, null, 'the standard protocol applies until the core team decides');
  const put = await coordinator.put(path, { reason: 'Kernteam: onderwijs-zorgarrangement, vast aanspreekpunt.' });
  const exemption = expectStatus(put, 200, 'PUT exemption');
  await assertSchema(exemption, 'ProtocolExemption', 'PUT protocol-exemption');
  assert.equal(exemption.pupilId, p.id);
  const inForce = expectStatus(await coordinator.get(path), 200, 'GET exemption in force');
  await assertSchema(inForce, 'ProtocolExemptionState', 'GET protocol-exemption');
  assert.equal(inForce.exemption.id, exemption.id);
  // 16 consecutive hours: the standard rule does not fire, the legal 16-in-4-weeks rule does.
  const report = expectStatus(await importCsv(coordinator, school.id, sixteenHours(p.schoolPupilNumber)), 201, 'import');
  assert.ok(report.signalsCreated >= 1);
  const signals = expectStatus(await coordinator.get(`/pupils/${p.id}/escalation-signals`), 200, 'signals');
  assert.deepEqual(signals.items.map((s) => s.rule), ['legal_16_hours_4_weeks']);
  expectFieldError(await coordinator.put(path, { reason: '' }), 'reason', ['too-short', 'required']);
  expectStatus(await coordinator.delete(path), 204, 'DELETE exemption');
  expectProblem(await coordinator.delete(path), 404, 'not-found', 'no exemption in force');
  assert.equal(expectStatus(await coordinator.get(path), 200, 'GET exemption ended').exemption, null);
  for (const account of accountsOf('attendance_officer')) {
    const officer = await clientFor(account);
    const r = await officer.get(`/pupils/${p.id}/absences`);
    if (r.status !== 200) continue;
    // Leerplicht may see whether the standard protocol applies, not decide it.
    expectStatus(await officer.get(path), 200, 'officer GET exemption');
    expectProblem(await officer.put(path, { reason: 'leerplicht' }), 403, 'forbidden', 'officer exemption');
    break;
  }
});

testConventionsOfAllResponses();
