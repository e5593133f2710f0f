import { expect, Page, test } from "@playwright/test";
import { expectNoAxeViolations, signedIn, waitForHydration } from "./helpers";

// Asking for money and answering. Demo data: Camilla Jensen (caseworker
// Jonas Lund) has 50.000 kr. with 2.000 kr. waiting; Line Larsen (caseworker
// Amira Haddad) 50.000 kr. with 2.500 kr. waiting; Ahmed Yilmaz (caseworker
// Karin Holm) has none. Mette (budget.spec.ts) is left alone.

function unique(text: string): string {
  return `${text} ${Date.now().toString(36)}`;
}

function requestCard(page: Page, purpose: string) {
  return page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: purpose }) });
}

/** The citizen fills in the request form (already open). */
async function fillRequest(page: Page, amount: string, purpose: string) {
  await page.getByLabel("Beløb i kroner").fill(amount);
  await page.getByLabel("Hvad skal pengene bruges til?").fill(purpose);
}

test("a request is approved with a lower amount and the citizen sees the decision and the new balance", async ({ browser }) => {
  const purpose = unique("Busskort til praktikken");
  const citizen = await signedIn(browser, "Camilla Jensen", "/budget");
  await expect(citizen.locator("dl").first()).toContainText("48.000,00 kr.");
  await citizen.getByRole("link", { name: "Bed om penge" }).click();
  await expect(citizen).toHaveURL(/\/budget\/ansoeg$/);
  await expect(citizen.getByText("Du har 48.000,00 kr. tilbage.")).toBeVisible();
  await waitForHydration(citizen);
  await expect(citizen.locator("form[data-ready=true]")).toHaveCount(1);
  // Checked in the browser before anything is sent.
  await fillRequest(citizen, "12,345", purpose);
  await citizen.getByRole("button", { name: "Send ønsket" }).click();
  await expect(citizen.getByRole("alert")).toContainText("Der kan højst være to cifre efter kommaet");
  await expect(citizen).toHaveURL(/\/budget\/ansoeg$/);
  await expectNoAxeViolations(citizen, "/budget/ansoeg with an error");
  // More than is left: refused by the server, with what is left, and the text kept.
  await fillRequest(citizen, "60.000", purpose);
  await citizen.getByRole("button", { name: "Send ønsket" }).click();
  await expect(citizen.getByRole("alert")).toContainText("Du har 48.000,00 kr. tilbage. Skriv et beløb, der ikke er større.");
  await expect(citizen.getByLabel("Hvad skal pengene bruges til?")).toHaveValue(purpose);
  await fillRequest(citizen, "1.234,50", purpose);
  await citizen.getByRole("button", { name: "Send ønsket" }).click();
  await expect(citizen).toHaveURL(/\/budget\?svar=anmodet#anmodning-\d+$/);
  await expect(citizen.getByRole("status")).toContainText("Dit ønske er sendt");
  await expect(requestCard(citizen, purpose)).toContainText("Venter på svar");
  await expect(citizen.locator("dl").first()).toContainText("46.765,50 kr.");

  const caseworker = await signedIn(browser, "Jonas Lund", "/sagsbehandler?type=budget");
  const item = caseworker.getByRole("listitem").filter({ hasText: purpose });
  await expect(item).toContainText("Ønske om penge · Camilla Jensen");
  await expect(item).toContainText("1.234,50 kr.");
  await item.getByRole("link", { name: "Åbn og svar" }).click();
  await expect(caseworker).toHaveURL(/\/sagsbehandler\/udgift\/\d+$/);
  await expect(caseworker.getByRole("heading", { level: 2, name: purpose })).toBeVisible();
  await waitForHydration(caseworker);
  await caseworker.getByLabel("Godkend et lavere beløb").check();
  await caseworker.getByLabel(/^Lavere beløb i kroner/).fill("1.234,50");
  await caseworker.getByLabel(/^Begrundelse/).fill("Et månedskort koster 1.000 kr.");
  await caseworker.getByRole("button", { name: "Send svaret" }).click();
  await expect(caseworker.getByRole("alert")).toContainText("Skriv et beløb under 1.234,50 kr.");
  await expect(caseworker.getByLabel(/^Begrundelse/)).toHaveValue("Et månedskort koster 1.000 kr.");
  await expectNoAxeViolations(caseworker, "the answer page with an error");
  await caseworker.getByLabel(/^Lavere beløb i kroner/).fill("1.000");
  await caseworker.getByRole("button", { name: "Send svaret" }).click();
  await expect(caseworker).toHaveURL(/\/sagsbehandler\?svar=besvaret$/);
  await expect(caseworker.getByRole("main")).not.toContainText(purpose);

  await citizen.goto("/beskeder");
  await expect(citizen.getByRole("main")).toContainText("Din sagsbehandler har svaret på dit ønske om penge.");
  await expect(citizen.getByRole("main")).not.toContainText(purpose);
  await citizen.getByRole("link", { name: "Se det" }).first().click();
  await expect(citizen).toHaveURL(/\/budget#anmodning-\d+$/);
  const card = requestCard(citizen, purpose);
  await expect(card).toContainText("Godkendt");
  await expect(card).toContainText("1.000,00 kr.");
  await expect(card).toContainText("Godkendt med et lavere beløb");
  await expect(card).toContainText("Et månedskort koster 1.000 kr.");
  await expect(card).toContainText("Svaret af Jonas Lund");
  await expect(card).toContainText("Ankestyrelsen");
  const figures = citizen.locator("dl").first();
  await expect(figures).toContainText("1.000,00 kr."); // spent
  await expect(figures).toContainText("47.000,00 kr."); // left: 50.000 − 1.000 − 2.000 waiting
  await expect(citizen.getByRole("region", { name: "Alle bevægelser" })).toContainText("Frigivet: 234,50 kr.");
  await waitForHydration(citizen);
  await expectNoAxeViolations(citizen, "/budget with a decided request");
});

test("a double click on send makes one request", async ({ browser }) => {
  const purpose = unique("Vinterstøvler");
  const citizen = await signedIn(browser, "Line Larsen", "/budget/ansoeg");
  await waitForHydration(citizen);
  await fillRequest(citizen, "450", purpose);
  await citizen.getByRole("button", { name: "Send ønsket" }).dblclick();
  await expect(citizen).toHaveURL(/\/budget\?svar=anmodet#anmodning-\d+$/);
  await expect(requestCard(citizen, purpose)).toHaveCount(1);
  await expect(citizen.getByRole("region", { name: "Alle bevægelser" }).getByText(purpose)).toHaveCount(1);
});

test.describe("with JavaScript disabled", () => {
  test("the citizen asks, is corrected, resends the same form once, and withdraws", async ({ browser }) => {
    const purpose = unique("Cykelhjelm");
    const citizen = await signedIn(browser, "Line Larsen", "/budget/ansoeg", false);
    // Bad input comes back from the server with the message by the field and what was typed.
    await fillRequest(citizen, "1.2.3", purpose);
    await citizen.getByRole("button", { name: "Send ønsket" }).click();
    await expect(citizen).toHaveURL(/\/budget\/ansoeg$/);
    await expect(citizen.locator("#spending-amount-fejl")).toContainText("Brug komma før ører og punktum mellem tusinder");
    await expect(citizen.getByLabel("Hvad skal pengene bruges til?")).toHaveValue(purpose);
    await expect(citizen.getByLabel("Beløb i kroner")).toHaveValue("1.2.3");

    await citizen.getByLabel("Beløb i kroner").fill("299,95");
    const key = await citizen.locator("input[name=key]").inputValue();
    await citizen.getByRole("button", { name: "Send ønsket" }).click();
    await expect(citizen).toHaveURL(/\/budget\?svar=anmodet#anmodning-\d+$/);
    // The same form sent again (a retry after a timeout): still one request.
    const again = await citizen.request.post("/api/request_spending", {
      form: { amount: "299,95", purpose, goal: "ingen", key },
      headers: { accept: "text/html" },
      maxRedirects: 0,
    });
    expect(again.status()).toBe(303);
    await citizen.goto("/budget");
    const card = requestCard(citizen, purpose);
    await expect(card).toHaveCount(1);
    await expect(card).toContainText("299,95 kr.");

    await card.getByRole("button", { name: "Træk ønsket tilbage" }).click();
    await expect(citizen).toHaveURL(/svar=annulleret#anmodning-\d+$/);
    await expect(citizen.getByRole("status")).toContainText("Beløbet er frigivet igen");
    await expect(requestCard(citizen, purpose)).toContainText("Trukket tilbage");
    await expect(citizen.getByRole("region", { name: "Alle bevægelser" })).toContainText("Frigivet: 299,95 kr.");
  });
});

test("the caseworker grants a budget within the cap and the citizen can ask from it", async ({ browser }) => {
  const caseworker = await signedIn(browser, "Karin Holm", "/sagsbehandler/borgere");
  await caseworker.getByRole("link", { name: "Ahmed Yilmaz" }).click();
  await caseworker.getByRole("link", { name: "Se og ændre borgerens personlige budget" }).click();
  await expect(caseworker).toHaveURL(/\/sagsbehandler\/borger\/\d+\/budget$/);
  await expect(caseworker.getByText("Borgeren har ikke et personligt budget.")).toBeVisible();
  const grant = caseworker.getByRole("region", { name: "Bevilg et personligt budget" });
  await expect(grant).toContainText("Højst 50.000,00 kr. i alt.");
  await grant.getByLabel("Beløb i kroner").fill("60.000");
  await grant.getByRole("button", { name: "Bevilg budgettet" }).click();
  await expect(caseworker.getByRole("alert")).toContainText("Et personligt budget kan højst være 50.000,00 kr. i alt.");
  await caseworker.getByLabel("Beløb i kroner").fill("10.000");
  await caseworker.getByLabel("Note til borgeren (frivillig)").fill("Til kørekortet");
  await caseworker.getByRole("button", { name: "Bevilg budgettet" }).click();
  await expect(caseworker).toHaveURL(/\/budget\?svar=gemt$/);
  await expect(caseworker.locator("dl").first()).toContainText("10.000,00 kr.");
  await expect(caseworker.getByRole("region", { name: "Giv et tillæg" })).toBeVisible();
  await waitForHydration(caseworker);
  await expectNoAxeViolations(caseworker, "the caseworker's budget page");

  const citizen = await signedIn(browser, "Ahmed Yilmaz", "/budget");
  await expect(citizen.locator("dl").first()).toContainText("10.000,00 kr.");
  await expect(citizen.getByText("Til kørekortet")).toBeVisible();
  await citizen.getByRole("link", { name: "Bed om penge" }).click();
  // His accepted goal can be chosen.
  await expect(citizen.getByLabel("Tage kørekort, så jeg kan tage arbejde uden for byen")).toBeVisible();
  await expect(citizen.getByLabel("Nej, ikke til et bestemt mål")).toBeChecked();

  // Ending takes back what is unused; the citizen can no longer ask.
  await caseworker.getByRole("button", { name: "Afslut budgettet nu" }).click();
  await expect(caseworker).toHaveURL(/svar=afsluttet$/);
  await citizen.goto("/budget");
  await expect(citizen.getByText(/Budgettet sluttede/)).toBeVisible();
  await expect(citizen.getByRole("link", { name: "Bed om penge" })).toHaveCount(0);
});
