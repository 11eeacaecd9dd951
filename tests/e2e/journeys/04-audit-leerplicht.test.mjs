// Who looked at the dossier, and the limited view of leerplicht.
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
} from '../lib.mjs';

const coordinator = account('school_coordinator');
const leerplicht = account('attendance_officer');
let browser;

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('the audit view lists my reads of the dossier', async () => {
  const page = await newPage(browser);
  await login(page, coordinator);
  const me = (await page.locator('.ep-user__name').innerText()).trim();
  await openFirstPupil(page);
  await page.getByRole('link', { name: 'Wie heeft dit dossier ingezien' }).click();
  await page.getByRole('heading', { level: 1, name: 'Wie heeft dit dossier ingezien' }).waitFor();
  await page.locator('table tbody tr').first().waitFor();
  const rows = await page.locator('table tbody tr').allInnerTexts();
  assert.ok(
    rows.some((r) => r.includes(me) && r.includes('Ingezien')),
    `a read by ${me} is listed:\n${rows.slice(0, 5).join('\n')}`,
  );
  // Every part of the dossier that was read is named in words, never as the server's identifier.
  const parts = await page.locator('table tbody tr td:nth-child(6)').allInnerTexts();
  const raw = parts.filter((p) => /^[a-z_.]+$/.test(p.trim()));
  assert.deepEqual(raw, [], `parts shown as identifiers: ${raw.join(', ')}`);
  for (const header of ['Datum/tijd', 'Wie', 'Rol', 'Organisatie', 'Actie', 'Onderdeel', 'Doel']) {
    await page.getByRole('columnheader', { name: header }).waitFor();
  }
  assert.equal(await page.title(), 'Wie heeft dit dossier ingezien – Eenplan');
  await assertAccessible(page, 'audit view');
  assertClean(page);
});

test('leerplicht sees a limited view', { skip: !leerplicht && 'no attendance_officer account' }, async () => {
  const page = await newPage(browser);
  await login(page, leerplicht);
  await openFirstPupil(page);
  await page.getByText('U ziet een beperkte weergave van dit dossier.').waitFor();
  await page.getByRole('heading', { level: 2, name: 'Personalia' }).waitFor();
  for (const hidden of ['Ondersteuningsbehoeften', 'Factoren', 'Betrokkenen', 'Tijdlijn']) {
    assert.equal(await page.getByRole('heading', { name: hidden, exact: true }).count(), 0, `${hidden} hidden`);
  }
  assert.equal(await page.getByRole('button', { name: 'Bewerken' }).count(), 0);
  // The audit trail needs full access, so the limited view does not offer it.
  assert.equal(await page.getByRole('link', { name: 'Wie heeft dit dossier ingezien' }).count(), 0);
  await assertAccessible(page, 'limited dossier');
  assertClean(page);
});
