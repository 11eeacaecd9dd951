// Two people edit the same dossier: the second save shows both versions and can re-apply.
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
let pageA;
let pageB;

before(async () => {
  browser = await launch();
  pageA = await newPage(browser);
  pageB = await newPage(browser);
  await login(pageA, coordinator);
  await login(pageB, coordinator);
  const { url } = await openFirstPupil(pageA);
  await pageB.goto(url);
  await pageB.locator('#sec-personalia').waitFor();
});
after(async () => {
  await browser?.close();
});

test('both open the edit form', async () => {
  for (const page of [pageA, pageB]) {
    await page.getByRole('button', { name: 'Bewerken' }).click();
    await page.getByRole('heading', { level: 2, name: 'Dossier bewerken' }).waitFor();
  }
  await assertAccessible(pageA, 'edit form');
});

test('A saves first, B gets the conflict view with both versions, B re-applies', async () => {
  const textA = unique('Belastbaarheid volgens A');
  const textB = unique('Belastbaarheid volgens B');

  await pageA.getByLabel('Belastbaarheid', { exact: true }).fill(textA);
  await pageA.getByRole('button', { name: 'Opslaan' }).click();
  await pageA.getByText('Het dossier is opgeslagen.').waitFor();

  await pageB.getByLabel('Belastbaarheid', { exact: true }).fill(textB);
  await pageB.getByRole('button', { name: 'Opslaan' }).click();
  await pageB
    .getByRole('heading', { name: 'Iemand anders heeft dit dossier gewijzigd nadat u het opende.' })
    .waitFor();
  const row = pageB.getByRole('row', { name: /Belastbaarheid/ });
  const rowText = await row.innerText();
  assert.ok(rowText.includes(textB), 'my version is shown');
  assert.ok(rowText.includes(textA), 'the current version is shown');
  await assertAccessible(pageB, 'conflict view');

  await pageB
    .getByRole('button', { name: 'Mijn wijzigingen opnieuw toepassen op de nieuwe versie' })
    .click();
  await pageB.getByText('Het dossier is opgeslagen.').waitFor();
  const section = pageB.locator('section', { has: pageB.getByRole('heading', { name: 'Belastbaarheid' }) });
  assert.match(await section.innerText(), new RegExp(textB.slice(0, 30)));

  // A sees B's version after a reload: nothing was lost, nothing silently overwritten.
  await pageA.reload();
  await pageA.locator('#sec-load-capacity').waitFor();
  assert.ok((await pageA.locator('#sec-load-capacity').locator('..').innerText()).includes(textB));
  assertClean(pageA);
  assertClean(pageB);
});

test('a field error from the server is shown next to the field and in the summary', async () => {
  await pageB.getByRole('button', { name: 'Bewerken' }).click();
  await pageB.getByLabel('Geboortedatum').fill('31-02-2010');
  await pageB.getByRole('button', { name: 'Opslaan' }).click();
  await pageB.getByRole('heading', { name: 'gevonden' }).waitFor();
  assert.equal(await pageB.evaluate(() => document.activeElement?.tagName), 'H2');
  assert.equal(await pageB.getByLabel('Geboortedatum').getAttribute('aria-invalid'), 'true');
  await assertAccessible(pageB, 'edit form with errors');
  await pageB.getByRole('button', { name: 'Annuleren' }).click();
  await pageB.getByRole('button', { name: 'Bewerken' }).waitFor();
});

test('typing in the edit form survives a reload', async () => {
  const text = unique('Concept hulpverleningsgeschiedenis');
  await pageB.getByRole('button', { name: 'Bewerken' }).click();
  await pageB.getByLabel('Hulpverleningsgeschiedenis').fill(text);
  await pageB.reload();
  await pageB.getByText('Uw nog niet opgeslagen wijzigingen zijn teruggezet.').waitFor();
  assert.equal(await pageB.getByLabel('Hulpverleningsgeschiedenis').inputValue(), text);
  await pageB.getByRole('button', { name: 'Annuleren' }).click();
  await pageB.reload();
  await pageB.getByRole('button', { name: 'Bewerken' }).waitFor();
  assert.equal(await pageB.getByRole('heading', { name: 'Dossier bewerken' }).count(), 0);
});
