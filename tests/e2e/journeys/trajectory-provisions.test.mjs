// Voorzieningen in the browser: the SWV consultant opens the provisions, sees the full one with its
// waiting list, registers a pupil and takes the registration through the joint decision and the
// intake to admission (onto the waiting list, the provision being full), then gives a thuiszitter a
// new maatwerk arrangement in the dossier and fills route-1 steps including the A4 plan. axe on the way.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { account, assertAccessible, assertClean, launch, login, newPage } from '../lib.mjs';

const consultant = account('swv_consultant');
let browser;
let page;
let full; // the full provision (API view)

before(async () => {
  browser = await launch();
  page = await newPage(browser);
  await login(page, consultant);
});
after(async () => {
  await browser?.close();
});

async function api(path) {
  const res = await page.request.get(`/api/v1${path}`);
  assert.equal(res.status(), 200, `GET ${path}`);
  return res.json();
}

test('Voorzieningen lists the provisions; the full one shows its waiting list with positions', async () => {
  await page.getByRole('link', { name: 'Voorzieningen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Voorzieningen' }).waitFor();
  const list = await api('/provisions');
  const summary = list.items.find((p) => p.freePlaces === 0 && p.waiting > 0);
  assert.ok(summary, 'the demo region has a full provision with a waiting list');
  await assertAccessible(page, 'Voorzieningen');
  await page.getByRole('link', { name: summary.name }).click();
  await page.getByRole('heading', { level: 1, name: summary.name }).waitFor();
  full = await api(`/provisions/${summary.id}`);
  const waiting = page.getByRole('table', { name: 'Wachtlijst' });
  await waiting.waitFor();
  const first = full.waitingList[0];
  await waiting.getByRole('row', { name: new RegExp(`^1 ${first.pupil.givenName} ${first.pupil.familyName}`) }).waitFor();
  await page.getByRole('button', { name: `Plaatsen: ${first.pupil.givenName} ${first.pupil.familyName}` }).waitFor();
  await assertAccessible(page, 'provision page');
});

test('a registered pupil goes through decision and intake; admission to the full provision puts them on the waiting list', async () => {
  const taken = new Set([...full.registrations.map((r) => r.pupil.id), ...full.placed.map((p) => p.pupil.id)]);
  const pupils = (await api('/pupils?pageSize=100')).items;
  const pupil = pupils.find((p) => !taken.has(p.id));
  assert.ok(pupil, 'a pupil not yet registered');
  const name = `${pupil.givenName} ${pupil.familyName}`;
  await page.getByLabel('Zoek leerling (naam of leerlingnummer)').fill(pupil.schoolPupilNumber);
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await page.getByLabel('Leerling', { exact: true }).selectOption(pupil.id);
  await page.getByLabel('Extern (andere school, wijkteam, consulent)').check();
  await page.getByLabel('Aangemeld door').fill('Wijkteam Noord');
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.getByText(`${name} is aangemeld.`).waitFor();

  await page.getByRole('button', { name: `Gezamenlijk besluit vastleggen: ${name}` }).click();
  await page.getByLabel('Toelaten', { exact: true }).check();
  const deciders = page.getByLabel(/^Namens .*: naam van wie besliste$/);
  for (let i = 0; i < (await deciders.count()); ++i) await deciders.nth(i).fill(`Beslisser ${i + 1}`);
  await page.getByLabel('Motivering').fill('Past bij de doelgroep.');
  await page.getByRole('button', { name: 'Besluit vastleggen: toelaten' }).click();
  await page.getByText(`Het besluit voor ${name} is vastgelegd: toelaten.`, { exact: false }).waitFor();
  await page.getByRole('button', { name: `Intake en huisbezoek plannen: ${name}` }).click();
  for (const [group, days] of [[/^Intake/, 7], [/^Huisbezoek/, 14]]) {
    const fieldset = page.getByRole('group', { name: group });
    const owner = fieldset.getByLabel('Eigenaar', { exact: true });
    await owner.locator('option').nth(1).waitFor({ state: 'attached' });
    await owner.selectOption({ index: 1 });
    const due = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(Date.now() + days * 86400e3));
    await fieldset.getByLabel('Uiterlijk op').fill(due);
  }
  await page.getByRole('button', { name: 'Intake en huisbezoek plannen', exact: true }).click();
  await page.getByText(`De intake en het huisbezoek van ${name} zijn gepland.`).waitFor();
  await page.getByRole('button', { name: `Toelaten (plaatsen of wachtlijst): ${name}` }).click();
  const position = full.waitingList.length + 1;
  await page.getByText(`De voorziening is vol: ${name} staat op de wachtlijst op positie ${position}.`).waitFor();
  await page.getByRole('table', { name: 'Wachtlijst' }).getByRole('row', { name: new RegExp(`^${position} ${name}`) }).waitFor();
  await assertAccessible(page, 'provision page after admission');
});

test('a thuiszitter without an arrangement gets a maatwerk arrangement with route-1 steps and the A4 plan', async () => {
  // A thuiszitter first; when an earlier run on this database used them up, any pupil without one.
  const cases = (await api('/homebound-cases')).items.filter((c) => c.state === 'open');
  const candidates = [...cases.map((c) => c.pupil.id), ...(await api('/pupils?pageSize=50')).items.map((p) => p.id)];
  let pupilId = null;
  for (const id of candidates) {
    const arrangements = await api(`/pupils/${id}/arrangements`);
    if (arrangements.items.length === 0) {
      pupilId = id;
      break;
    }
  }
  assert.ok(pupilId, 'a demo thuiszitter (or pupil) without an arrangement');
  await page.goto(`/leerlingen/${pupilId}`);
  await page.getByRole('heading', { level: 2, name: 'Arrangement' }).waitFor();
  await page.getByText('Deze leerling heeft nog geen arrangement.').waitFor();
  await page.getByLabel('Sjabloon').selectOption('renn4-maatwerktraject');
  await page.getByRole('button', { name: 'Arrangement aanmaken' }).click();
  await page.getByText('Het arrangement is aangemaakt als concept.').waitFor();

  await page.getByText('1. Analyse: waarom maatwerk — Nog te doen').click();
  await page.getByLabel('Waarom maatwerk? (analyse)').fill('Thuiszitter; de ondersteuning van de school past niet.');
  await page.getByRole('button', { name: 'Stap opslaan' }).first().click();
  await page.getByText('Stap opgeslagen: 1. Analyse: waarom maatwerk').waitFor();

  await page.getByText('5. Plan op één A4 — Nog te doen').click();
  await page.getByLabel('Onderwijs: wie levert wat?').fill('Leerkracht: twee uur les per week thuis');
  await page.getByLabel('Ondersteuning: wie levert wat?').fill('Jeugdhulp: wekelijkse begeleiding van het gezin');
  await page.getByLabel('Ouders: wat doen zij?').fill('Zorgen voor een rustige werkplek');
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  await page.getByLabel('Plan afgestemd met ouders en jongere op').fill(today);
  await page.locator('details[open]').getByRole('button', { name: 'Stap opslaan' }).last().click();
  await page.getByText('Stap opgeslagen: 5. Plan op één A4').waitFor();
  await page.getByText('5. Plan op één A4 — Gedaan').waitFor();
  const [arrangement] = (await api(`/pupils/${pupilId}/arrangements`)).items;
  assert.equal(arrangement.workflow.a4Plan.contributions.length, 3);
  assert.ok(!arrangement.openRouteOneSteps.includes('a4_plan'));
  await assertAccessible(page, 'dossier with the arrangement');
  assertClean(page);
});
