import { expect, test } from "@playwright/test";
import { PHONE, loginAs } from "./helpers";

// The main citizen flows with JavaScript off, on a phone, one after the
// other as one person would: every page is complete on arrival and every
// form is a plain form post. Demo data: Sofie Nielsen has a plan and a
// budget of 20.000 kr.

test.use({ javaScriptEnabled: false, viewport: PHONE });

test("a citizen without JavaScript logs in, proposes a goal, asks for money, signs up for a meetup and logs out", async ({ page }) => {
  test.setTimeout(60_000);
  const stamp = Date.now().toString(36);
  await loginAs(page, "Sofie Nielsen", "/min-plan");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Min plan");
  await expect(page.getByRole("heading", { name: "Starte på HF igen" })).toBeVisible();

  // A goal in her own words.
  await page.goto("/min-plan/nyt-maal");
  await page.getByLabel("Dit mål").fill(`Lære at cykle ${stamp}`);
  await page.getByRole("button", { name: "Send forslaget" }).click();
  await expect(page).toHaveURL(/\/min-plan\?svar=sendt/);
  await expect(page.getByRole("heading", { name: `Lære at cykle ${stamp}` })).toBeVisible();

  // Money from her budget.
  await page.goto("/budget");
  await page.getByRole("link", { name: "Bed om penge" }).click();
  await page.getByLabel("Beløb i kroner").fill("350");
  await page.getByLabel("Hvad skal pengene bruges til?").fill(`Cykelhjelm ${stamp}`);
  await page.getByRole("button", { name: "Send ønsket" }).click();
  await expect(page).toHaveURL(/\/budget\?svar=anmodet#anmodning-\d+$/);
  await expect(page.getByRole("status")).toContainText("Dit ønske er sendt");
  await expect(page.getByRole("heading", { name: `Cykelhjelm ${stamp}` })).toBeVisible();

  // A name for the network, a meetup, and a cancellation.
  await page.goto("/netvaerk/mine");
  await page.getByLabel("Fornavn eller kaldenavn").fill("010101-0101");
  await page.getByRole("button", { name: "Gem navnet" }).click();
  await expect(page.getByText("ikke et CPR- eller telefonnummer").first()).toBeVisible();
  await expect(page.getByLabel("Fornavn eller kaldenavn")).toHaveValue("010101-0101");
  await page.getByLabel("Fornavn eller kaldenavn").fill("Sofie");
  await page.getByRole("button", { name: "Gem navnet" }).click();
  await expect(page.getByText("Du bliver vist som: Sofie")).toBeVisible();
  await page.goto("/netvaerk?emne=Motion");
  await page.getByRole("region", { name: "Kommende møder" }).getByRole("link", { name: "Gåtur ved stranden" }).last().click();
  const signUp = page.getByRole("region", { name: "Vil du med?" });
  await signUp.getByRole("button", { name: /^Skriv mig på/ }).click();
  await expect(page).toHaveURL(/svar=(tilmeldt|venteliste)$/);
  await page.goto("/netvaerk/mine");
  await expect(page.getByRole("region", { name: "Møder du er skrevet på" }).getByRole("listitem")).toHaveCount(1);
  await page.getByRole("region", { name: "Møder du er skrevet på" }).getByRole("link", { name: "Gåtur ved stranden" }).click();
  await signUp.getByRole("button", { name: "Meld afbud" }).click();
  await expect(page).toHaveURL(/svar=afmeldt$/);

  await page.getByRole("button", { name: "Log ud" }).click();
  await page.goto("/min-plan");
  await expect(page.getByRole("main")).toContainText("Du skal logge ind for at se dette.");
});
