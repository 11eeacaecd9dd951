// Verzuim: a coordinator imports an absence export (a wrong file first), the protocol's signal
// reaches leerplicht in "Mijn taken", and absence is registered by hand in the dossier.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ACCOUNTS, account, assertAccessible, assertClean, launch, login, newPage } from '../lib.mjs';

const coordinator = account('school_coordinator');
let browser;
/** The pupil the journey works on: one of the coordinator's pupils without absence this year. */
let pupil;

// Two school days of 2026-2027 (regio Noord) that follow each other: 8 + 8 lesson hours in a row.
const DAYS = ['2026-11-16', '2026-11-17'];

function csvFor(number) {
  const lines = ['leerlingnummer,datum,lesuur,soort,opmerking'];
  for (const day of DAYS) {
    for (let hour = 1; hour <= 8; hour += 1) lines.push(`${number},${day},${hour},ongeoorloofd,`);
  }
  return `${lines.join('\n')}\n`;
}

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function findPupilWithoutAbsence(page) {
  const list = await (await page.request.get('/api/v1/pupils?pageSize=100')).json();
  for (const item of list.items) {
    if (item.enrolmentSchool.name !== coordinator.organisation) continue;
    const absences = await (await page.request.get(`/api/v1/pupils/${item.id}/absences`)).json();
    if (absences.items.length > 0) continue;
    const full = await (await page.request.get(`/api/v1/pupils/${item.id}`)).json();
    if (!full.municipality) continue;
    return {
      id: item.id,
      name: `${item.givenName} ${item.familyName}`,
      number: item.schoolPupilNumber,
      municipality: full.municipality.name,
    };
  }
  return null;
}

test('a wrong file is refused line by line and nothing is stored', async () => {
  const page = await newPage(browser);
  await login(page, coordinator);
  pupil = await findPupilWithoutAbsence(page);
  assert.ok(pupil, 'the coordinator has a pupil without absence this school year');

  await page.getByRole('link', { name: 'Verzuim importeren' }).click();
  await page.getByRole('heading', { level: 1, name: 'Verzuim importeren' }).waitFor();
  await assertAccessible(page, 'absence import page');

  const wrong = `leerlingnummer,datum,lesuur,soort,opmerking\n${pupil.number},2026-11-16,1,ongeoorloofd,\n${pupil.number},2026-13-01,2,ongeoorloofd,\nonbekend-99,2026-11-16,3,ziek,\n`;
  await page.getByLabel('Bestand (CSV)').setInputFiles({
    name: 'verzuim-fout.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(wrong, 'utf8'),
  });
  await page.getByRole('button', { name: 'Importeren' }).click();
  await page.getByRole('heading', { name: 'Het bestand is niet ingelezen' }).waitFor();
  const rows = await page.locator('table tbody tr').allInnerTexts();
  assert.ok(rows.some((r) => r.startsWith('3')), `line 3 (the impossible date) is reported:\n${rows.join('\n')}`);
  assert.ok(rows.some((r) => r.startsWith('4')), `line 4 (the unknown pupil) is reported:\n${rows.join('\n')}`);
  await assertAccessible(page, 'rejected import');

  // All or nothing: the good first line was not stored either.
  const absences = await (await page.request.get(`/api/v1/pupils/${pupil.id}/absences`)).json();
  assert.equal(absences.items.length, 0);
  assertClean(page);
});

test('an import gives a signal once, and leerplicht finds it in Mijn taken', async () => {
  assert.ok(pupil, 'set by the previous test');
  const page = await newPage(browser);
  await login(page, coordinator);
  await page.goto('/verzuim/importeren');
  const file = { name: 'verzuim-week-47.csv', mimeType: 'text/csv', buffer: Buffer.from(csvFor(pupil.number)) };

  await page.getByLabel('Bestand (CSV)').setInputFiles(file);
  await page.getByRole('button', { name: 'Importeren' }).click();
  await page.getByRole('heading', { name: 'Import voltooid' }).waitFor();
  await page.getByText('16 regels gelezen, 16 nieuw opgeslagen.').waitFor();
  await page.getByText(/nieuwe signalen?;/).waitFor();

  // The same file again adds nothing and fires nothing: the evidence was used.
  await page.getByLabel('Bestand (CSV)').setInputFiles(file);
  await page.getByRole('button', { name: 'Importeren' }).click();
  await page.getByText('16 regels gelezen, 0 nieuw opgeslagen.').waitFor();
  await page.getByText('Het verzuimprotocol gaf geen nieuwe signalen.').waitFor();
  assertClean(page);

  const officer = ACCOUNTS.find((a) => a.role === 'attendance_officer' && a.organisation === pupil.municipality);
  assert.ok(officer, `a leerplicht account for ${pupil.municipality}`);
  const lp = await newPage(browser);
  await login(lp, officer);
  await lp.getByRole('link', { name: 'Mijn taken' }).click();
  await lp.getByRole('heading', { level: 1, name: 'Mijn taken' }).waitFor();
  const row = lp.locator('table tbody tr', { hasText: pupil.name }).filter({ hasText: '16 lesuren achter elkaar' });
  // A busy leerplicht has pages of tasks: page on until the new one shows.
  await lp.locator('table tbody tr').first().waitFor();
  for (let i = 0; i < 20 && (await row.count()) === 0; i += 1) {
    const next = lp.getByRole('link', { name: 'Volgende' });
    if ((await next.count()) === 0) break;
    await next.click();
    await lp.waitForURL(/page=/);
    await lp.waitForTimeout(200);
  }
  await row.first().waitFor();
  await assertAccessible(lp, 'Mijn taken');
  await row.first().getByRole('button', { name: /^Afgehandeld/ }).click();
  await lp.getByText(/^Afgehandeld: Verzuimsignaal/).waitFor();

  // The dossier shows the absence and the signal to leerplicht (their limited view).
  await lp.goto(`/leerlingen/${pupil.id}`);
  await lp.getByRole('heading', { level: 2, name: 'Verzuim' }).waitFor();
  await lp.getByRole('rowheader', { name: 'Aaneengesloten ongeoorloofd verzuim' }).first().waitFor();
  // Leerplicht's own view is limited to what their duty needs: they see verzuim, they do not
  // register it (an officer who is also on the pupil's case team has the full view).
  if ((await lp.getByText('U ziet een beperkte weergave van dit dossier.').count()) > 0) {
    assert.equal(await lp.getByRole('button', { name: 'Verzuim opslaan' }).count(), 0, 'leerplicht registers no absence');
  }
  await assertAccessible(lp, 'verzuim in the limited dossier');
  assertClean(lp);
});

test('absence is registered by hand in the dossier', async () => {
  assert.ok(pupil, 'set by the first test');
  const page = await newPage(browser);
  await login(page, coordinator);
  await page.goto(`/leerlingen/${pupil.id}`);
  await page.getByRole('heading', { level: 3, name: 'Verzuim registreren' }).waitFor();

  // Without hours the form says what is missing.
  await page.locator('#absence-date').fill('2026-11-18');
  await page.getByRole('button', { name: 'Verzuim opslaan' }).click();
  await page.getByRole('heading', { name: 'Het verzuim is niet opgeslagen' }).waitFor();

  await page.getByLabel('Soort verzuim').selectOption('late');
  await page.getByLabel('1e uur').check();
  await page.getByRole('button', { name: 'Verzuim opslaan' }).click();
  await page.getByText('1 lesuur verzuim opgeslagen.').waitFor();
  await page.getByRole('cell', { name: 'Te laat' }).first().waitFor();
  await assertAccessible(page, 'dossier with verzuim');
  assertClean(page);
});
