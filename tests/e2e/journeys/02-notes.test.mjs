// The tijdlijn: adding a note, keeping a draft across a reload, and saving after the session expired.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  account,
  assertAccessible,
  assertClean,
  launch,
  login,
  newPage,
  openFirstPupil,
  unique,
} from '../lib.mjs';

const coordinator = account('school_coordinator');
let browser;
let page;

before(async () => {
  browser = await launch();
  page = await newPage(browser);
  await login(page, coordinator);
  await openFirstPupil(page);
});
after(async () => {
  await browser?.close();
});

const timeline = () => page.locator('.ep-timeline');

test('a new note appears at the top of the tijdlijn', async () => {
  const text = unique('E2E gesprek met ouders');
  await page.getByLabel('Soort', { exact: true }).selectOption('conversation');
  await page.getByLabel('Notitie', { exact: true }).fill(text);
  await page.getByRole('button', { name: 'Notitie opslaan' }).click();
  await page.getByText('De notitie is toegevoegd aan de tijdlijn.').waitFor();
  const first = timeline().locator('li').first();
  assert.match(await first.innerText(), new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  assert.match(await first.innerText(), /Gesprek/);
  assert.match(await first.innerText(), /\d{2}-\d{2}-\d{4} \d{2}:\d{2}/);
  assert.equal(await page.getByLabel('Notitie', { exact: true }).inputValue(), '');
  await assertAccessible(page, 'dossier after adding a note');
});

test('an empty note is refused next to the field', async () => {
  await page.getByRole('button', { name: 'Notitie opslaan' }).click();
  await page.getByText('Vul de notitie in.').waitFor();
  const field = page.getByLabel('Notitie', { exact: true });
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  await assertAccessible(page, 'note form with error');
});

test('typing survives a reload (draft in sessionStorage)', async () => {
  const text = unique('E2E concept');
  await page.getByLabel('Notitie', { exact: true }).fill(text);
  await page.reload();
  await page.locator('#sec-personalia').waitFor();
  assert.equal(await page.getByLabel('Notitie', { exact: true }).inputValue(), text);
  await page.getByText('Uw nog niet opgeslagen notitie is teruggezet.').waitFor();
  await page.getByLabel('Notitie', { exact: true }).fill('');
});

test('after the session expired, logging in again saves the note that was typed', async () => {
  const text = unique('E2E na verlopen sessie');
  await page.getByLabel('Notitie', { exact: true }).fill(text);
  await page.context().clearCookies(); // the server no longer knows this browser: 401 next

  await page.getByRole('button', { name: 'Notitie opslaan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Uw sessie is verlopen' });
  await dialog.waitFor();
  await assertAccessible(page, 're-login dialog');
  await dialog.getByLabel('Wachtwoord').fill(coordinator.password);
  await dialog.getByRole('button', { name: 'Inloggen' }).click();

  await page.getByText('De notitie is toegevoegd aan de tijdlijn.').waitFor();
  assert.equal(await dialog.count(), 0);
  assert.match(await timeline().locator('li').first().innerText(), /E2E na verlopen sessie/);
  assertClean(page);
});
