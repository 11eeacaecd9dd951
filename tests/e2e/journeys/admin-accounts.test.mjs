// The SWV-beheerder manages accounts: add one, it is listed, it can log in; disabled, it cannot.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { account, assertAccessible, assertClean, launch, newPage } from '../lib.mjs';

const admin = account('swv_admin');
let browser;

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function loginAs(page, username, password) {
  await page.goto('/inloggen');
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

test('the SWV-beheerder adds, lists and disables an account', { skip: !admin && 'no swv_admin account' }, async () => {
  const page = await newPage(browser);
  await loginAs(page, admin.username, admin.password);
  await page.waitForURL('**/beheer/accounts');
  await page.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor();
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Accounts' }).waitFor();
  await page.locator('table tbody tr').first().waitFor();
  for (const header of ['Naam', 'Gebruikersnaam', 'Rol', 'Organisaties', 'Status']) {
    await page.getByRole('columnheader', { name: header, exact: true }).waitFor();
  }
  assert.equal(await page.title(), 'Accounts – Eenplan');
  await assertAccessible(page, 'accounts page');

  // Empty form: the server's field errors appear next to the fields and the summary takes focus.
  await page.getByRole('button', { name: 'Account toevoegen' }).click();
  const summary = page.locator('.ep-error-summary h2');
  await summary.waitFor();
  assert.equal(await summary.evaluate((el) => el === document.activeElement), true, 'summary focused');
  await page.locator('#account-username-error').waitFor();
  await assertAccessible(page, 'account form with errors');

  // A new teacher account with a unique username.
  const stamp = Date.now();
  const username = `e2e.mentor.${stamp}`;
  const displayName = `E2E Mentor ${stamp}`;
  const password = `wachtwoord-${stamp}`;
  await page.getByLabel('Gebruikersnaam', { exact: true }).fill(username);
  await page.getByLabel('Naam', { exact: true }).fill(displayName);
  await page.getByLabel('Rol', { exact: true }).last().selectOption('teacher');
  await page.locator('#account-organisationIds').check();
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Account toevoegen' }).click();
  await page.getByText(`Het account van ${displayName} (${username}) is toegevoegd.`).waitFor();
  const row = page.locator('table tbody tr', { hasText: username });
  await row.waitFor();
  assert.match(await row.innerText(), /Mentor\/leerkracht/);
  assert.match(await row.innerText(), /Actief/);

  // The new account can log in (second browser context).
  const other = await newPage(browser);
  await loginAs(other, username, password);
  await other.waitForURL('**/leerlingen');
  await other.getByRole('heading', { level: 1, name: 'Mijn leerlingen' }).waitFor();
  await other.context().close();

  // Disable it: the list says so, and logging in fails.
  await row.getByRole('button', { name: `Uitschakelen: ${displayName}` }).click();
  await page.getByText(`Het account van ${displayName} is uitgeschakeld.`).waitFor();
  await page.locator('table tbody tr', { hasText: username }).getByText('Uitgeschakeld').waitFor();
  const third = await newPage(browser);
  await loginAs(third, username, password);
  await third.getByText('Inloggen is niet gelukt').waitFor();
  assert.match(third.url(), /\/inloggen$/);
  await third.context().close();

  await assertAccessible(page, 'accounts page after disabling');
  assertClean(page);
});
