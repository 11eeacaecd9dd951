// The school support route in the browser: the coordinator plans a JES meeting, records
// basisondersteuning, a zorgmelding and the zorgteam, is stopped at the JES because the parents were
// not informed, records the parent contact and then puts the pupil on the JES agenda. Typing survives a
// reload; axe on the way.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { account, assertAccessible, assertClean, launch, login, newPage, unique } from '../lib.mjs';

const coordinator = account('school_coordinator');
let browser;
let page;
let pupilId;
const location = unique('E2E lokaal');
const iso = (d) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(d);
const meetingDate = iso(new Date(Date.now() + 21 * 86400e3));

before(async () => {
  browser = await launch();
  page = await newPage(browser);
  await login(page, coordinator);
});
after(async () => {
  await browser?.close();
});

async function api(path) {
  const res = await page.request.get(`/api/v1${path}`);
  assert.equal(res.status(), 200, `GET ${path}`);
  return res.json();
}

async function record(choice) {
  if (choice) await page.getByLabel('Wat wilt u vastleggen?').selectOption(choice);
}

/** Waits until the route's stage list marks `name` as the current step (after the reload). */
async function currentStage(name) {
  await page.locator('[aria-current="step"]', { hasText: name }).waitFor();
}

async function submitAndWaitSaved() {
  await page.getByRole('button', { name: 'Vastleggen' }).click();
  await page.getByText('De stap is vastgelegd en staat in de tijdlijn van het dossier.').waitFor();
}

test('the coordinator plans a JES meeting on the Ondersteuningsroute page', async () => {
  await page.getByRole('link', { name: 'Ondersteuningsroute' }).click();
  await page.getByRole('heading', { level: 1, name: 'Ondersteuningsroute' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'JES-overleggen' }).waitFor();
  await page.getByLabel('Datum', { exact: true }).fill(meetingDate);
  await page.getByLabel('Locatie (optioneel)').fill(location);
  // The members are prefilled with the standing composition of the ondersteuningsteam.
  assert.match(await page.getByLabel('Deelnemers (één per regel)').inputValue(), /Leerplichtambtenaar/);
  await page.getByRole('button', { name: 'Overleg plannen' }).click();
  await page.getByText('Het JES-overleg is gepland.').waitFor();
  await page.getByText(`Locatie: ${location}`).waitFor();
  await assertAccessible(page, 'Ondersteuningsroute page');
});

test('basisondersteuning is recorded in the dossier, also with the keyboard', async () => {
  const session = await api('/session');
  const school = session.user.organisations.find((o) => o.kind === 'school');
  const list = await api(`/pupils?pageSize=100&schoolId=${school.id}`);
  for (const p of list.items) {
    if (p.enrolmentSchool.id !== school.id) continue;
    const route = await api(`/pupils/${p.id}/support-route`);
    if (route.stage === 'mentor') {
      pupilId = p.id;
      break;
    }
  }
  assert.ok(pupilId, 'a pupil of the school with nothing on the support route');
  await page.goto(`/leerlingen/${pupilId}`);
  await page.locator('#sec-support-route').waitFor();
  await page.getByRole('heading', { level: 3, name: 'Volgende stap vastleggen' }).waitFor();
  await assertAccessible(page, 'dossier with the support route');

  await page.getByLabel('Welke ondersteuning is ingezet?').selectOption('care_team_observation');
  await page.getByLabel('Wat is er gedaan en wat kwam eruit?').fill('Observatie in twee lessen: veel afleiding.');
  const by = page.getByLabel('Uitgevoerd door');
  await by.fill('IZT: leerlingbegeleider');
  await by.press('Enter'); // submits the form
  await page.getByText('De stap is vastgelegd en staat in de tijdlijn van het dossier.').waitFor();
  await page.locator('.ep-route-list').getByText('Observatie vanuit het IZT').waitFor();
  await page.locator('.ep-timeline').getByText(/basisondersteuning: Observatie vanuit het IZT/).waitFor();
});

test('zorgmelding and the zorgteam discussion', async () => {
  await record('concern');
  await page.getByLabel('Hulpvraag').fill('Welke extra ondersteuning past?');
  // Typing survives a reload: the form comes back with the zorgmelding and its text.
  await page.reload();
  await page.getByText('Uw nog niet opgeslagen invoer is teruggezet.').waitFor();
  assert.equal(await page.getByLabel('Wat wilt u vastleggen?').inputValue(), 'concern');
  assert.equal(await page.getByLabel('Hulpvraag').inputValue(), 'Welke extra ondersteuning past?');
  await page.getByLabel('Wat is al geprobeerd?').fill('Observatie vanuit het IZT.');
  await submitAndWaitSaved();
  await currentStage('Zorgmelding');

  await record('careTeam');
  await page.getByLabel('Aanwezig (één per regel)').fill('Coördinator passend onderwijs\nMentor');
  await page.getByLabel('Besluit van het zorgteam').selectOption('escalate_to_jes');
  await page.getByLabel('Uitkomst van de bespreking').fill('Opschalen naar het JES.');
  await submitAndWaitSaved();
  await currentStage('Zorgteam');
});

async function chooseMeeting() {
  const school = (await api('/session')).user.organisations.find((o) => o.kind === 'school');
  const meetings = await api(`/schools/${school.id}/support-meetings`);
  const meeting = meetings.items.find((m) => m.location === location);
  assert.ok(meeting, 'the meeting planned in the first test');
  await page.getByLabel('JES-overleg').selectOption(meeting.id);
}

test('the JES step is blocked with a clear message while the parents are not informed', async () => {
  await record('jes');
  await chooseMeeting();
  await page.getByLabel('Vraag aan het JES').fill('Welk arrangement past?');
  await page.getByRole('button', { name: 'Vastleggen' }).click();
  const blocked = page.getByText(/de ouders moeten eerst op de hoogte zijn/);
  await blocked.waitFor();
  assert.doesNotMatch(await page.locator('[aria-current="step"]').innerText(), /JES/);
  await assertAccessible(page, 'JES step blocked');
});

test('after recording the parent contact the JES referral succeeds', async () => {
  await page.getByRole('button', { name: 'Oudercontact vastleggen' }).click();
  assert.equal(await page.getByLabel('Waarover zijn de ouders geïnformeerd?').inputValue(), 'jes');
  await page.getByLabel('Hoe?').selectOption('phone');
  await page.getByLabel('Wie heeft de ouders geïnformeerd?').fill('Mentor');
  await submitAndWaitSaved();

  await record('jes');
  await chooseMeeting();
  await page.getByLabel('Vraag aan het JES').fill('Welk arrangement past?');
  await submitAndWaitSaved();
  await currentStage('JES');
  await page.locator('.ep-timeline').getByText(/aangemeld voor het JES-overleg/).waitFor();
  await assertAccessible(page, 'dossier after the JES referral');

  // The pupil is now on the meeting's agenda on the coordinator's page.
  await page.getByRole('link', { name: 'Ondersteuningsroute' }).click();
  await page.getByRole('heading', { level: 2, name: 'JES-overleggen' }).waitFor();
  const card = page.locator('.ep-card', { hasText: location });
  await card.getByRole('link').first().waitFor();
  assertClean(page);
});
