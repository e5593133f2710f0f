import { expect, test } from "@playwright/test";
import { PHONE, expectNoAxeViolations, loginAs, waitForHydration } from "./helpers";

// Mette Hansen's demo budget: 50.000 kr. granted, one request of 1.500 kr. waiting.
test("the citizen sees granted, spent, reserved and what is left, and every movement", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await loginAs(page, "Mette Hansen", "/budget");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Budget");
  const figures = page.locator("dl").first();
  await expect(figures).toContainText("Bevilget");
  await expect(figures).toContainText("50.000,00 kr.");
  await expect(figures).toContainText("Reserveret – venter på svar");
  await expect(figures).toContainText("1.500,00 kr.");
  await expect(figures).toContainText("48.500,00 kr.");
  const ledger = page.getByRole("region", { name: "Alle bevægelser" });
  await expect(ledger.getByRole("listitem")).toHaveCount(2);
  await expect(ledger.getByRole("listitem").first()).toContainText("Reserveret: 1.500,00 kr.");
  await expect(ledger).toContainText("Brugt cykel til at komme til praktik");
  await expect(page.locator("svg[aria-hidden=true] rect")).toHaveCount(3);
  const request = page.getByRole("region", { name: "Dine ønsker om penge" }).getByRole("listitem");
  await expect(request).toHaveCount(1);
  await expect(request).toContainText("Venter på svar");
  await expect(request.getByRole("button", { name: "Træk ønsket tilbage" })).toBeVisible();
  await waitForHydration(page);
  await expectNoAxeViolations(page, "/budget with a budget");
});

test("a citizen without a budget is told what it is and whom to ask", async ({ page }) => {
  await loginAs(page, "Ahmed Yilmaz", "/budget");
  await expect(page.getByRole("heading", { level: 2 })).toHaveText("Du har ikke et personligt budget");
  await expect(page.getByRole("main").getByRole("link", { name: "Min sagsbehandler" })).toBeVisible();
});

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false });
  test("the budget is complete without JavaScript", async ({ page }) => {
    await loginAs(page, "Mette Hansen", "/budget");
    await expect(page.locator("dl").first()).toContainText("48.500,00 kr.");
  });
});
