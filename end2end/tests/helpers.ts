import { Browser, expect, Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

/** Every routed page of the portal (and one that does not exist). */
export const ROUTES = [
  "/",
  "/min-plan",
  "/min-sagsbehandler",
  "/budget",
  "/budget/ansoeg",
  "/netvaerk",
  "/netvaerk/gruppe/1",
  "/netvaerk/moede/1",
  "/netvaerk/mine",
  "/netvaerk/ny-gruppe",
  "/netvaerk/gruppe/1/vaert",
  "/netvaerk/moede/1/vaert",
  "/tilgaengelighed",
  "/log-ind",
  "/hvem-har-set",
  "/min-plan/nyt-maal",
  "/beskeder",
  "/indstillinger",
  "/mine-oplysninger",
  "/mine-oplysninger/udskrift",
  "/privatliv",
  "/afgoerelser",
  "/afgoerelser/1/klage",
  "/sagsbehandler/klage/1",
  "/afmeld/1.00",
  "/samtale",
  "/fuldmagt",
  "/fuldmagt/modtag",
  "/fuldmagt/ophoert",
  "/sagsbehandler/borger/1/samtale",
  "/sagsbehandler",
  "/sagsbehandler/borgere",
  "/sagsbehandler/borger/1/overdrag",
  "/admin",
  "/admin/log",
  "/admin/borger/1/overdrag",
  "/admin/borger/1/stedfortraeder",
  "/sagsbehandler/borger/1/stedfortraeder",
  "/admin/indstillinger",
  "/denne-side-findes-ikke",
];

export const PHONE = { width: 360, height: 640 };
export const DESKTOP = { width: 1280, height: 800 };

/** Collects console errors and uncaught exceptions (CSP refusals show up here). */
export function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  page.on("pageerror", (err) => errors.push(err.message));
  return errors;
}

/**
 * Waits until the WebAssembly has hydrated the islands (`hydrate()` marks `<html data-hydrated>`).
 * Usually under 2 s; since logout sends `Clear-Site-Data: "cache"`, Chromium now and then holds
 * a later page's WebAssembly for over 10 s (seen in about one full run in four, never reproduced
 * on purpose; once in CI, on a fresh context, it never came). The wait allows 20 s, then loads
 * the page (a GET) once more and allows 20 s again, and says so, for whoever looks into it:
 * a page that never hydrates still fails.
 */
export async function waitForHydration(page: Page) {
  const started = Date.now();
  const hydrated = page.locator("[data-hydrated=true]");
  try {
    await expect(hydrated).toHaveCount(1, { timeout: 20_000 });
  } catch {
    console.log(`no hydration in 20 s on ${page.url()}: loading it again`);
    await page.reload();
    await expect(hydrated).toHaveCount(1, { timeout: 20_000 });
  }
  const took = Date.now() - started;
  if (took > 3_000) console.log(`hydration took ${took} ms on ${page.url()}`);
}

/** Runs axe for WCAG 2.0/2.1 level A and AA and expects no violation. */
export async function expectNoAxeViolations(page: Page, label: string) {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const summary = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
  // A run that checked nothing would also have no violations.
  expect(result.passes.length, `axe checked nothing on ${label}`).toBeGreaterThan(10);
}

/** Logs in at the built-in test provider as the demo person called `name`. */
export async function loginAs(page: Page, name: string, next = "/min-plan") {
  await page.goto(`/auth/login?next=${encodeURIComponent(next)}`);
  await page.getByRole("button", { name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[/?]/g, "\\$&")}$`));
}

/** A fresh browser context (a phone by default, JavaScript on unless said
 * otherwise) where the demo person called `name` has logged in, on `next`. */
export async function signedIn(browser: Browser, name: string, next: string, javaScriptEnabled = true, viewport = PHONE): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled, viewport });
  const page = await context.newPage();
  await loginAs(page, name, next);
  return page;
}

/** axe on the page as a phone shows it and as a desktop does (needs
 * JavaScript in the page: it hangs in a context without). */
export async function expectNoAxeViolationsOnBoth(page: Page, label: string) {
  await expectNoAxeViolations(page, `${label} (phone)`);
  await page.setViewportSize(DESKTOP);
  await expectNoAxeViolations(page, `${label} (desktop)`);
  await page.setViewportSize(PHONE);
}
