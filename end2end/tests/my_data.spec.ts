import { expect, test } from "@playwright/test";
import { DESKTOP, PHONE, expectNoAxeViolations, loginAs, waitForHydration } from "./helpers";

// Mette Hansen (demo data) sees what is recorded about her, downloads and
// prints it, and sees who opened her plan; anyone reads the privacy notice.
for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled, viewport: PHONE });

    test("a citizen sees what is recorded about her in words and downloads it as JSON", async ({ page }) => {
      await loginAs(page, "Mette Hansen", "/min-plan");
      await page.getByRole("link", { name: "Se alt, hvad kommunen har registreret om dig" }).click();
      await expect(page).toHaveURL(/\/mine-oplysninger$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Alt hvad kommunen har registreret om dig");
      const goals = page.locator("details", { hasText: "Dine mål" });
      await goals.locator("summary").click();
      await expect(goals).toContainText("Komme i praktik i en børnehave");
      const caseworkers = page.locator("details", { hasText: "Dine sagsbehandlere gennem tiden" });
      await caseworkers.locator("summary").click();
      await expect(caseworkers).toContainText("Karin Holm");
      await expect(caseworkers).toContainText("din sagsbehandler");
      const ledger = page.locator("details", { hasText: "Budgettets posteringer" });
      await ledger.locator("summary").click();
      await expect(ledger).toContainText(/\d kr\./);
      if (javaScriptEnabled) {
        await waitForHydration(page);
        await expectNoAxeViolations(page, "/mine-oplysninger, sections open");
      }
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: "Hent alt som fil (JSON)" }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^mine-oplysninger-\d{4}-\d{2}-\d{2}\.json$/);
      const text = await (await download.createReadStream()).toArray();
      const data = JSON.parse(Buffer.concat(text).toString("utf8"));
      expect(data.format).toBe("enplan-data-export");
      const rows = (table: string) => data.sections.find((s: { table: string }) => s.table === table).rows;
      expect(rows("goal").map((g: { title: string }) => g.title)).toContain("Komme i praktik i en børnehave");
      expect(rows("budget_entry").length).toBeGreaterThan(0);
      expect(rows("budget_entry")[0].amount_ore.kroner).toMatch(/ kr\.$/);
      expect(rows("person")[0].cpr).toBe("011385-1001");
    });

    test("the print view has every record, the date and the municipality, and no navigation", async ({ page }, testInfo) => {
      await loginAs(page, "Mette Hansen", "/mine-oplysninger");
      await page.getByRole("link", { name: "Udskriv eller gem som PDF" }).click();
      await expect(page).toHaveURL(/\/mine-oplysninger\/udskrift$/);
      const main = page.getByRole("main");
      await expect(main).toContainText("Komme i praktik i en børnehave");
      await expect(main).toContainText(/Udtrukket \w+dag \d+\. \w+ \d{4}/);
      await expect(main).toContainText("Demo Kommune");
      await expect(page.getByRole("heading", { name: /Dine mål · \d+ oplysning/ })).toBeVisible();
      if (javaScriptEnabled) {
        await waitForHydration(page);
        await expectNoAxeViolations(page, "/mine-oplysninger/udskrift (phone)");
        await page.setViewportSize(DESKTOP);
        await expectNoAxeViolations(page, "/mine-oplysninger/udskrift (desktop)");
      }
      // On the screen: the log-out and language buttons; printed: none (role queries skip hidden elements).
      expect(await page.getByRole("button").count()).toBeGreaterThan(0);
      await page.emulateMedia({ media: "print" });
      await expect(page.getByRole("navigation")).toBeHidden();
      await expect(page.getByRole("link", { name: "Tilbage til dine oplysninger" })).toBeHidden();
      await expect(page.getByRole("button")).toHaveCount(0);
      const head = page.locator(".print-head");
      await expect(head).toBeVisible();
      await expect(head).toContainText("Demo Kommune");
      await expect(head).toHaveCSS("position", "fixed");
      const shot = testInfo.outputPath(`print-view-${javaScriptEnabled ? "js" : "nojs"}.png`);
      await page.screenshot({ path: shot, fullPage: true });
      await testInfo.attach("print view", { path: shot, contentType: "image/png" });
    });

    test("the citizen sees by name who opened her plan, as caseworker or as stand-in", async ({ browser }) => {
      const context = { javaScriptEnabled, viewport: PHONE };
      for (const staff of ["Karin Holm", "Amira Haddad"]) {
        const page = await (await browser.newContext(context)).newPage();
        await loginAs(page, staff, "/sagsbehandler/borgere");
        await page.getByRole("link", { name: "Mette Hansen" }).click();
        await expect(page).toHaveURL(/\/sagsbehandler\/borger\/\d+$/);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mette Hansen");
        await page.context().close();
      }
      const mette = await (await browser.newContext(context)).newPage();
      await loginAs(mette, "Mette Hansen", "/hvem-har-set");
      const entries = mette.getByRole("main").getByRole("listitem");
      const opened = entries.filter({ hasText: "Arbejde med din plan" });
      await expect(opened.filter({ hasText: "Karin Holm · din sagsbehandler" }).first()).toBeVisible();
      await expect(opened.filter({ hasText: "Amira Haddad · stedfortræder for din sagsbehandler" }).first()).toBeVisible();
      // Their caseload lists showed her too, each in their own capacity.
      const listed = entries.filter({ hasText: "Så dig på sin liste over borgere" });
      await expect(listed.filter({ hasText: "Amira Haddad · stedfortræder" }).first()).toBeVisible();
      if (javaScriptEnabled) {
        await waitForHydration(mette);
        await expectNoAxeViolations(mette, "/hvem-har-set (phone)");
        await mette.setViewportSize(DESKTOP);
        await expectNoAxeViolations(mette, "/hvem-har-set (desktop)");
      }
    });

    test("anyone reads the privacy notice from the login page and the footer", async ({ page }) => {
      await page.goto("/log-ind");
      await expect(page.getByRole("contentinfo")).toContainText("Demo Kommune");
      await page.getByRole("main").getByRole("link", { name: "Sådan passer vi på dine oplysninger" }).click();
      await expect(page).toHaveURL(/\/privatliv$/);
      const main = page.getByRole("main");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sådan passer vi på dine oplysninger");
      await expect(main).toContainText("Demo Kommune er dataansvarlig");
      await expect(main).toContainText("databeskyttelse@demo.enplan.invalid");
      await expect(main).toContainText("Datatilsynet");
      await expect(main.getByRole("heading", { name: "Hvor længe" })).toBeVisible();
      await page.goto("/");
      await page.getByRole("contentinfo").getByRole("link", { name: "Sådan passer vi på dine oplysninger" }).click();
      await expect(page).toHaveURL(/\/privatliv$/);
      if (javaScriptEnabled) {
        await waitForHydration(page);
        await expectNoAxeViolations(page, "/privatliv (phone)");
        await page.setViewportSize(DESKTOP);
        await expectNoAxeViolations(page, "/privatliv (desktop)");
      }
    });
  });
}

test("the data pages pass axe on a desktop too, signed in", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await loginAs(page, "Mette Hansen", "/mine-oplysninger");
  await waitForHydration(page);
  await expectNoAxeViolations(page, "/mine-oplysninger (desktop)");
});
