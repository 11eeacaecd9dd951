// The registration steps as forms: the SWV consultant registers a pupil, records the joint decision
// with a named person for each deciding party (neither needs an account), plans the intake and the
// home visit with owners who have one and due dates, and withdraws another registration with its
// reason. Empty forms show the error summary first; axe on every form.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { account, assertAccessible, assertClean, launch, login, newPage } from '../lib.mjs';

const consultant = account('swv_consultant');
const iso = (d) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(d);
const inDays = (n) => iso(new Date(Date.now() + n * 86400e3));
let browser;
let page;
let provision; // API view of the provision the journey works in

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

/** Registers a pupil not yet registered or placed here, through the page's own form. */
async function registerNewPupil() {
  provision = await api(`/provisions/${provision.id}`);
  const taken = new Set([...provision.registrations.map((r) => r.pupil.id), ...provision.placed.map((p) => p.pupil.id)]);
  const pupil = (await api('/pupils?pageSize=100')).items.find((p) => !taken.has(p.id));
  assert.ok(pupil, 'a pupil not yet registered');
  const name = `${pupil.givenName} ${pupil.familyName}`;
  await page.getByLabel('Zoek leerling (naam of leerlingnummer)').fill(pupil.schoolPupilNumber);
  await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
  await page.getByLabel('Leerling', { exact: true }).selectOption(pupil.id);
  await page.getByLabel('Aangemeld door').fill('Wijkteam Oost');
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.getByText(`${name} is aangemeld.`).waitFor();
  return { pupil, name };
}

async function registrationOf(pupilId) {
  provision = await api(`/provisions/${provision.id}`);
  const r = provision.registrations.findLast((x) => x.pupil.id === pupilId);
  assert.ok(r, 'the registration is listed');
  return r;
}

test('the joint decision records who decided for each party, by name, with the reasoning', async () => {
  // A provision the consultant runs whose placement is a joint decision of two parties.
  const managed = (await api('/provisions')).items.filter((p) => p.canManage);
  const details = await Promise.all(managed.map((p) => api(`/provisions/${p.id}`)));
  const joint = details.filter((p) => p.decisionRoles.length >= 2);
  provision = joint.find((p) => p.freePlaces > 0) ?? joint[0];
  assert.ok(provision, 'a provision with a joint decision of two parties');
  const summary = provision;
  await page.goto(`/voorzieningen/${summary.id}`);
  await page.getByRole('heading', { level: 1, name: summary.name }).waitFor();
  const { pupil, name } = await registerNewPupil();

  await page.getByRole('button', { name: `Gezamenlijk besluit vastleggen: ${name}` }).click();
  await page.getByRole('heading', { level: 2, name: `Gezamenlijk besluit: ${name}` }).waitFor();
  await page.getByRole('button', { name: 'Besluit vastleggen: toelaten' }).click();
  const summaryBox = page.locator('.ep-error-summary');
  await summaryBox.getByText('Kies toelaten of niet toelaten.').waitFor();
  await summaryBox.getByText('Vul de motivering van het besluit in.').waitFor();
  await assertAccessible(page, 'decision form with errors');

  await page.getByLabel('Niet toelaten').check();
  await page.getByText('Niet toelaten sluit de aanmelding af.', { exact: false }).waitFor();
  await page.getByLabel('Toelaten', { exact: true }).check();
  const deciders = page.getByLabel(/^Namens .*: naam van wie besliste$/);
  assert.equal(await deciders.count(), provision.decisionRoles.length, 'a name field per decision role');
  const names = ['mevr. J. de Vries', 'dhr. P. Bakker'];
  for (let i = 0; i < provision.decisionRoles.length; ++i) await deciders.nth(i).fill(names[i] ?? `Beslisser ${i + 1}`);
  await page.getByLabel('Motivering').fill('De voorziening past bij de ondersteuningsbehoefte; fase 2 is haalbaar.');
  await page.getByRole('button', { name: 'Besluit vastleggen: toelaten' }).click();
  await page.getByText(`Het besluit voor ${name} is vastgelegd: toelaten.`, { exact: false }).waitFor();

  const r = await registrationOf(pupil.id);
  assert.equal(r.status, 'decided');
  assert.deepEqual(r.decision.deciders.map((d) => d.name).slice(0, 2), names.slice(0, provision.decisionRoles.length));
  assert.ok(r.decision.reasoning.startsWith('De voorziening past'));
  assert.equal(r.decision.admit, true);
});

test('the intake and the home visit get an owner with an account and due dates, the visit not before the intake', async () => {
  const r0 = provision.registrations.findLast((x) => x.status === 'decided' && x.tasks.length === 0);
  assert.ok(r0, 'the decided registration');
  const name = `${r0.pupil.givenName} ${r0.pupil.familyName}`;
  await page.getByRole('button', { name: `Intake en huisbezoek plannen: ${name}` }).click();
  await page.getByRole('heading', { level: 2, name: `Intake en huisbezoek: ${name}` }).waitFor();
  const intake = page.getByRole('group', { name: /^Intake/ });
  const visit = page.getByRole('group', { name: /^Huisbezoek/ });
  await intake.getByLabel('Eigenaar', { exact: true }).locator('option').nth(1).waitFor({ state: 'attached' });
  await page.getByRole('button', { name: 'Intake en huisbezoek plannen', exact: true }).click();
  await page.locator('.ep-error-summary').getByText('Kies wie de taak uitvoert.').first().waitFor();
  await assertAccessible(page, 'intake form with errors');

  const owners = await intake.getByLabel('Eigenaar', { exact: true }).locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  assert.ok(owners.length >= 2, 'the region has people to pick');
  await intake.getByLabel('Eigenaar', { exact: true }).selectOption(owners[0]);
  // The intake is done by two (orthopedagoog and IB): a second owner is optional.
  await intake.getByLabel('Tweede eigenaar (niet verplicht)').selectOption(owners[1]);
  await intake.getByLabel('Uiterlijk op').fill(inDays(10));
  await visit.getByLabel('Eigenaar', { exact: true }).selectOption(owners[1]);
  await visit.getByLabel('Uiterlijk op').fill(inDays(3));
  await page.getByRole('button', { name: 'Intake en huisbezoek plannen', exact: true }).click();
  await page.locator('.ep-error-summary').getByText('Het huisbezoek kan niet vóór de intake.').waitFor();
  await visit.getByLabel('Uiterlijk op').fill(inDays(17));
  await page.getByRole('button', { name: 'Intake en huisbezoek plannen', exact: true }).click();
  await page.getByText(`De intake en het huisbezoek van ${name} zijn gepland.`).waitFor();

  const r = await registrationOf(r0.pupil.id);
  const byKind = Object.fromEntries(r.tasks.map((t) => [t.kind, t]));
  assert.deepEqual(byKind.intake.ownerIds, [owners[0], owners[1]]);
  assert.equal(byKind.intake.due, inDays(10));
  assert.deepEqual(byKind.home_visit.ownerIds, [owners[1]]);
  assert.equal(byKind.home_visit.due, inDays(17));
  assert.equal(r.nextStep, 'admission');
});

test('another registration is withdrawn with its reason after confirming', async () => {
  const { pupil, name } = await registerNewPupil();
  await page.getByRole('button', { name: `Intrekken: ${name}` }).click();
  await page.getByRole('heading', { level: 2, name: `Aanmelding intrekken: ${name}` }).waitFor();
  await page.getByRole('button', { name: 'Aanmelding intrekken' }).click();
  const summaryBox = page.locator('.ep-error-summary');
  await summaryBox.getByText('Vul de reden van intrekken in.').waitFor();
  await summaryBox.getByText('Bevestig dat u de aanmelding wilt intrekken.').waitFor();
  await assertAccessible(page, 'withdrawal form with errors');
  await page.getByLabel('Reden van intrekken').fill('Het gezin verhuist naar een andere regio.');
  await page.getByLabel('Ik weet dat de aanmelding hiermee wordt afgesloten.').check();
  await page.getByRole('button', { name: 'Aanmelding intrekken' }).click();
  await page.getByText(`De aanmelding van ${name} is ingetrokken.`).waitFor();
  const row = page.getByRole('table', { name: 'Aanmeldingen' }).getByRole('row', { name: new RegExp(name) }).last();
  await row.getByText('Ingetrokken').waitFor();
  await row.getByText('Het gezin verhuist naar een andere regio.').waitFor();

  const r = await registrationOf(pupil.id);
  assert.equal(r.status, 'withdrawn');
  assert.equal(r.withdrawal.reason, 'Het gezin verhuist naar een andere regio.');
  await assertAccessible(page, 'provision page after the withdrawal');
  assertClean(page);
});
