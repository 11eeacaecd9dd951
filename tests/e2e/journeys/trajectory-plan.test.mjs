// The pupil's plan in the browser (issue 3, item 9): a pupil without a plan gets a maatwerk
// arrangement (RENN4) through the dossier's Arrangement section (route 1 with its A4 plan, then
// started) and an OPP with two goals typed in the Plan section's editor; the parents' agreement is
// recorded and the OPP set in the dossier; six weeks later (time injected) an evaluation moves the pupil from phase 0 to
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
let team = [];

async function until(check, what) {
  for (let i = 0; i < 50; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`timed out: ${what}`);
}

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

test("a pupil without a plan gets a RENN4 maatwerk arrangement in the dossier: route 1 with the A4 plan, then started", async () => {
  const pupils = (await api("GET", "/pupils?pageSize=100")).items;
  // One with a case team when there is one, so a goal's owner can be picked from it.
  let fallback = null;
  for (const p of pupils) {
    const arrangements = await api("GET", `/pupils/${p.id}/arrangements`);
    const opp = await api("GET", `/pupils/${p.id}/opp`);
    if (arrangements.items.length > 0 || opp.current !== null) continue;
    const full = await api("GET", `/pupils/${p.id}`);
    if ((full.caseTeam ?? []).length > 0) {
      pupil = p;
      team = full.caseTeam;
      break;
    }
    fallback ??= p;
  }
  pupil ??= fallback;
  assert.ok(pupil, "a pupil without arrangement or OPP");
  await page.goto(`/leerlingen/${pupil.id}`);
  await page.getByRole("heading", { level: 2, name: "Arrangement" }).waitFor();
  await page.getByText("Deze leerling heeft nog geen arrangement.").waitFor();
  await page.getByLabel("Sjabloon").selectOption("renn4-maatwerktraject");
  await page.getByRole("button", { name: "Arrangement aanmaken" }).click();
  await page.getByText("Het arrangement is aangemaakt als concept.").waitFor();
  await assertAccessible(page, "the dossier with a draft arrangement");
  await page
    .getByRole("textbox", { name: "Terugkeerdraaiboek" })
    .fill("Na fase 3 terug.");
  await page.getByRole("button", { name: "Draaiboek opslaan" }).click();
  await until(
    async () =>
      (await api("GET", `/pupils/${pupil.id}/arrangements`)).items[0]
        ?.returnPlan?.steps === "Na fase 3 terug.",
    "the return plan is saved",
  );
  for (const [step, fields] of [
    [
      "1. Analyse: waarom maatwerk",
      [
        [
          "Waarom maatwerk? (analyse)",
          "Thuiszitter; collectieve voorzieningen passen niet.",
        ],
      ],
    ],
    [
      "2. Ouders vanaf het begin betrokken",
      [
        ["Ouders betrokken sinds", inDays(-10)],
        ["Hoe zijn de ouders betrokken?", "Ouders schrijven mee."],
      ],
    ],
    [
      "3. Uitvoerders en beslissers",
      [
        ["Uitvoerder", "leerkracht"],
        ["Beslisser", "consulent"],
      ],
    ],
    [
      "4. Ontwerp van het maatwerktraject",
      [["Het ideale maatwerktraject", "Twee uur per week les thuis."]],
    ],
    [
      "5. Plan op één A4",
      [
        ["Onderwijs: wie levert wat?", "Leerkracht: 2 uur les thuis"],
        ["Ondersteuning: wie levert wat?", "Jeugdhulp: begeleiding"],
        ["Ouders: wat doen zij?", "Moeder: rustige werkplek"],
        ["Plan afgestemd met ouders en jongere op", inDays(-2)],
      ],
    ],
    [
      "7. Vrijstelling en leerplicht overwogen",
      [
        ["Is een vrijstelling nodig?", "no"],
        ["Wordt aan de leerplicht voldaan?", "yes"],
      ],
    ],
    [
      "8. Inschrijving SO en TLV overwogen",
      [["Is inschrijving in het SO nodig?", "no"]],
    ],
    [
      "9. Afspraken over financiën",
      [["Afspraken over financiën", "Inkoop via de gemeente."]],
    ],
    ["10. Extra middelen overwogen", [["Zijn extra middelen nodig?", "no"]]],
  ]) {
    const item = page.locator("details").filter({ hasText: step });
    await item.getByText(`${step} — Nog te doen`).click();
    for (const [label, value] of fields) {
      const field = item.getByLabel(label, { exact: true });
      if (value === "yes" || value === "no") await field.selectOption(value);
      else await field.fill(value);
    }
    await item.getByRole("button", { name: "Stap opslaan" }).click();
    await page.getByText(`Stap opgeslagen: ${step}`).waitFor();
    await item.getByText(`${step} — Gedaan`).waitFor();
  }
  await assertAccessible(page, "the dossier with route 1 done");
  await page.getByRole("button", { name: "Arrangement starten" }).click();
  await page.getByText("Het arrangement is gestart.").waitFor();
  await assertAccessible(page, "the dossier with a running arrangement");
  [arrangement] = (await api("GET", `/pupils/${pupil.id}/arrangements`)).items;
  assert.equal(arrangement.status, "active");
  assert.equal(arrangement.workflow.a4Plan.contributions.length, 3);
  const path = `/arrangements/${arrangement.id}`;
  // The first weekly schedule has no screen of its own; evaluations change it later.
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
    [
      "social_emotional",
      "Voelt zich veilig bij de leerkracht",
      "Stelt elke les een vraag",
      90,
    ],
    ["didactic", "Leest een eenvoudige tekst zelfstandig", "AVI E5", 120],
  ];
  for (const [i, [area, text, measure, days]] of goals.entries()) {
    await editor.getByRole("button", { name: "Doel toevoegen" }).click();
    const goal = editor.getByRole("group", {
      name: `Doel ${i + 1}`,
      exact: true,
    });
    await goal.getByLabel("Gebied").selectOption(area);
    await goal.getByLabel("Doel", { exact: true }).fill(text);
    await goal.getByLabel("Meetbaar").fill(measure);
    await goal.getByLabel("Streefdatum").fill(inDays(days));
    // The second goal's owner is picked from the case team (stored as the member's user id).
    await goal
      .getByLabel("Eigenaar")
      .fill(i === 1 && team.length > 0 ? team[0].displayName : "leerkracht");
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
  // Someone else saves the draft meanwhile: the save is refused (412), their version is shown and
  // what was typed stays; saving again goes on from their version.
  const draft = (await api("GET", `/pupils/${pupil.id}/opp`)).current;
  await api(
    "PATCH",
    `/opps/${draft.id}`,
    { workAttitude: "Van een ander." },
    draft.version,
  );
  await editor.getByRole("button", { name: "Concept opslaan" }).click();
  await editor
    .getByText("Iemand anders heeft het OPP intussen gewijzigd.", {
      exact: false,
    })
    .waitFor();
  await editor
    .getByRole("region", { name: "Huidige versie (door een ander opgeslagen)" })
    .getByText("Van een ander.")
    .waitFor();
  assert.equal(
    await editor.getByLabel("Werkhouding", { exact: true }).inputValue(),
    "Werkt goed een-op-een.",
  );
  await assertAccessible(page, "the OPP editor after a version conflict");
  await editor.getByRole("button", { name: "Concept opslaan" }).click();
  await editor
    .getByRole("status")
    .filter({ hasText: "Het concept is opgeslagen." })
    .waitFor();
  const opp = (await api("GET", `/pupils/${pupil.id}/opp`)).current;
  assert.deepEqual(
    opp.goals.map((g) => [g.area, g.text, g.measure, g.targetDate, g.ownerId]),
    goals.map(([area, text, measure, days], i) => [
      area,
      text,
      measure,
      inDays(days),
      i === 1 && team.length > 0 ? team[0].userId : "leerkracht",
    ]),
  );
  assert.deepEqual(opp.supportNeeds, [need.code]);
  assert.equal(opp.factors.length, 2);
  assert.equal(opp.pupilHearing.heardOn, inDays(-1));
  assert.equal(opp.workAttitude, "Werkt goed een-op-een.");
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
  await page.getByLabel("Namens de zorg").fill("jeugdhulp");
  // The week after the evaluation is in the phase it ends in: fase 0 has no school, fase 1 has.
  const places = () =>
    page
      .getByLabel("Waar")
      .locator("option")
      .allTextContents();
  assert.ok(!(await places()).includes("School"), "fase 0 offers no school");
  await page
    .getByLabel("Besluit van de evaluatie")
    .selectOption("change_phase");
  await page.getByLabel("Nieuwe fase").selectOption("renn4-1");
  assert.ok((await places()).includes("School"), "fase 1 offers the school");
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
  const evaluations = await api(
    "GET",
    `/arrangements/${arrangement.id}/evaluations`,
  );
  const roles = evaluations.items.at(-1).participants.map((p) => p.role);
  for (const role of ["school", "parent", "care"])
    assert.ok(roles.includes(role), `${role} recorded as present: ${roles}`);
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
