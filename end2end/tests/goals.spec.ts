import { expect, Page, test } from "@playwright/test";
import { expectNoAxeViolations, signedIn, waitForHydration } from "./helpers";

// Ahmed Yilmaz and his caseworker Karin Holm (demo data). Mette is left alone
// for plan.spec.ts. Every test proposes its own goal with a unique title.
const CITIZEN = "Ahmed Yilmaz";
const CASEWORKER = "Karin Holm";

function unique(title: string): string {
  return `${title} ${Date.now().toString(36)}`;
}

/** On a phone the menu is folded: open it. */
async function openMenu(page: Page) {
  await page.getByRole("navigation", { name: "Hovedmenu" }).locator("summary").click();
}

/** The citizen proposes `title` from their plan; returns the goal's card. */
async function propose(page: Page, title: string, why = "") {
  await page.goto("/min-plan");
  await page.getByRole("link", { name: "Foreslå et mål" }).click();
  await expect(page).toHaveURL(/\/min-plan\/nyt-maal$/);
  await page.getByLabel("Dit mål").fill(title);
  if (why) await page.getByLabel("Hvorfor er målet vigtigt for dig? (kan udelades)").fill(why);
  await page.getByRole("button", { name: "Send forslaget" }).click();
  await expect(page).toHaveURL(/\/min-plan\?svar=sendt#maal-\d+$/);
  await expect(page.getByRole("status")).toContainText("Dit forslag er sendt");
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title }) });
  await expect(card).toContainText("Foreslået – venter på svar");
  return card;
}

/** The caseworker opens `title` from the inbox. */
async function openFromInbox(page: Page, title: string) {
  await page.goto("/sagsbehandler");
  const item = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title }) });
  await expect(item).toContainText(CITIZEN);
  await expect(item).toContainText("Har ventet: under en time");
  await item.getByRole("link", { name: "Åbn og svar" }).click();
  await expect(page).toHaveURL(/\/sagsbehandler\/maal\/\d+$/);
  await expect(page.getByRole("heading", { level: 2, name: title })).toBeVisible();
}

test("a proposal is declined with a reason and the citizen sees the decision and how to complain", async ({ browser }) => {
  const title = unique("Tage et truckcertifikat");
  const citizen = await signedIn(browser, CITIZEN, "/min-plan");
  await waitForHydration(citizen);
  await propose(citizen, title, "Så kan jeg søge lagerjob");

  const caseworker = await signedIn(browser, CASEWORKER, "/sagsbehandler");
  await expect(caseworker.getByRole("heading", { level: 1 })).toHaveText("Indbakke");
  await openFromInbox(caseworker, title);
  await expect(caseworker.getByText("Så kan jeg søge lagerjob")).toBeVisible();
  await expect(caseworker.locator("form[data-ready=true]")).toHaveCount(1);
  // Checked in the browser before anything is sent: a decline needs a reason.
  await caseworker.getByLabel("Afslå forslaget").check();
  await caseworker.getByRole("button", { name: "Send svaret" }).click();
  await expect(caseworker.getByRole("alert")).toContainText("Skriv en begrundelse");
  await expect(caseworker).toHaveURL(/\/sagsbehandler\/maal\/\d+$/);
  await caseworker.getByLabel(/^Begrundelse/).fill("Vi tager praktikken først. Vi taler om certifikatet igen til marts.");
  await caseworker.getByRole("button", { name: "Send svaret" }).click();
  await expect(caseworker).toHaveURL(/\/sagsbehandler\?svar=besvaret$/);
  await expect(caseworker.getByRole("heading", { name: title })).toHaveCount(0);

  await citizen.goto("/min-plan");
  await openMenu(citizen);
  const nav = citizen.getByRole("navigation", { name: "Hovedmenu" });
  await expect(nav.getByRole("link", { name: /Beskeder \(\d+ nye\)/ })).toBeVisible();
  await nav.getByRole("link", { name: /Beskeder/ }).click();
  await expect(citizen.getByRole("main")).toContainText("Din sagsbehandler har svaret på dit forslag til et mål.");
  await expect(citizen.getByRole("main")).not.toContainText(title);
  await citizen.getByRole("link", { name: "Se det" }).first().click();
  const card = citizen.getByRole("listitem").filter({ has: citizen.getByRole("heading", { name: title }) });
  await expect(card).toContainText("Forslaget er afslået");
  await expect(card).toContainText("Vi tager praktikken først.");
  await expect(card).toContainText(`Svaret af ${CASEWORKER}`);
  await expect(card).toContainText("Sådan klager du");
  await expect(card).toContainText("inden 4 uger");
  await expect(card).toContainText("Ankestyrelsen");
  await expect(card.getByRole("button", { name: "Træk forslaget tilbage" })).toHaveCount(0);
  await waitForHydration(citizen);
  await expectNoAxeViolations(citizen, "/min-plan with a decision");
});

test("the caseworker suggests another wording and the citizen accepts it", async ({ browser }) => {
  const title = unique("Arbejde");
  const better = unique("Arbejde 15 timer om ugen i et supermarked");
  const citizen = await signedIn(browser, CITIZEN, "/min-plan");
  await propose(citizen, title);

  const caseworker = await signedIn(browser, CASEWORKER, "/sagsbehandler");
  await openFromInbox(caseworker, title);
  await caseworker.getByLabel("Foreslå en anden formulering").check();
  await caseworker.getByLabel(/^Din formulering/).fill(better);
  await caseworker.getByLabel(/^Begrundelse/).fill("Så kan vi se, når målet er nået.");
  await caseworker.getByRole("button", { name: "Send svaret" }).click();
  await expect(caseworker).toHaveURL(/\/sagsbehandler\?svar=besvaret$/);

  await citizen.goto("/min-plan");
  const card = citizen.getByRole("listitem").filter({ has: citizen.getByRole("heading", { name: title }) });
  await expect(card).toContainText("Din sagsbehandler foreslår at skrive målet sådan:");
  await expect(card).toContainText(better);
  await expect(card).toContainText("Så kan vi se, når målet er nået.");
  await card.getByRole("button", { name: "Brug den nye formulering" }).click();
  await expect(citizen).toHaveURL(/svar=accepteret#maal-\d+$/);
  const accepted = citizen.getByRole("listitem").filter({ has: citizen.getByRole("heading", { name: better }) });
  await expect(accepted).toContainText("Aftalt");
  await expect(citizen.getByRole("region", { name: "Det er ændret" })).toContainText(`Ny formulering taget i brug: ${better}`);
});

test("a decline is corrected by a new decision and the citizen sees both", async ({ browser }) => {
  const title = unique("Tage på højskole");
  const citizen = await signedIn(browser, CITIZEN, "/min-plan");
  await propose(citizen, title);
  const caseworker = await signedIn(browser, CASEWORKER, "/sagsbehandler");
  await openFromInbox(caseworker, title);
  const review = caseworker.url();
  await caseworker.getByLabel("Afslå forslaget").check();
  await caseworker.getByLabel(/^Begrundelse/).fill("Der er ikke plads i år.");
  await caseworker.getByRole("button", { name: "Send svaret" }).click();
  await expect(caseworker).toHaveURL(/svar=besvaret$/);

  await caseworker.goto(review);
  await expect(caseworker.getByRole("heading", { name: "Ret afgørelsen" })).toBeVisible();
  await caseworker.getByLabel("Godkend målet alligevel").check();
  await caseworker.getByRole("button", { name: "Send rettelsen" }).click();
  await expect(caseworker).toHaveURL(/svar=besvaret$/);

  await citizen.goto("/min-plan");
  const card = citizen.getByRole("listitem").filter({ has: citizen.getByRole("heading", { name: title }) });
  await expect(card).toContainText("Aftalt");
  await expect(card).toContainText("Målet er godkendt");
  await expect(card).toContainText("Retter afgørelsen fra");
  await expect(card).toContainText("Der er ikke plads i år.");
});

test.describe("with JavaScript disabled", () => {
  test("the whole proposal flow works, and refused input keeps what was typed", async ({ browser }) => {
    const title = unique("Lære at cykle");
    const citizen = await signedIn(browser, CITIZEN, "/min-plan", false);
    await citizen.goto("/min-plan/nyt-maal");
    // Refused on the server: the message is next to the field, the rest is kept.
    await citizen.getByLabel("Hvorfor er målet vigtigt for dig? (kan udelades)").fill("Så jeg kan komme til praktik");
    await citizen.getByRole("button", { name: "Send forslaget" }).click();
    await expect(citizen).toHaveURL(/\/min-plan\/nyt-maal$/);
    await expect(citizen.getByRole("alert")).toContainText("Skriv noget her.");
    await expect(citizen.getByLabel("Dit mål")).toHaveAttribute("aria-invalid", "true");
    await expect(citizen.getByLabel("Hvorfor er målet vigtigt for dig? (kan udelades)")).toHaveValue("Så jeg kan komme til praktik");
    await citizen.getByLabel("Dit mål").fill(title);
    await citizen.getByRole("button", { name: "Send forslaget" }).click();
    await expect(citizen).toHaveURL(/\/min-plan\?svar=sendt#maal-\d+$/);

    const caseworker = await signedIn(browser, CASEWORKER, "/sagsbehandler", false);
    await openFromInbox(caseworker, title);
    await caseworker.getByLabel("Afslå forslaget").check();
    await caseworker.getByRole("button", { name: "Send svaret" }).click();
    await expect(caseworker).toHaveURL(/\/sagsbehandler\/maal\/\d+$/);
    await expect(caseworker.getByRole("alert")).toContainText("Skriv en begrundelse");
    await expect(caseworker.getByLabel("Afslå forslaget")).toBeChecked();
    await caseworker.getByLabel(/^Begrundelse/).fill("Cykelkurset er fuldt i år.");
    await caseworker.getByRole("button", { name: "Send svaret" }).click();
    await expect(caseworker).toHaveURL(/\/sagsbehandler\?svar=besvaret$/);

    await citizen.goto("/min-plan");
    const card = citizen.getByRole("listitem").filter({ has: citizen.getByRole("heading", { name: title }) });
    await expect(card).toContainText("Forslaget er afslået");
    await expect(card).toContainText("Cykelkurset er fuldt i år.");
    await expect(card).toContainText("Ankestyrelsen");
  });

  test("a citizen withdraws a waiting proposal", async ({ browser }) => {
    const title = unique("Gå til tandlæge");
    const citizen = await signedIn(browser, CITIZEN, "/min-plan", false);
    const card = await propose(citizen, title);
    await card.getByRole("button", { name: "Træk forslaget tilbage" }).click();
    await expect(citizen).toHaveURL(/svar=trukket#maal-\d+$/);
    const after = citizen.getByRole("listitem").filter({ has: citizen.getByRole("heading", { name: title }) });
    await expect(after).toContainText("Trukket tilbage");
  });
});

test("the caseload shows each citizen with their plan and what waits", async ({ browser }) => {
  const caseworker = await signedIn(browser, CASEWORKER, "/sagsbehandler");
  await openMenu(caseworker);
  await caseworker.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Mine borgere" }).click();
  await expect(caseworker).toHaveURL(/\/sagsbehandler\/borgere$/);
  await expect(caseworker.getByRole("main")).toContainText(/Du er sagsbehandler eller stedfortræder for \d+ borgere/);
  const mette = caseworker.getByRole("listitem").filter({ has: caseworker.getByRole("heading", { name: "Mette Hansen" }) });
  await expect(mette).toContainText("Godkendte mål");
  await expect(mette).toContainText("Venter på dig");
  await waitForHydration(caseworker);
  await expectNoAxeViolations(caseworker, "/sagsbehandler/borgere");
  await caseworker.goto("/sagsbehandler");
  await waitForHydration(caseworker);
  await expectNoAxeViolations(caseworker, "/sagsbehandler with items");
});

test("a citizen is told plainly that the inbox is for caseworkers", async ({ browser }) => {
  const citizen = await signedIn(browser, CITIZEN, "/min-plan");
  const res = await citizen.goto("/sagsbehandler");
  expect(res?.status()).toBe(403);
  await expect(citizen.getByRole("main")).toContainText("Denne side er for sagsbehandlere.");
  await expect(citizen.getByRole("main")).not.toContainText("Mette");
});

test("axe finds no violation on the proposal form with errors and on the answer page", async ({ browser }) => {
  const citizen = await signedIn(browser, CITIZEN, "/min-plan");
  await citizen.goto("/min-plan/nyt-maal");
  await waitForHydration(citizen);
  await expect(citizen.locator("form[data-ready=true]")).toHaveCount(1);
  await citizen.getByRole("button", { name: "Send forslaget" }).click();
  await expect(citizen.getByRole("alert")).toContainText("Skriv noget her.");
  await expectNoAxeViolations(citizen, "/min-plan/nyt-maal with an error");
  const title = unique("Finde en fritidsaktivitet");
  await propose(citizen, title);
  const caseworker = await signedIn(browser, CASEWORKER, "/sagsbehandler");
  await openFromInbox(caseworker, title);
  await waitForHydration(caseworker);
  await expectNoAxeViolations(caseworker, "/sagsbehandler/maal/:id");
});
