// The pupil's week in the browser (issue 3, items 4 and 7): a coordinator opens the plan tab of a
// pupil in a running arrangement and sets a new week without an evaluation. Only the places of the
// pupil's current phase are offered; a week over 40 hours is refused in Dutch in the error summary;
// a valid week shows in the table and as a new bar in the hours chart. axe-core on every state; the
// week in force is put back through the API at the end.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  ACCOUNTS,
  BASE_URL,
  assertAccessible,
  assertClean,
  launch,
  login,
  newPage,
} from '../lib.mjs';

const PLACE_LABELS = {
  home: 'Thuis',
  day_care: 'Dagbesteding',
  care_farm: 'Zorgboerderij',
  care_institution: 'Zorginstelling',
  school: 'School',
  swv_office: 'Kantoor samenwerkingsverband',
};
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
const dutchDate = today.split('-').reverse().join('-');
let browser;
let page;
let found; // { acc, pupilId, arrangement, allowed, original }

/** Signs in over the API alone, to find a pupil before the browser opens. */
async function apiAs(acc) {
  const res = await fetch(`${BASE_URL}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: acc.username, password: acc.password }),
  });
  assert.ok(res.ok, `login ${acc.username}: ${res.status}`);
  const cookie = res.headers.get('set-cookie').split(';')[0];
  const { csrfToken } = await res.json();
  return async (method, path, body) => {
    const r = await fetch(`${BASE_URL}/api/v1${path}`, {
      method,
      headers: { cookie, 'X-CSRF-Token': csrfToken, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    assert.ok(r.status < 300, `${method} ${path}: ${r.status}`);
    return r.json();
  };
}

/** A coordinator, a pupil of theirs in a running arrangement whose week they may set. */
async function findPupil() {
  for (const acc of ACCOUNTS.filter((a) => a.role === 'school_coordinator')) {
    const api = await apiAs(acc);
    const pupils = (await api('GET', '/pupils?pageSize=100')).items;
    for (const p of pupils) {
      const arrangements = (await api('GET', `/pupils/${p.id}/arrangements`)).items;
      const arrangement = arrangements.find((a) => a.status === 'active' && a.currentPhase);
      if (!arrangement) continue;
      const week = await api('GET', `/arrangements/${arrangement.id}/weekly-schedule`);
      if (!week.access.canEdit) continue;
      const model = await api('GET', `/phase-models/${arrangement.phaseModelId}`);
      const allowed = model.phases.find((ph) => ph.code === arrangement.currentPhase).allowedPlaces;
      if (allowed.length === Object.keys(PLACE_LABELS).length) continue; // nothing to leave out
      return { acc, api, pupilId: p.id, arrangement, allowed, original: week.current };
    }
  }
  return null;
}

const plan = () => page.locator(`section[aria-labelledby="plan-arr-${found.arrangement.id}"]`);
const form = () =>
  plan().locator('form', { has: page.getByRole('heading', { name: 'Weekstructuur instellen' }) });

before(async () => {
  found = await findPupil();
  assert.ok(found, 'a coordinator with a pupil in a running arrangement');
  browser = await launch();
  page = await newPage(browser);
  await login(page, found.acc);
});

after(async () => {
  if (found?.original) {
    const { entries } = found.original;
    await found.api('PUT', `/arrangements/${found.arrangement.id}/weekly-schedule`, {
      validFrom: today,
      entries,
    });
  }
  await browser?.close();
});

test('the plan tab shows the week in force and opens "Weekstructuur instellen"', async () => {
  await page.goto(`/leerlingen/${found.pupilId}`);
  await plan().getByRole('heading', { name: 'Weekstructuur', exact: true }).waitFor();
  await assertAccessible(page, 'the plan tab with the week');
  await plan().getByRole('button', { name: 'Weekstructuur instellen' }).click();
  await form().getByLabel('Geldig vanaf').waitFor();
  assert.equal(await form().getByLabel('Geldig vanaf').inputValue(), today, 'from today by default');
  await assertAccessible(page, 'the week form');
  assertClean(page);
});

test('only the places of the current phase are offered', async () => {
  const offered = new Set();
  const selects = form().getByLabel('Plek', { exact: true });
  for (let i = 0; i < (await selects.count()); i++) {
    for (const text of await selects.nth(i).locator('option').allTextContents()) offered.add(text);
  }
  const allowed = found.allowed.map((p) => PLACE_LABELS[p]);
  for (const label of offered) assert.ok(allowed.includes(label), `${label} is allowed in the phase`);
  const notAllowed = Object.keys(PLACE_LABELS).filter((p) => !found.allowed.includes(p));
  for (const p of notAllowed) assert.ok(!offered.has(PLACE_LABELS[p]), `${PLACE_LABELS[p]} is not offered`);
});

test('a week over 40 hours is refused in Dutch; nothing is saved', async () => {
  // One place only, so the totals below are this row's.
  while ((await form().getByRole('button', { name: /^Verwijderen/ }).count()) > 0) {
    await form().getByRole('button', { name: /^Verwijderen/ }).first().click();
  }
  await form().getByLabel('Uren onderwijs per week').fill('30');
  await form().getByLabel('Uren zorg per week').fill('12');
  await form().getByText('Totaal per week: 42 uur').waitFor();
  await form().getByRole('button', { name: 'Weekstructuur opslaan' }).click();
  const summary = form().locator('.ep-error-summary');
  await summary.getByRole('heading', { name: 'Er is 1 fout gevonden' }).waitFor();
  assert.match(await summary.textContent(), /ten hoogste 40 uur onderwijs en zorg samen; nu is het 42 uur/);
  await assertAccessible(page, 'the week form with a refusal');
  const week = await found.api('GET', `/arrangements/${found.arrangement.id}/weekly-schedule`);
  assert.deepEqual(week.current, found.original, 'nothing saved');
  assertClean(page);
});

test('a valid week is saved and shows in the table and the chart', async () => {
  await form().getByLabel('Uren onderwijs per week').fill('6');
  await form().getByLabel('Uren zorg per week').fill('1,5');
  await form().getByRole('button', { name: 'Weekstructuur opslaan' }).click();
  await plan().getByText(`De weekstructuur vanaf ${dutchDate} is opgeslagen.`).waitFor();
  await plan().getByText(`Geldig vanaf ${dutchDate}.`).waitFor();
  const total = plan().locator('table tfoot tr');
  assert.match((await total.textContent()).replace(/\s+/g, ' '), /Totaal per week\s*6\s*1,5\s*7,5/);
  // The chart's table of the build-up has a bar for today.
  const chartRow = plan().locator('table tbody tr', { hasText: dutchDate }).first();
  assert.match((await chartRow.textContent()).replace(/\s+/g, ' '), /6\s*1,5/);
  await assertAccessible(page, 'the plan tab after saving the week');
  assertClean(page);
});
