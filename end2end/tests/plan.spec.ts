import { expect, Page, test } from "@playwright/test";
import { PHONE, expectNoAxeViolations, waitForHydration } from "./helpers";

async function loginAsMette(page: Page) {
  await page.goto("/auth/login?next=/min-plan");
  await page.getByRole("button", { name: "Mette Hansen", exact: true }).click();
  await expect(page).toHaveURL(/\/min-plan$/);
}

test("Min plan shows the citizen's goals, activities, next appointment and history", async ({ page }) => {
  await loginAsMette(page);
  const goals = page.getByRole("region", { name: "Dine mål" });
  await expect(goals.getByRole("heading", { level: 3, name: "Komme i praktik i en børnehave" })).toBeVisible();
  await expect(goals).toContainText("Aftalt");
  await expect(goals.getByRole("heading", { level: 3, name: "Få styr på min økonomi" })).toBeVisible();
  await expect(goals).toContainText("Foreslået – venter på svar");

  const activities = page.getByRole("region", { name: "Det sker nu" });
  await expect(activities.getByRole("listitem")).toHaveCount(2);
  await expect(activities).toContainText("Ansvarlig:");

  const appointments = page.getByRole("region", { name: "Dine næste aftaler" });
  await expect(appointments.getByRole("listitem")).toHaveCount(1);
  await expect(appointments).toContainText("Vi mødes uden for kontoret");
  await expect(appointments).toContainText(/kl\. \d\d\.\d\d/);

  const history = page.getByRole("region", { name: "Det er ændret" });
  await expect(history).toContainText("Mål tilføjet: Komme i praktik i en børnehave");
  await expect(history).toContainText("· dig");
  await expect(history).toContainText("Planen blev oprettet");
});

test("Min plan is in English when English is chosen", async ({ page, context }) => {
  await context.addCookies([{ name: "lang", value: "en", domain: "localhost", path: "/" }]);
  await loginAsMette(page);
  await expect(page.getByRole("region", { name: "Your goals" })).toContainText("Agreed");
  await expect(page.getByRole("region", { name: "Your next appointments" })).toContainText(/at \d\d:\d\d/);
  await expect(page.getByRole("region", { name: "What has changed" })).toContainText("· you");
});

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false, viewport: PHONE });

  test("Min plan is complete without JavaScript", async ({ page }) => {
    await loginAsMette(page);
    await expect(page.getByRole("region", { name: "Dine mål" }).getByRole("listitem")).toHaveCount(3);
    await expect(page.getByRole("region", { name: "Det er ændret" })).toContainText("Planen blev oprettet");
  });
});

test("axe finds no WCAG 2.1 A/AA violation on a full plan (phone)", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await loginAsMette(page);
  await waitForHydration(page);
  await expectNoAxeViolations(page, "/min-plan with a plan");
});

test("Min sagsbehandler shows one named caseworker, where to meet them and the stand-in", async ({ page }) => {
  await loginAsMette(page);
  await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Min sagsbehandler" }).click();
  await expect(page).toHaveURL(/\/min-sagsbehandler$/);
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { level: 2 }).first()).toHaveText(/\S+ \S+/);
  await expect(main.getByRole("link", { name: /^\+45/ }).first()).toHaveAttribute("href", /^tel:\+45/);
  await expect(main).toContainText("Her kan du møde mig uden for kontoret");
  await expect(main).toContainText(/kl\. \d\d\.\d\d–\d\d\.\d\d/);
  await expect(main.getByRole("heading", { level: 2, name: "Når din sagsbehandler er væk" })).toBeVisible();
  await expect(main).toContainText("det seneste år");
  await waitForHydration(page);
  await expectNoAxeViolations(page, "/min-sagsbehandler");
});

test("the citizen sees who has opened their information, by name, when and why", async ({ page }) => {
  await loginAsMette(page);
  await page.getByRole("link", { name: "Se hvem der har set dine oplysninger" }).click();
  await expect(page).toHaveURL(/\/hvem-har-set$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hvem har set mine oplysninger");
  // Other tests' staff pages (inboxes, caseload lists) that showed Mette are
  // logged too, newest first: look for the demo entries page by page.
  const entries = page.getByRole("main").getByRole("listitem");
  const onSomePage = async (text: string) => {
    await page.goto("/hvem-har-set");
    for (let older = 0; older < 10 && (await entries.filter({ hasText: text }).count()) === 0; older++) {
      await page.getByRole("link", { name: "Vis ældre" }).click();
    }
    return entries.filter({ hasText: text });
  };
  const meeting = await onSomePage("Forberedelse af møde om din plan");
  await expect(meeting).toHaveCount(1);
  await expect(meeting).toContainText("din sagsbehandler");
  await expect(meeting).toContainText("Karin Holm");
  await expect(await onSomePage("Aftale om møde i caféen")).toHaveCount(1);
  await waitForHydration(page);
  await expectNoAxeViolations(page, "/hvem-har-set");
});
