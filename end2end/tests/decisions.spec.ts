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
      // With a document: the doctor's note, sent with the complaint.
      await page.getByLabel("Vedhæft dokumentation (hvis du vil)").setInputFiles({
        name: "laegeerklaering.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.from("%PDF-1.4\nKlage\n%%EOF"),
      });
      await page.getByRole("button", { name: "Send klagen" }).click();
      await expect(page).toHaveURL(/\/afgoerelser\?svar=klage-sendt#afgoerelse-\d+$/);
      await expect(page.getByRole("status").first()).toContainText("Din klage er sendt");
      const after = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: `Mål: ${c.goal}` }) });
      await expect(after).toContainText("Du klagede");
      await expect(after.getByRole("link", { name: "laegeerklaering.pdf" })).toBeVisible();
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
      // The caseworker opens the document sent with it.
      const download = await cw.request.get(await cw.getByRole("link", { name: "laegeerklaering.pdf" }).getAttribute("href") ?? "");
      expect(download.status()).toBe(200);
      expect((await download.body()).toString()).toContain("Klage");
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

// The caseworker corrects a declined request for money to an approval; the
// citizen sees the new balance and both decisions. Demo data: Sofie's and
// Ida's declined requests (one each: corrected once).
const CORRECTED = [
  { javaScriptEnabled: true, citizen: "Sofie Nielsen", caseworker: "Karin Holm", purpose: "Fitnesskort i et halvt år", asked: "1.200,00", why: "Holdtræningen passer ikke med praktikken." },
  { javaScriptEnabled: false, citizen: "Ida Madsen", caseworker: "Amira Haddad", purpose: "Lommeregner til matematik", asked: "400,00", why: "Skolens lommeregnere er udlånt for i år." },
];

/** "17.500,00 kr." in øre. */
function ore(text: string): number {
  return Math.round(Number(text.replace(/[^\d,]/g, "").replace(",", ".")) * 100);
}

for (const c of CORRECTED) {
  test(`a declined request for money is corrected to an approval and the citizen sees the new balance (${c.javaScriptEnabled ? "with" : "without"} JavaScript)`, async ({ browser }) => {
    const context = { javaScriptEnabled: c.javaScriptEnabled, viewport: PHONE };
    const citizen = await (await browser.newContext(context)).newPage();
    await loginAs(citizen, c.citizen, "/budget");
    const left = citizen.locator("dl").first().locator("dd").nth(3);
    const before = ore(await left.innerText());
    const card = citizen.getByRole("listitem").filter({ has: citizen.getByRole("heading", { name: c.purpose }) });
    await expect(card).toContainText("Afslået");

    const cw = await (await browser.newContext(context)).newPage();
    await loginAs(cw, c.caseworker, "/sagsbehandler/borgere");
    await cw.getByRole("link", { name: c.citizen, exact: true }).click();
    await cw.getByRole("link", { name: "Se og ændre borgerens personlige budget" }).click();
    await expect(cw).toHaveURL(/\/sagsbehandler\/borger\/\d+\/budget$/);
    const request = cw.getByRole("listitem").filter({ has: cw.getByRole("heading", { name: c.purpose }) });
    await request.getByRole("link", { name: "Se afgørelsen, eller ret den" }).click();
    await expect(cw).toHaveURL(/\/sagsbehandler\/udgift\/\d+$/);
    const review = cw.url();
    await expect(cw.getByRole("heading", { name: "Ret afgørelsen" })).toBeVisible();
    // Nothing was paid out on a decline, so nothing is said about lowering it.
    await expect(cw.getByRole("main")).not.toContainText("Et godkendt beløb er betalt ud");
    if (c.javaScriptEnabled) await waitForHydration(cw);
    // More than was asked for: refused by the amount, the reasons kept.
    const amount = cw.getByLabel("Nyt godkendt beløb i kroner");
    const reasons = cw.getByLabel(/^Begrundelse/);
    await amount.fill("5.000");
    await reasons.fill(c.why);
    await cw.getByRole("button", { name: "Send rettelsen" }).click();
    await expect(cw.getByRole("main")).toContainText(`Skriv et beløb på højst ${c.asked} kr., som borgeren bad om.`);
    await expect(amount).toHaveAttribute("aria-invalid", "true");
    await expect(reasons).toHaveValue(c.why);
    if (c.javaScriptEnabled) {
      await expectNoAxeViolations(cw, "/sagsbehandler/udgift/:id correction with an error (phone)");
      await cw.setViewportSize(DESKTOP);
      await expectNoAxeViolations(cw, "/sagsbehandler/udgift/:id correction with an error (desktop)");
    }
    await amount.fill(c.asked);
    await cw.getByRole("button", { name: "Send rettelsen" }).click();
    await expect(cw).toHaveURL(/\/sagsbehandler\/udgift\/\d+\?svar=besvaret$/);
    // Approved in full: nothing left to correct; the page says why it cannot be lowered.
    await cw.goto(review);
    await expect(cw.getByRole("heading", { name: "Ret afgørelsen" })).toHaveCount(0);
    await expect(cw.getByRole("main")).toContainText("kan ikke sættes ned eller trækkes tilbage her");
    await cw.context().close();

    await citizen.goto("/budget");
    const after = citizen.getByRole("listitem").filter({ has: citizen.getByRole("heading", { name: c.purpose }) });
    await expect(after).toContainText("Godkendt");
    await expect(after).toContainText("Retter afgørelsen fra");
    await expect(after).toContainText(c.why);
    expect(ore(await left.innerText())).toBe(before - ore(c.asked));
    await expect(citizen.getByRole("region", { name: "Alle bevægelser" })).toContainText(`Brugt: ${c.asked} kr.`);

    await citizen.goto("/afgoerelser");
    const items = citizen.getByRole("listitem").filter({ has: citizen.getByRole("heading", { name: `Ønske om penge: ${c.purpose}` }) });
    await expect(items).toHaveCount(2);
    await expect(items.first()).toContainText("Retter afgørelsen fra");
    await expect(items.nth(1)).toContainText("Afgørelsen er rettet");
  });
}
