// Thuiszitters: a SWV consultant opens the register, confirms a candidate detected in the absence
// data (or, when none is left, registers a pupil by hand), and sees the clock and its status; the
// register-by-hand form reports errors accessibly; the overview shows charts with data tables.
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

let browser;
let page;
let consultant;
let candidate = null; // { pupil, firstDay, suggestedCategory }
let manual = null; // a pupil without an open case, when no candidate is left

const dutch = (iso) => iso.split('-').reverse().join('-');

/** Logs in through the API (no browser) to look around the demo region. */
async function apiSession(acc) {
  const res = await fetch(`${BASE_URL}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: acc.username, password: acc.password }),
  });
  assert.equal(res.status, 201, `login ${acc.username}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return (path) => fetch(`${BASE_URL}/api/v1${path}`, { headers: { cookie } }).then((r) => r.json());
}

before(async () => {
  const consultants = ACCOUNTS.filter((a) => a.role === 'swv_consultant');
  assert.ok(consultants.length > 0, 'accounts file has SWV consultants');
  for (const acc of consultants) {
    const get = await apiSession(acc);
    const found = (await get('/homebound-candidates')).items;
    if (found.length > 0) {
      consultant = acc;
      candidate = found[0];
      break;
    }
  }
  if (!candidate) {
    consultant = consultants[0];
    const get = await apiSession(consultant);
    const open = new Set((await get('/homebound-cases')).items.map((c) => c.pupil.id));
    const pupils = (await get('/pupils?status=enrolled&pageSize=100')).items;
    manual = pupils.find((p) => !open.has(p.id));
    assert.ok(manual, 'a pupil without an open case to register by hand');
  }
  browser = await launch();
  page = await newPage(browser);
  await login(page, consultant);
});
after(async () => {
  await browser?.close();
});

test('the register is in the navigation, in Dutch, with clock and status, and accessible', async () => {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Thuiszitters' }).click();
  await page.waitForURL('**/thuiszitters');
  await page.getByRole('heading', { level: 1, name: 'Thuiszitters' }).waitFor();
  assert.equal(await page.title(), 'Thuiszitters – Eenplan');
  await page.getByRole('heading', { level: 2, name: 'Te beoordelen: mogelijke thuiszitters uit het verzuim' }).waitFor();
  await page.getByText(/\d+ registraties?|geen leerlingen in het register/).first().waitFor();
  await assertAccessible(page, 'Thuiszitters register');
  assertClean(page);
});

test('confirming a candidate (or registering by hand) shows the case with its clock', async () => {
  let name;
  let firstDay;
  if (candidate) {
    name = `${candidate.pupil.givenName} ${candidate.pupil.familyName}`;
    firstDay = candidate.firstDay;
    const confirm = page.getByRole('button', { name: `Registratie van ${name} bevestigen` });
    await confirm.focus();
    await page.keyboard.press('Enter'); // keyboard, not mouse
  } else {
    name = `${manual.givenName} ${manual.familyName}`;
    const d = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    firstDay = d.toISOString().slice(0, 10);
    await page.getByRole('link', { name: 'Thuiszitter registreren' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thuiszitter registreren' }).waitFor();
    await page.getByLabel('Leerling zoeken').fill(manual.familyName);
    await page.getByLabel('Leerling zoeken').press('Enter');
    await page.locator('#hb-pupilId option').nth(1).waitFor({ state: 'attached' });
    await page.locator('#hb-pupilId').selectOption(manual.id);
    await page.getByLabel('Categorie').selectOption('at_risk');
    await page.getByLabel('Eerste dag').fill(firstDay);
    await page.getByRole('button', { name: 'Registreren' }).click();
  }
  await page.getByRole('heading', { level: 1, name: `Thuiszitter: ${name}` }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Klok' }).waitFor();
  const clock = await page.locator('#sec-clock').locator('..').innerText();
  assert.match(clock, new RegExp(dutch(firstDay)), 'the first day is shown');
  assert.match(clock, /Wettelijke termijn \(12 weken\)/);
  assert.match(clock, /Streefdatum regio \(10 weken\)/);
  const expected = candidate && candidate.suggestedCategory === 'relative_long'
    ? /Op koers|Risico|Streefdatum verstreken/ : /Geen klok/;
  assert.match(clock, expected, 'the clock status is shown in words');
  await assertAccessible(page, 'case page');

  await page.getByRole('link', { name: 'Terug naar het register' }).click();
  const row = page.locator('table tbody tr', { hasText: `${name.split(' ').slice(1).join(' ')}, ${name.split(' ')[0]}` });
  await row.first().waitFor();
  assert.match(await row.first().innerText(), new RegExp(dutch(firstDay)));
  assertClean(page);
});

test('the register-by-hand form names its errors in a focused summary', async () => {
  await page.goto('/thuiszitters/nieuw');
  await page.getByRole('heading', { level: 1, name: 'Thuiszitter registreren' }).waitFor();
  await assertAccessible(page, 'register form');
  await page.getByRole('button', { name: 'Registreren' }).click();
  await page.getByRole('heading', { level: 2, name: 'Controleer de volgende velden' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Controleer de volgende velden');
  await page.getByText('Kies een leerling.').first().waitFor();
  await assertAccessible(page, 'register form with errors');
  assertClean(page);
});

test('the overview shows charts with data tables and the inspectie download, without CSP violations', async () => {
  await page.goto('/thuiszitters/overzicht');
  await page.getByRole('heading', { level: 1, name: 'Thuiszitters: overzicht' }).waitFor();
  await page.locator('.ep-chart canvas').first().waitFor();
  assert.equal(await page.locator('figure.ep-chart').count(), 3);
  assert.equal(await page.locator('figure.ep-chart table').count(), 3, 'every chart has its table');
  const link = page.getByRole('link', { name: /Download registratie \d{4}-Q[1-4] \(CSV\)/ });
  await link.waitFor();
  const href = await link.getAttribute('href');
  const res = await page.request.get(href);
  assert.equal(res.status(), 200);
  assert.match(await res.text(), /^rijsleutel;categorie;/);
  await assertAccessible(page, 'overview');
  assertClean(page);
});

test('the school absence trends page shows counts per quarter, level and year group, accessibly', async () => {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Verzuimtrends' }).click();
  await page.getByRole('heading', { level: 1, name: 'Verzuimtrends van de school' }).waitFor();
  const school = page.getByLabel('School');
  if (candidate && (await school.count()) > 0) {
    // The candidate's school has the absence run behind it.
    const option = page.locator('#trend-school option', { hasText: candidate.pupil.enrolmentSchool.name });
    if ((await option.count()) > 0) {
      await school.selectOption({ label: candidate.pupil.enrolmentSchool.name });
      await page.waitForURL((url) => url.searchParams.has('schoolId'));
    }
  }
  await page.getByRole('heading', { level: 2, name: /./ }).first().waitFor();
  const charts = await page.locator('figure.ep-chart').count();
  if (charts > 0) {
    assert.equal(await page.locator('figure.ep-chart table').count(), charts, 'every chart has its table');
    await page.locator('.ep-chart canvas').first().waitFor();
  } else {
    await page.getByText('Er is nog geen verzuim geregistreerd voor deze school.').waitFor();
  }
  await assertAccessible(page, 'absence trends');
  assertClean(page);
});
