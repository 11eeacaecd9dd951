// The pupil's plan in the browser (issue 3, item 9): a pupil without a plan gets a maatwerk
// arrangement (RENN4) with its A4 plan and an OPP with two goals (set up through the API: the
// arrangement's screens have their own journey); the parents' agreement is recorded and the OPP set
// in the dossier; six weeks later (time injected) an evaluation moves the pupil from phase 0 to
// phase 1 with 2 → 4 hours a week; an evaluation date that passes shows as overdue in Mijn taken and
// on the plan. axe-core on every state.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  account,
  assertAccessible,
  assertClean,
  launch,
  login,
  newPage,
} from "../lib.mjs";

const consultant = account("swv_consultant");
const iso = (d) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(d);
const inDays = (n) => iso(new Date(Date.now() + n * 86400e3));
let browser;
let page;
let csrf;
let pupil;
let arrangement;

async function api(method, path, body, version) {
  const headers = { "X-CSRF-Token": csrf, "Content-Type": "application/json" };
  if (version !== undefined) headers["If-Match"] = `"${version}"`;
  const res = await page.request.fetch(`/api/v1${path}`, {
    method,
    headers,
    data: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.ok(
    res.status() < 300,
    `${method} ${path}: ${res.status()} ${await res.text()}`,
  );
  return res.status() === 204 ? null : res.json();
}

before(async () => {
  browser = await launch();
  page = await newPage(browser);
  await login(page, consultant);
  csrf = (await api("GET", "/session")).csrfToken;
});
after(async () => {
  if (csrf)
    await page.request.fetch("/api/v1/test-clock", {
      method: "PUT",
      headers: { "X-CSRF-Token": csrf, "Content-Type": "application/json" },
      data: '{"offsetDays":0}',
    });
  await browser?.close();
});

test("a pupil without a plan gets a running RENN4 arrangement with an A4 plan and an OPP draft with two goals", async () => {
  const pupils = (await api("GET", "/pupils?pageSize=100")).items;
  for (const p of pupils) {
    const arrangements = await api("GET", `/pupils/${p.id}/arrangements`);
    const opp = await api("GET", `/pupils/${p.id}/opp`);
    if (arrangements.items.length === 0 && opp.current === null) {
      pupil = p;
      break;
    }
  }
  assert.ok(pupil, "a pupil without arrangement or OPP");
  const care = (await api("GET", "/organisations?kind=care_provider")).items[0]
    .id;
  let a = await api("POST", `/pupils/${pupil.id}/arrangements`, {
    templateCode: "renn4-maatwerktraject",
    start: inDays(0),
    enrollingSchoolId: pupil.enrolmentSchool.id,
    providerOrganisationIds: [care],
    supportNeeds: [],
  });
  const path = `/arrangements/${a.id}`;
  a = await api(
    "PATCH",
    path,
    {
      returnPlan: {
        kind: "return_to_home_school",
        receivingSchoolId: pupil.enrolmentSchool.id,
        steps: "Na fase 3 terug.",
      },
    },
    a.version,
  );
  const me = (await api("GET", "/session")).user.id;
  for (const [step, values] of [
    [
      "analysis",
      { analysis: "Thuiszitter; collectieve voorzieningen passen niet." },
    ],
    [
      "parents-involved",
      {
        parentsInvolvedOn: inDays(-10),
        parentsInvolvement: "Ouders schrijven mee.",
      },
    ],
    [
      "participants",
      {
        participants: [
          { personId: me, organisationId: care, role: "decision_maker" },
          { personId: "leerkracht", organisationId: care, role: "executor" },
        ],
      },
    ],
    ["design", { design: "Twee uur per week les thuis." }],
    [
      "a4-plan",
      {
        a4Plan: {
          contributions: [
            { area: "education", who: "leerkracht", what: "2 uur les thuis" },
            { area: "support", who: "jeugdhulp", what: "begeleiding" },
            { area: "parents", who: "moeder", what: "rustige werkplek" },
          ],
          agreedOn: inDays(-2),
        },
      },
    ],
    [
      "exemption-considered",
      { exemptionNeeded: false, compulsoryEducationMet: true },
    ],
    ["special-education-tlv", { specialEducationEnrolmentNeeded: false }],
    ["finance-agreements", { financeAgreements: "Inkoop via de gemeente." }],
    ["extra-funds-considered", { extraFundsNeeded: false }],
  ])
    a = await api("PUT", `${path}/route-one/${step}`, values, a.version);
  arrangement = await api("POST", `${path}/start`, {}, a.version);
  await api("PUT", `${path}/weekly-schedule`, {
    validFrom: inDays(0),
    entries: [{ place: "home", kind: "education", minutesPerWeek: 120 }],
  });
});

test("in the dossier the OPP is started and typed in its editor: perspective, factors, two goals, handelingsdeel, hoorrecht", async () => {
  await page.goto(`/leerlingen/${pupil.id}`);
  await page.getByRole("heading", { level: 2, name: "Plan (OPP)" }).waitFor();
  await page.getByText("Deze leerling heeft nog geen OPP.").waitFor();
  await page.getByRole("button", { name: "OPP starten" }).click();
  const editor = page.getByRole("form", { name: "OPP bewerken (concept)" });
  await editor.waitFor();
  await assertAccessible(page, "the OPP editor of an empty draft");
  await editor
    .getByLabel("Uitstroomperspectief", { exact: true })
    .selectOption("regular_vso_class");
  await editor
    .getByLabel("Onderbouwing van het uitstroomperspectief")
    .fill("Via de fasen van RENN4 naar een vso-groep.");
  const [need] = (await api("GET", "/support-need-categories")).items;
  await editor.getByLabel(need.label, { exact: true }).check();
  await editor
    .getByRole("button", { name: "Bevorderende factor toevoegen" })
    .click();
  await editor.getByLabel("Bevorderende factor 1").fill("Betrokken ouders.");
  await editor
    .getByRole("button", { name: "Belemmerende factor toevoegen" })
    .click();
  await editor.getByLabel("Belemmerende factor 1").fill("Angst voor de groep.");
  await editor
    .getByLabel("Werkhouding", { exact: true })
    .fill("Werkt goed een-op-een.");
  const goals = [
    ["social_emotional", "Voelt zich veilig bij de leerkracht", "Stelt elke les een vraag", 90],
    ["didactic", "Leest een eenvoudige tekst zelfstandig", "AVI E5", 120],
  ];
  for (const [i, [area, text, measure, days]] of goals.entries()) {
    await editor.getByRole("button", { name: "Doel toevoegen" }).click();
    const goal = editor.getByRole("group", { name: `Doel ${i + 1}`, exact: true });
    await goal.getByLabel("Gebied").selectOption(area);
    await goal.getByLabel("Doel", { exact: true }).fill(text);
    await goal.getByLabel("Meetbaar").fill(measure);
    await goal.getByLabel("Streefdatum").fill(inDays(days));
    await goal.getByLabel("Eigenaar").fill("leerkracht");
  }
  await editor
    .getByLabel("Ondersteuning", { exact: true })
    .fill("Twee uur per week les thuis.");
  await editor
    .getByLabel("Afwijkingen van het programma")
    .fill("Alleen Nederlands en rekenen.");
  await editor
    .getByLabel("Datum waarop de leerling is gehoord")
    .fill(inDays(-1));
  await editor
    .getByLabel("Wat de leerling ervan vindt")
    .fill("Wil eerst thuis les, daarna naar school.");
  await assertAccessible(page, "the OPP editor filled in");
  await editor.getByRole("button", { name: "Concept opslaan" }).click();
  await editor
    .getByRole("status")
    .filter({ hasText: "Het concept is opgeslagen." })
    .waitFor();
  const opp = (await api("GET", `/pupils/${pupil.id}/opp`)).current;
  assert.deepEqual(
    opp.goals.map((g) => [g.area, g.text, g.measure, g.targetDate, g.ownerId]),
    goals.map(([area, text, measure, days]) => [area, text, measure, inDays(days), "leerkracht"]),
  );
  assert.deepEqual(opp.supportNeeds, [need.code]);
  assert.equal(opp.factors.length, 2);
  assert.equal(opp.pupilHearing.heardOn, inDays(-1));
  await page.getByRole("cell", { name: "AVI E5" }).waitFor();
  await assertAccessible(page, "the plan with the saved OPP draft");
});

test("in the dossier the parents agree and the OPP is set; the plan shows both goals and phase 0", async () => {
  await page
    .getByText("De ouders hebben nog niet ingestemd met het handelingsdeel.")
    .waitFor();
  await page.getByRole("button", { name: "OPP vaststellen" }).click();
  await page.locator("#plan .utrecht-alert").first().waitFor();
  await page.getByLabel("Wie stemde in").fill("moeder");
  await page.getByRole("button", { name: "Instemming opslaan" }).click();
  await page.getByText(/^Instemming ouders: moeder, op/).waitFor();
  await page.getByRole("button", { name: "OPP vaststellen" }).click();
  await page
    .getByRole("button", { name: "Bijstellen (nieuwe versie)" })
    .waitFor();
  await page.getByRole("cell", { name: "AVI E5" }).waitFor();
  await page.getByText(/Start renn4-0/).waitFor();
  await assertAccessible(page, "the plan with a set OPP");
});

test("six weeks later (time injected) an evaluation moves the pupil to phase 1 with 4 hours a week", async () => {
  await api("PUT", "/test-clock", { offsetDays: 42 });
  await page.reload();
  await page.getByRole("heading", { level: 2, name: "Plan (OPP)" }).waitFor();
  await page.getByLabel("Datum van de evaluatie").fill(inDays(42));
  await page.getByLabel("Naam ouder").fill("moeder");
  await page
    .getByLabel("Besluit van de evaluatie")
    .selectOption("change_phase");
  await page.getByLabel("Nieuwe fase").selectOption("renn4-1");
  await page
    .getByLabel("Reden van het besluit")
    .fill("Voelt zich veilig; af en toe naar school.");
  await page.getByLabel("Datum volgende evaluatie").fill(inDays(42 + 14));
  await page.getByLabel(/^Uren onderwijs per week/).fill("4");
  await page.getByRole("button", { name: "Evaluatie opslaan" }).click();
  await page.getByRole("status").filter({ hasText: "Opgeslagen." }).waitFor();
  await page.getByText(/Vooruit renn4-1/).waitFor();
  const table = page.getByRole("region", { name: "Opbouw in uren per week" });
  await table.getByRole("cell", { name: "4", exact: true }).first().waitFor();
  await assertAccessible(page, "the plan after the evaluation");
  const week = await api(
    "GET",
    `/arrangements/${arrangement.id}/weekly-schedule`,
  );
  assert.deepEqual(
    week.buildUp.map((p) => p.educationMinutes),
    [120, 240],
    "2 → 4 hours a week",
  );
});

test("when the next evaluation date passes it shows as overdue in Mijn taken and on the plan", async () => {
  await api("PUT", "/test-clock", { offsetDays: 42 + 15 });
  const tasks = (await api("GET", "/tasks?pageSize=100")).items;
  const mine = tasks.findIndex(
    (t) => t.kind === "evaluation_due" && t.pupil?.id === pupil.id,
  );
  assert.ok(
    mine >= 0 && tasks[mine].overdue,
    "the evaluation is an overdue task",
  );
  await page.goto(`/taken?status=open&page=${Math.floor(mine / 25) + 1}`);
  await page.getByRole("heading", { level: 1 }).waitFor();
  const row = page
    .getByRole("row")
    .filter({ hasText: `${pupil.givenName} ${pupil.familyName}` })
    .filter({ hasText: "Evaluatie van het arrangement" });
  await row.getByText("Te laat").waitFor();
  await assertAccessible(page, "Mijn taken with an overdue evaluation");
  await row.getByRole("link", { name: "Naar het plan" }).click();
  await page.getByRole("heading", { level: 2, name: "Plan (OPP)" }).waitFor();
  await page.locator("#plan").getByText("Te laat").waitFor();
  await assertAccessible(page, "the plan with an overdue evaluation");
  assertClean(page);
});
