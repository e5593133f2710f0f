import { expect, test } from "@playwright/test";
import { DESKTOP, PHONE, expectNoAxeViolations, loginAs, waitForHydration } from "./helpers";

// A citizen finds all her decisions in one place, with how and until when to
// complain, and complains about one. Demo data: Mette Hansen's and Rasmus
// Sørensen's declined proposals (one each: a complaint can be made once).
const CASES = [
  { javaScriptEnabled: true, citizen: "Mette Hansen", goal: "Tage på højskole i foråret", reasons: "Højskolen ligger midt i din praktik", caseworker: "Karin Holm" },
  { javaScriptEnabled: false, citizen: "Rasmus Sørensen", goal: "Starte på en uddannelse som tømrer", reasons: "Vi skal først have styr på dit helbred", caseworker: "Amira Haddad" },
];

for (const c of CASES) {
  test.describe(c.javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled: c.javaScriptEnabled, viewport: PHONE });

    test("a citizen complains about a decision, the caseworker keeps it, and the citizen sees it sent on", async ({ page, browser }) => {
      await loginAs(page, c.citizen, "/min-plan");
      await page.getByRole("link", { name: "Se alle dine afgørelser" }).click();
      await expect(page).toHaveURL(/\/afgoerelser$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dine afgørelser");
      const item = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: `Mål: ${c.goal}` }) });
      await expect(item).toContainText(c.reasons);
      await expect(item).toContainText(c.caseworker);
      await expect(item).toContainText(/Du kan klage til og med \d+\. \w+ \d{4}\./);
      await expect(item).toContainText("Ankestyrelsen");
      if (c.javaScriptEnabled) {
        await waitForHydration(page);
        await expectNoAxeViolations(page, "/afgoerelser (phone)");
        await page.setViewportSize(DESKTOP);
        await expectNoAxeViolations(page, "/afgoerelser (desktop)");
        await page.setViewportSize(PHONE);
      }

      await item.getByRole("link", { name: "Klag over afgørelsen" }).click();
      await expect(page).toHaveURL(/\/afgoerelser\/\d+\/klage$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Klag over en afgørelse");
      await expect(page.getByRole("main")).toContainText(c.goal);
      if (c.javaScriptEnabled) await waitForHydration(page);
      const reasons = page.getByLabel("Hvorfor er du uenig i afgørelsen?");
      const tooLong = "x".repeat(4001);
      await reasons.fill(tooLong);
      await page.getByRole("button", { name: "Send klagen" }).click();
      await expect(page.getByRole("main")).toContainText("Teksten er for lang. Der er plads til 4000 tegn.");
      await expect(reasons).toHaveAttribute("aria-invalid", "true");
      await expect(reasons).toHaveValue(tooLong);
      if (c.javaScriptEnabled) {
        await expectNoAxeViolations(page, "/afgoerelser/:id/klage with an error (phone)");
        await page.setViewportSize(DESKTOP);
        await expectNoAxeViolations(page, "/afgoerelser/:id/klage with an error (desktop)");
        await page.setViewportSize(PHONE);
      }
      await reasons.fill("Jeg er uenig, fordi det er det, der kan hjælpe mig videre.");
      await page.getByRole("button", { name: "Send klagen" }).click();
      await expect(page).toHaveURL(/\/afgoerelser\?svar=klage-sendt#afgoerelse-\d+$/);
      await expect(page.getByRole("status").first()).toContainText("Din klage er sendt");
      const after = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: `Mål: ${c.goal}` }) });
      await expect(after).toContainText("Du klagede");
      await expect(after).toContainText(/svarer dig senest \d+\. \w+ \d{4}/);
      await expect(after.getByRole("link", { name: "Klag over afgørelsen" })).toHaveCount(0);

      // The caseworker finds it in the inbox, reads it, and keeps the decision with reasons.
      const cw = await (await browser.newContext({ javaScriptEnabled: c.javaScriptEnabled, viewport: PHONE })).newPage();
      await loginAs(cw, c.caseworker, "/sagsbehandler");
      const waiting = cw.getByRole("region", { name: "Klager, der venter på genvurdering" });
      await expect(waiting).toContainText(/Svar senest \d+\. \w+ \d{4}/);
      await waiting.getByRole("link", { name: `${c.citizen} · ${c.goal}` }).click();
      await expect(cw).toHaveURL(/\/sagsbehandler\/klage\/\d+$/);
      await expect(cw.getByRole("main")).toContainText("Jeg er uenig, fordi det er det, der kan hjælpe mig videre.");
      if (c.javaScriptEnabled) await waitForHydration(cw);
      await cw.getByRole("button", { name: "Fasthold og send til Ankestyrelsen" }).click();
      await expect(cw.getByRole("main")).toContainText("Skriv en begrundelse");
      if (c.javaScriptEnabled) {
        await expectNoAxeViolations(cw, "/sagsbehandler/klage/:id with an error (phone)");
        await cw.setViewportSize(DESKTOP);
        await expectNoAxeViolations(cw, "/sagsbehandler/klage/:id with an error (desktop)");
      }
      await cw.getByLabel("Hvorfor fastholder du afgørelsen?").fill("Praktikken går forud for alt andet lige nu.");
      await cw.getByRole("button", { name: "Fasthold og send til Ankestyrelsen" }).click();
      await expect(cw).toHaveURL(/\/sagsbehandler\/klage\/\d+\?svar=besvaret$/);
      await expect(cw.getByRole("main")).toContainText("sendt videre til Ankestyrelsen");
      await cw.context().close();

      await page.goto("/afgoerelser");
      const answered = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: `Mål: ${c.goal}` }) });
      await expect(answered).toContainText("fastholdt afgørelsen");
      await expect(answered).toContainText("Praktikken går forud for alt andet lige nu.");
      await expect(answered).toContainText(/Din klage er sendt videre til Ankestyrelsen \d+\. \w+ \d{4}\./);
    });
  });
}

// The caseworker gives the citizen right: the declined goal is accepted by a new decision.
const CHANGED = [
  { javaScriptEnabled: true, citizen: "Peter Christensen", goal: "Flytte til en mindre lejlighed" },
  { javaScriptEnabled: false, citizen: "Fatima Ali", goal: "Tage danskprøve 3 til sommer" },
];

for (const c of CHANGED) {
  test(`a complaint answered in the citizen's favour corrects the decision (${c.javaScriptEnabled ? "with" : "without"} JavaScript)`, async ({ browser }) => {
    const context = { javaScriptEnabled: c.javaScriptEnabled, viewport: PHONE };
    const citizen = await (await browser.newContext(context)).newPage();
    await loginAs(citizen, c.citizen, "/afgoerelser");
    const item = citizen.getByRole("listitem").filter({ has: citizen.getByRole("heading", { name: `Mål: ${c.goal}` }) });
    await item.getByRole("link", { name: "Klag over afgørelsen" }).click();
    if (c.javaScriptEnabled) await waitForHydration(citizen);
    await citizen.getByLabel("Hvorfor er du uenig i afgørelsen?").fill("Det er vigtigt for mig.");
    await citizen.getByRole("button", { name: "Send klagen" }).click();
    await expect(citizen).toHaveURL(/svar=klage-sendt/);

    const cw = await (await browser.newContext(context)).newPage();
    await loginAs(cw, "Jonas Lund", "/sagsbehandler");
    await cw.getByRole("region", { name: "Klager, der venter på genvurdering" }).getByRole("link", { name: `${c.citizen} · ${c.goal}` }).click();
    await expect(cw.getByRole("main")).toContainText("Det er vigtigt for mig.");
    if (c.javaScriptEnabled) {
      await waitForHydration(cw);
      await expectNoAxeViolations(cw, "/sagsbehandler/klage/:id (phone)");
    }
    await cw.getByRole("button", { name: "Giv borgeren ret: målet kommer med i planen" }).click();
    await expect(cw).toHaveURL(/\/sagsbehandler\/klage\/\d+\?svar=besvaret$/);
    await expect(cw.getByRole("main")).toContainText("ændrede afgørelsen");
    await expect(cw.getByRole("button", { name: "Giv borgeren ret: målet kommer med i planen" })).toHaveCount(0);

    await citizen.goto("/afgoerelser");
    const items = citizen.getByRole("listitem").filter({ has: citizen.getByRole("heading", { name: `Mål: ${c.goal}` }) });
    await expect(items).toHaveCount(2);
    await expect(items.first()).toContainText("Retter afgørelsen fra");
    await expect(items.nth(1)).toContainText("ændrede afgørelsen");
    await expect(items.nth(1)).toContainText("Afgørelsen er rettet");
  });
}
