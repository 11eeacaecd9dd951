// The SWV-beheerder sets the region's own thuiszitter target: a target beyond the legal 12 weeks
// is refused at the field, a valid change is saved with its reason and appears in the history;
// the SWV consultant then reads the same settings without a form. Put back at the end.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { account, assertAccessible, assertClean, launch, login, newPage } from '../lib.mjs';

const admin = account('swv_admin');
const consultant = account('swv_consultant');
let browser;

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function loginAdmin(page) {
  await page.goto('/inloggen');
  await page.getByLabel('Gebruikersnaam').fill(admin.username);
  await page.getByLabel('Wachtwoord').fill(admin.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL('**/beheer/accounts');
}

async function saveTarget(page, weeks, reason) {
  await page.getByLabel('Eigen streeftermijn (weken)').fill(String(weeks));
  await page.getByLabel('Reden van de wijziging').fill(reason);
  await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
}

test('the beheerder changes the region target; the consultant reads it', {
  skip: (!admin || !consultant) && 'no swv_admin or swv_consultant account',
}, async () => {
  const page = await newPage(browser);
  await loginAdmin(page);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Thuiszitterinstellingen' })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Instellingen thuiszittersregister' }).waitFor();
  const targetField = page.getByLabel('Eigen streeftermijn (weken)');
  const before = await targetField.inputValue();
  await assertAccessible(page, 'settings page');

  // Beyond the legal 12 weeks: the server refuses and names the field; the summary takes focus.
  await saveTarget(page, 13, 'Te ruim');
  const summary = page.locator('.ep-error-summary h2');
  await summary.waitFor();
  assert.equal(await summary.evaluate((el) => el === document.activeElement), true, 'summary focused');
  await page.locator('#settings-targetWeeks-error').waitFor();
  assert.match(await page.locator('#settings-targetWeeks-error').innerText(), /12 weken/);
  await assertAccessible(page, 'settings with errors');

  const target = before === '8' ? 9 : 8;
  await saveTarget(page, target, 'Besluit bestuur: sneller een plek');
  await page.getByText('De nieuwe instellingen zijn opgeslagen.', { exact: false }).waitFor();
  const newest = page.locator('section[aria-labelledby="settings-history"] tbody tr').first();
  await newest.waitFor();
  assert.match(await newest.innerText(), new RegExp(`${target} weken`));
  assert.match(await newest.innerText(), /Besluit bestuur: sneller een plek/);
  assertClean(page);

  // The consultant sees the same number, read-only, and the register counts with it.
  const other = await newPage(browser);
  await login(other, consultant);
  await other.goto('/thuiszitters/instellingen');
  await other.getByText('Alleen de beheerder van het samenwerkingsverband', { exact: false }).waitFor();
  assert.equal(await other.getByRole('button', { name: 'Instellingen opslaan' }).count(), 0);
  assert.match(await other.locator('.ep-data-list').innerText(), new RegExp(`\\b${target}\\b`));
  await assertAccessible(other, 'settings read-only');
  assertClean(other);

  // Back to what it was, as a new version.
  await saveTarget(page, Number(before), 'Terug naar de oorspronkelijke termijn');
  await page.getByText('De nieuwe instellingen zijn opgeslagen.', { exact: false }).waitFor();
  assert.equal(await page.getByLabel('Eigen streeftermijn (weken)').inputValue(), before);
});
