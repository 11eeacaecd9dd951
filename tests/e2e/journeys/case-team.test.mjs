// The case team in the browser: the coordinator opens "Betrokkenen wijzigen" in the dossier, finds
// someone of youth care by name (with the keyboard), adds them, gives them their role and makes them
// regisseur, saves and sees it in the dossier. A refused change (the regisseur removed without a
// successor) shows the error summary and keeps what was chosen. The change shows in the Tijdlijn as
// a system entry ("Wijziging betrokkenen") without reloading the page. axe-core on every state; the team is
// put back through the API at the end, so the demo data stays as it was.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { account, assertAccessible, assertClean, launch, login, newPage } from '../lib.mjs';

const coordinator = account('school_coordinator');
let browser;
let page;
let csrf;
let myName; // the coordinator's display name, as the timeline shows it
let pupilId;
let original; // the team as the demo made it, to put back
let newcomer; // a care provider of the region who is not on the team

async function api(method, path, body, version) {
  const headers = { 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' };
  if (version !== undefined) headers['If-Match'] = `"${version}"`;
  const res = await page.request.fetch(`/api/v1${path}`, {
    method,
    headers,
    data: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.ok(res.status() < 300, `${method} ${path}: ${res.status()} ${await res.text()}`);
  return res.json();
}

const section = () => page.locator('section[aria-labelledby="sec-case-team"]');

before(async () => {
  browser = await launch();
  page = await newPage(browser);
  await login(page, coordinator);
  const session = await api('GET', '/session');
  csrf = session.csrfToken;
  myName = session.user.displayName;
  const pupils = (await api('GET', '/pupils?pageSize=100')).items;
  for (const p of pupils) {
    const team = await api('GET', `/pupils/${p.id}/case-team`);
    if (team.access.canEdit && team.members.length >= 2 && team.members.length < 10) {
      pupilId = p.id;
      original = team.members.map(({ userId, caseRole, isCaseLead }) => ({ userId, caseRole, isCaseLead }));
      const candidates = (await api('GET', `/pupils/${p.id}/case-team/candidates?limit=50`)).items;
      newcomer = candidates.find(
        (c) => c.role === 'care_provider' && !team.members.some((m) => m.userId === c.userId),
      );
      if (newcomer) break;
    }
  }
  assert.ok(pupilId && newcomer, 'a pupil with a case team the coordinator may change, and a care provider to add');
});

after(async () => {
  if (pupilId && csrf) {
    const now = await api('GET', `/pupils/${pupilId}/case-team`);
    await api('PUT', `/pupils/${pupilId}/case-team`, { members: original }, now.version);
  }
  await browser?.close();
});

test('the dossier shows the Betrokkenen with a Wijzigen button for the coordinator', async () => {
  await page.goto(`/leerlingen/${pupilId}`);
  await page.getByRole('heading', { level: 2, name: 'Betrokkenen' }).waitFor();
  await page.getByRole('button', { name: 'Betrokkenen wijzigen' }).click();
  await page.getByRole('heading', { level: 3, name: 'Betrokkenen wijzigen' }).waitFor();
  assert.equal(await section().locator('input[type="radio"]:checked').count(), 1, 'one regisseur');
  await assertAccessible(page, 'the case-team editor');
  assertClean(page);
});

test('a coordinator finds someone by name with the keyboard, adds them and makes them regisseur', async () => {
  const search = page.getByLabel('Zoek op naam of organisatie');
  await search.fill(newcomer.displayName.split(' ').pop());
  await search.press('Enter'); // searching from the keyboard, not saving the team
  const results = page.getByRole('list', { name: 'Zoekresultaten' });
  await results.waitFor();
  await assertAccessible(page, 'the search results');
  await results.getByRole('button', { name: `${newcomer.displayName} Toevoegen` }).click();
  await page.getByText(`${newcomer.displayName} is toegevoegd`).waitFor();
  // The new row's role select has the focus, with the role that fits a care provider.
  const role = page.locator(':focus');
  assert.equal(await role.inputValue(), 'jeugdhulpverlener');
  // Each member is a group named after them, with their own role select and regisseur radio.
  const row = section().getByRole('group', { name: newcomer.displayName });
  await row.getByLabel('Rol in dit dossier').selectOption('zorgaanbieder');
  await row.getByLabel('Regisseur').check();
  await assertAccessible(page, 'the editor with a new member');
  await page.getByRole('button', { name: 'Betrokkenen opslaan' }).click();
  await page.getByText('De betrokkenen zijn opgeslagen.').waitFor();

  // The dossier's table shows the new regisseur first, with the badge.
  const first = section().locator('tbody tr').first();
  await first.getByText(newcomer.displayName).waitFor();
  await first.getByText('Regisseur').waitFor();
  assert.equal((await first.getByRole('cell').first().textContent()).trim(), 'Zorgaanbieder', 'the role in the case');
  const team = await api('GET', `/pupils/${pupilId}/case-team`);
  const saved = team.members.find((m) => m.userId === newcomer.userId);
  assert.ok(saved?.isCaseLead, 'the newcomer is the regisseur');
  assert.equal(saved.caseRole, 'zorgaanbieder');
  assert.equal(team.members.filter((m) => m.isCaseLead).length, 1);
  await assertAccessible(page, 'the dossier after saving the case team');
  assertClean(page);
});

test('the Tijdlijn shows the change at once as a system entry, marked as written by Eenplan', async () => {
  const timeline = page.getByRole('list', { name: 'Tijdlijn' });
  const entry = timeline.locator('li').first();
  await entry.getByText('Wijziging betrokkenen', { exact: true }).waitFor();
  const body = (await entry.locator('.utrecht-paragraph').textContent()).trim();
  assert.ok(body.startsWith('Betrokkenen gewijzigd: '), body);
  assert.ok(body.includes(`${newcomer.displayName} toegevoegd (zorgaanbieder)`), `who joined, with the role: ${body}`);
  assert.ok(body.includes(`${newcomer.displayName} is nu regisseur (was: `), `the regisseur before and after: ${body}`);
  await entry.getByText(`automatisch vastgelegd bij de wijziging door ${myName}`).waitFor();
  assert.equal(await entry.getByRole('button').count(), 0, 'nothing to edit or delete on a system entry');
  await assertAccessible(page, 'the dossier with the team change in the Tijdlijn');
  assertClean(page);
});

test('removing the regisseur without naming a new one is refused with the error summary', async () => {
  await page.getByRole('button', { name: 'Betrokkenen wijzigen' }).click();
  await page.getByRole('heading', { level: 3, name: 'Betrokkenen wijzigen' }).waitFor();
  await page.getByRole('group', { name: newcomer.displayName }).getByRole('button', { name: /^Verwijderen/ }).click();
  await page.getByText(`${newcomer.displayName} is verwijderd`).waitFor();
  await page.getByRole('button', { name: 'Betrokkenen opslaan' }).click();
  const summary = page.locator('.ep-error-summary');
  await summary.getByText('U verwijdert de regisseur. Wijs in dezelfde wijziging een nieuwe regisseur aan.').waitFor();
  await assertAccessible(page, 'the editor with a refused change');
  // The choice is kept; naming a regisseur makes the change valid.
  const lead = original.find((m) => m.isCaseLead);
  await page.locator(`#ct-lead-${lead.userId}`).check();
  await page.getByRole('button', { name: 'Betrokkenen opslaan' }).click();
  await page.getByText('De betrokkenen zijn opgeslagen.').waitFor();
  assert.equal(await section().getByText(newcomer.displayName).count(), 0, 'the newcomer is gone from the table');
  assertClean(page);
});
