import { expect, test } from "@playwright/test";
import { DESKTOP, PHONE, expectNoAxeViolations, loginAs, waitForHydration } from "./helpers";

// Mette Hansen (demo data) finds all her decisions in one place, with how and until when to complain.
for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled, viewport: PHONE });

    test("a citizen sees her decisions with reasons, who, when and the complaint deadline", async ({ page }) => {
      await loginAs(page, "Mette Hansen", "/min-plan");
      await page.getByRole("link", { name: "Se alle dine afgørelser" }).click();
      await expect(page).toHaveURL(/\/afgoerelser$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dine afgørelser");
      const declined = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Mål: Tage på højskole i foråret" }) });
      await expect(declined).toContainText("Højskolen ligger midt i din praktik");
      await expect(declined).toContainText("Karin Holm");
      await expect(declined).toContainText(/Du kan klage til og med \d+\. \w+ \d{4}\./);
      await expect(declined).toContainText("Ankestyrelsen");
      if (javaScriptEnabled) {
        await waitForHydration(page);
        await expectNoAxeViolations(page, "/afgoerelser (phone)");
        await page.setViewportSize(DESKTOP);
        await expectNoAxeViolations(page, "/afgoerelser (desktop)");
      }
    });
  });
}
