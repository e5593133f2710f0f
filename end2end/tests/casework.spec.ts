import { expect, test } from "@playwright/test";
import { PHONE, expectNoAxeViolations, loginAs, waitForHydration } from "./helpers";

// Sofie Nielsen and her caseworker Karin Holm (demo data).
const CITIZEN = "Sofie Nielsen";

test("the caseworker adds an activity, a meeting and a note, and the citizen sees them", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const activity = `Mentor to timer om ugen ${stamp}`;
  const note = `Vi aftalte at Sofie ringer til VUC ${stamp}.`;
  const cw = await (await browser.newContext({ viewport: PHONE })).newPage();
  await loginAs(cw, "Karin Holm", "/sagsbehandler/borgere");
  await cw.getByRole("link", { name: CITIZEN }).click();
  await expect(cw).toHaveURL(/\/sagsbehandler\/borger\/\d+$/);
  await expect(cw.getByRole("heading", { level: 1 })).toHaveText(CITIZEN);
  await expect(cw.getByRole("main")).toContainText("Borgeren kan se i sin log, at du har åbnet planen.");
  await waitForHydration(cw);
  await expectNoAxeViolations(cw, "/sagsbehandler/borger/:id");

  await cw.getByText("Tilføj en indsats").click();
  const addActivity = cw.locator("details", { hasText: "Tilføj en indsats" });
  await addActivity.getByLabel("Social", { exact: true }).check();
  await addActivity.getByLabel("Hvad er indsatsen?").fill(activity);
  await addActivity.getByLabel("Hvem er ansvarlig?").fill("Socialforvaltningen");
  await addActivity.getByLabel("Planlagt").check();
  await addActivity.getByRole("button", { name: "Tilføj indsatsen" }).click();
  await expect(cw).toHaveURL(/svar=gemt#aktiviteter$/);
  const item = cw.getByRole("listitem").filter({ has: cw.getByRole("heading", { name: activity }) });
  await item.getByText("Ret indsatsen").click();
  await expect(item.getByLabel("Hvem er ansvarlig?")).toHaveValue("Socialforvaltningen");
  await item.getByLabel("I gang").check();
  await item.getByRole("button", { name: "Gem ændringen" }).click();
  await expect(cw).toHaveURL(/svar=gemt#aktiviteter$/);
  await expect(cw.getByRole("listitem").filter({ has: cw.getByRole("heading", { name: activity }) })).toContainText("I gang");

  await cw.getByText("Aftal et møde").click();
  const meeting = cw.locator("details", { hasText: "Aftal et møde" });
  await meeting.getByLabel("Dato").fill("2030-03-05");
  await meeting.getByLabel("Klokkeslæt").fill("10:30");
  await meeting.getByLabel("Varighed i minutter").fill("45");
  await meeting.getByLabel("Sted", { exact: true }).fill("Biblioteket på Torvet");
  await meeting.getByLabel("Adresse").fill("Torvet 3");
  await meeting.getByLabel("Ja").check();
  await meeting.getByRole("button", { name: "Gem aftalen" }).click();
  await expect(cw).toHaveURL(/svar=gemt#aftaler$/);

  // A second meeting, then cancelled: it leaves the plan and the history says so.
  await cw.getByText("Aftal et møde").click();
  await meeting.getByLabel("Dato").fill("2030-04-01");
  await meeting.getByLabel("Klokkeslæt").fill("09:00");
  await meeting.getByLabel("Varighed i minutter").fill("30");
  await meeting.getByLabel("Sted", { exact: true }).fill(`Jobcentret ${stamp}`);
  await meeting.getByLabel("Adresse").fill("Havnen 2");
  await meeting.getByLabel("Nej").check();
  await meeting.getByRole("button", { name: "Gem aftalen" }).click();
  const second = cw.getByRole("region", { name: "Kommende møder" }).locator("li.flex", { hasText: `Jobcentret ${stamp}` });
  await second.getByRole("button", { name: "Aflys mødet" }).click();
  await expect(cw).toHaveURL(/svar=gemt#aftaler$/);
  await expect(cw.getByRole("region", { name: "Kommende møder" })).not.toContainText(`Jobcentret ${stamp}`);
  await expect(cw.getByRole("region", { name: "Planens historik" })).toContainText(`Møde aflyst: Jobcentret ${stamp}`);

  await cw.getByText("Skriv en note fra mødet").click();
  const notes = cw.locator("details", { hasText: "Skriv en note fra mødet" });
  await notes.getByRole("button", { name: "Gem noten" }).click();
  await expect(notes.getByRole("alert")).toContainText("Skriv noget her.");
  await notes.getByLabel(/^Noten/).fill(note);
  await notes.getByRole("button", { name: "Gem noten" }).click();
  await expect(cw).toHaveURL(/svar=gemt#noter$/);

  const citizen = await (await browser.newContext({ viewport: PHONE })).newPage();
  await loginAs(citizen, CITIZEN, "/min-plan");
  const activities = citizen.getByRole("region", { name: "Det sker nu" });
  await expect(activities.getByRole("listitem").filter({ hasText: activity })).toContainText("I gang");
  await expect(citizen.getByRole("region", { name: "Dine næste aftaler" })).toContainText("tirsdag 5. marts 2030 kl. 10.30");
  await expect(citizen.getByRole("region", { name: "Noter fra møder" })).toContainText(note);
  const history = citizen.getByRole("region", { name: "Det er ændret" });
  await expect(history).toContainText(`Indsats ændret: ${activity}`);
  await expect(history).toContainText("Karin Holm");
  await citizen.goto("/hvem-har-set");
  await expect(citizen.getByRole("main").getByRole("listitem").first()).toContainText("Arbejde med din plan");
});

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false });

  test("a refused meeting keeps what was typed and says what to fix", async ({ page }) => {
    await loginAs(page, "Karin Holm", "/sagsbehandler/borgere");
    await page.getByRole("link", { name: CITIZEN }).click();
    await page.getByText("Aftal et møde").click();
    const meeting = page.locator("details", { hasText: "Aftal et møde" });
    await meeting.getByLabel("Sted", { exact: true }).fill("Caféen");
    await meeting.getByRole("button", { name: "Gem aftalen" }).click();
    await expect(page).toHaveURL(/\/sagsbehandler\/borger\/\d+$/);
    const reopened = page.locator("details[open]", { hasText: "Aftal et møde" });
    await expect(reopened.getByRole("alert")).toContainText("Skriv datoen");
    await expect(reopened.getByLabel("Sted", { exact: true })).toHaveValue("Caféen");
    await expect(reopened.getByLabel("Dato")).toHaveAttribute("aria-invalid", "true");
  });
});
