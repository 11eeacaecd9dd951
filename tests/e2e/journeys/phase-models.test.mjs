// Phase models in the browser (issue 3, items 4 and 7): the SWV consulent opens Fasenmodellen,
// edits Team Ambulant, moves a phase down and back up with the buttons, is refused a typical week
// of 50 hours with a Dutch message at the field, then saves new typical hours and sees them in the
// table. A coordinator reads the same page without an editor. axe-core on every state; the model is
// put back through the API at the end, so the demo data stays as it was.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { account, assertAccessible, assertClean, launch, login, newPage } from '../lib.mjs';

const consultant = account('swv_consultant');
const coordinator = account('school_coordinator');
const MODEL = 'team-ambulant';
let browser;
let page;
let csrf;
let original; // the model as the demo made it, to put back

async function api(method, path, body, version) {
  const headers = { 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' };
  if (version !== undefined) headers['If-Match'] = `"${version}"`;
  const res = await page.request.fetch(`/api/v1${path}`, {
    method,
    headers,
    data: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.ok(res.status() < 300, `${method} ${path}: ${res.status()} ${await res.text()}`);
  return res.json();
}

const section = () => page.locator(`section[aria-labelledby="pm-${MODEL}"]`);
const phase = (n) => section().getByRole('group', { name: new RegExp(`^${n}\\. `) });

before(async () => {
  browser = await launch();
  page = await newPage(browser);
  await login(page, consultant);
  csrf = (await api('GET', '/session')).csrfToken;
  original = await api('GET', `/phase-models/${MODEL}`);
  assert.ok(original.phases.length >= 2, 'Team Ambulant has two phases');
});

after(async () => {
  if (original && csrf) {
    const now = await api('GET', `/phase-models/${MODEL}`);
    const { name, source, phases } = original;
    await api('PUT', `/phase-models/${MODEL}`, { name, source, phases }, now.version);
  }
  await browser?.close();
});

test('the consulent reads the phase models from the navigation', async () => {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Fasenmodellen' }).click();
  await page.waitForURL('**/fasenmodellen');
  await page.getByRole('heading', { level: 1, name: 'Fasenmodellen' }).waitFor();
  await section().getByRole('heading', { level: 2, name: original.name }).waitFor();
  const rows = section().locator('tbody tr');
  assert.equal(await rows.count(), original.phases.length, 'one row per phase');
  assert.match(await rows.first().textContent(), /Dagbesteding/, 'places with their Dutch labels');
  await assertAccessible(page, 'the Fasenmodellen page');
  assertClean(page);
});

test('phases move down and up with buttons, keeping focus on the moved phase', async () => {
  await section().getByRole('button', { name: `Bewerken ${original.name}` }).click();
  await section().getByRole('heading', { name: `${original.name} bewerken` }).waitFor();
  await assertAccessible(page, 'the phase-model editor');
  const [first, second] = original.phases;
  await phase(1).getByRole('button', { name: 'Omlaag fase 1' }).click();
  await phase(1).getByRole('textbox', { name: 'Naam', exact: true }).waitFor();
  assert.equal(await phase(1).getByRole('textbox', { name: 'Naam', exact: true }).inputValue(), second.name);
  assert.equal(await phase(2).getByRole('textbox', { name: 'Naam', exact: true }).inputValue(), first.name);
  // Moved to the end: focus stays on the phase, now on its "Omhoog" button.
  const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
  assert.match(focused, /Omhoog/);
  await page.keyboard.press('Enter');
  assert.equal(await phase(1).getByRole('textbox', { name: 'Naam', exact: true }).inputValue(), first.name);
  assertClean(page);
});

test('a typical week of 50 hours is refused in Dutch at the field; nothing is saved', async () => {
  const max = phase(1).getByLabel('Typische uren per week, maximum');
  await max.fill('50');
  await section().getByRole('button', { name: 'Opslaan', exact: true }).click();
  const summary = page.locator('.ep-error-summary');
  await summary.getByRole('heading', { name: 'Er is 1 fout gevonden' }).waitFor();
  assert.match(await summary.textContent(), /Fase 1: De typische uren per week liggen tussen 0 en 40/);
  const min = phase(1).getByLabel('Typische uren per week, minimum');
  assert.equal(await min.getAttribute('aria-invalid'), 'true', 'the field the server named is marked');
  await summary.getByRole('link').first().click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), await min.getAttribute('id'));
  await assertAccessible(page, 'the editor with a refusal');
  const stored = await api('GET', `/phase-models/${MODEL}`);
  assert.equal(stored.version, original.version, 'nothing saved');

  await max.fill('zes');
  await section().getByRole('button', { name: 'Opslaan', exact: true }).click();
  await page.getByText('Fase 1: Vul bij maximum uren een heel getal van 0 tot en met 40 in.').first().waitFor();
  assertClean(page);
});

test('the consulent saves new typical hours and sees them in the table', async () => {
  await phase(1).getByLabel('Typische uren per week, minimum').fill('3');
  await phase(1).getByLabel('Typische uren per week, maximum').fill('6');
  await phase(1).getByLabel('Aandeel zorg (procent)').fill('25');
  await section().getByRole('button', { name: 'Opslaan', exact: true }).click();
  await section().getByText(`${original.name} is opgeslagen.`).waitFor();
  const firstRow = section().locator('tbody tr').first();
  assert.match(await firstRow.textContent(), /3–6 uur/);
  assert.match(await firstRow.textContent(), /25%/);
  const stored = await api('GET', `/phase-models/${MODEL}`);
  assert.equal(stored.version, original.version + 1);
  assert.equal(stored.phases[0].typicalHoursMin, 3);
  assert.equal(stored.phases[0].typicalHoursMax, 6);
  assert.equal(stored.phases[0].careSharePercent, 25);
  assert.deepEqual(stored.phases.map((p) => p.code), original.phases.map((p) => p.code), 'codes kept');
  await assertAccessible(page, 'the page after saving');
  assertClean(page);
});

test('a version conflict shows the model as stored; "toch opslaan" saves over it', async () => {
  await section().getByRole('button', { name: `Bewerken ${original.name}` }).click();
  await phase(1).getByLabel('Typische uren per week, maximum').fill('7');
  // Someone else saves the model in the meantime.
  const before = await api('GET', `/phase-models/${MODEL}`);
  const { name, phases } = before;
  await api('PUT', `/phase-models/${MODEL}`, { name, source: 'Gewijzigd door een collega', phases }, before.version);
  await section().getByRole('button', { name: 'Opslaan', exact: true }).click();
  await section().getByText('Iemand anders heeft dit fasenmodel opgeslagen nadat u het opende.').waitFor();
  await section().getByRole('table', { name: `Fasen van ${name} zoals nu opgeslagen` }).waitFor();
  assert.equal(await phase(1).getByLabel('Typische uren per week, maximum').inputValue(), '7', 'my typing is kept');
  await assertAccessible(page, 'the editor with a version conflict');
  await section().getByRole('button', { name: 'Mijn wijzigingen toch opslaan' }).click();
  await section().getByText(`${original.name} is opgeslagen.`).waitFor();
  const stored = await api('GET', `/phase-models/${MODEL}`);
  assert.equal(stored.version, before.version + 2);
  assert.equal(stored.phases[0].typicalHoursMax, 7);
  assertClean(page);
});

test('a coordinator reads the phase models without an editor', async () => {
  const other = await newPage(browser);
  await login(other, coordinator);
  await other.goto('/fasenmodellen');
  await other.getByRole('heading', { level: 1, name: 'Fasenmodellen' }).waitFor();
  await other.getByText('Alleen de SWV-consulent kan een fasenmodel wijzigen.').waitFor();
  assert.equal(await other.getByRole('button', { name: /^Bewerken/ }).count(), 0);
  await assertAccessible(other, 'the Fasenmodellen page, read-only');
  assertClean(other);
  await other.context().close();
});
