// Logging in, finding a pupil through search, opening the dossier, and the pages that say "no".
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  account,
  assertAccessible,
  assertClean,
  launch,
  login,
  newPage,
} from '../lib.mjs';

const coordinator = account('school_coordinator');
let browser;
let page;

before(async () => {
  assert.ok(coordinator, 'accounts file has a school_coordinator');
  browser = await launch();
  page = await newPage(browser);
});
after(async () => {
  await browser?.close();
});

test('login page is Dutch, titled and accessible', async () => {
  await page.goto('/inloggen');
  await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
  assert.equal(await page.title(), 'Inloggen – Eenplan');
  await assertAccessible(page, 'login');
});

test('a wrong password is refused with a Dutch message', async () => {
  await page.getByLabel('Gebruikersnaam').fill(coordinator.username);
  await page.getByLabel('Wachtwoord').fill(`${coordinator.password}-fout`);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByText('De gebruikersnaam of het wachtwoord is onjuist.').waitFor();
  await assertAccessible(page, 'login with error');
});

test('after login the user sees Mijn leerlingen with name, role and organisation', async () => {
  await login(page, coordinator);
  assert.equal(await page.title(), 'Mijn leerlingen – Eenplan');
  const header = await page.locator('header').innerText();
  assert.match(header, /Coördinator passend onderwijs/);
  assert.match(header, new RegExp(coordinator.organisation));
  await page.locator('table tbody tr').first().waitFor();
  await assertAccessible(page, 'Mijn leerlingen');
});

test('typing part of a name finds the pupil, and the dossier opens', async () => {
  const firstLink = page.locator('table tbody tr th a').first();
  const listName = (await firstLink.textContent()).trim(); // "Achternaam, Voornaam"
  const familyName = listName.split(',')[0].trim();
  const part = familyName.length > 4 ? familyName.slice(0, -1) : familyName;

  await page.getByLabel('Zoeken op naam of leerlingnummer').fill(part);
  await page.getByLabel('Zoeken op naam of leerlingnummer').press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === part);
  const row = page.getByRole('link', { name: listName }).first();
  await row.waitFor();
  const names = await page.locator('table tbody tr th a').allTextContents();
  assert.ok(names.length > 0);

  await row.click();
  await page.getByRole('heading', { level: 2, name: 'Personalia' }).waitFor();
  const [family, given] = listName.split(',').map((s) => s.trim());
  await page.getByRole('heading', { level: 1, name: `${given} ${family}` }).waitFor();
  assert.equal(await page.title(), `${given} ${family} – Eenplan`);
  await page.getByRole('heading', { level: 2, name: 'Betrokkenen' }).waitFor();
  await assertAccessible(page, 'dossier');

  // Back goes to the filtered list, with the search still filled in.
  await page.goBack();
  await page.waitForURL((url) => url.searchParams.get('q') === part);
  assert.equal(await page.getByLabel('Zoeken op naam of leerlingnummer').inputValue(), part);
});

test('an unknown pupil does not reveal whether it exists', async () => {
  await page.goto('/leerlingen/00000000-0000-4000-8000-00000000dead');
  await page.getByText('Deze leerling bestaat niet of u heeft geen toegang.').waitFor();
  await assertAccessible(page, 'pupil not found');
});

test('an unknown page says Pagina niet gevonden', async () => {
  await page.goto('/deze-pagina-bestaat-niet');
  await page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }).waitFor();
  assert.equal(await page.title(), 'Pagina niet gevonden – Eenplan');
  await assertAccessible(page, '404');
  assertClean(page);
});

test('logging out returns to the login page', async () => {
  await page.goto('/leerlingen');
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
  await page.goto('/leerlingen');
  await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
});

test('the SWV-beheerder is told there is no access to dossiers', { skip: !account('swv_admin') && 'no swv_admin account' }, async () => {
  const admin = account('swv_admin');
  const adminPage = await newPage(browser);
  // The beheerder starts on the accounts page (see admin-accounts.test.mjs); Mijn leerlingen explains.
  await adminPage.goto('/inloggen');
  await adminPage.getByLabel('Gebruikersnaam').fill(admin.username);
  await adminPage.getByLabel('Wachtwoord').fill(admin.password);
  await adminPage.getByRole('button', { name: 'Inloggen' }).click();
  await adminPage.waitForURL('**/beheer/accounts');
  await adminPage.goto('/leerlingen');
  await adminPage.getByText('geen toegang tot leerlingdossiers').waitFor();
  await assertAccessible(adminPage, 'Mijn leerlingen as beheerder');
  assertClean(adminPage);
});
