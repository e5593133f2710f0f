import { expect, test } from "@playwright/test";
import { PHONE, expectNoAxeViolations, loginAs, waitForHydration } from "./helpers";

// Mette Hansen (demo data) sees what is recorded about her and downloads all of it.
for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled, viewport: PHONE });

    test("a citizen sees what is recorded about her and downloads it as JSON", async ({ page }) => {
      await loginAs(page, "Mette Hansen", "/min-plan");
      await page.getByRole("link", { name: "Se alt, hvad kommunen har registreret om dig" }).click();
      await expect(page).toHaveURL(/\/mine-oplysninger$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Alt hvad kommunen har registreret om dig");
      await expect(page.getByRole("main")).toContainText("Dine mål");
      await expect(page.getByRole("main")).toContainText("Budgettets posteringer");
      if (javaScriptEnabled) {
        await waitForHydration(page);
        await expectNoAxeViolations(page, "/mine-oplysninger");
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
      expect(rows("person")[0].cpr).toBe("011385-1001");
    });
  });
}
