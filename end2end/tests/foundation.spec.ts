import { expect, test } from "@playwright/test";
import {
  DESKTOP,
  PHONE,
  ROUTES,
  expectNoAxeViolations,
  waitForHydration,
  watchForErrors,
} from "./helpers";

test("the home page renders in Danish by default", async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "da");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Din plan samlet ét sted");
  await expect(page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Min plan" })).toBeVisible();
  await expect(page).toHaveTitle("Én Plan");
  await waitForHydration(page);
  expect(errors).toEqual([]);
});

test("the language switch turns the page to English and back, staying on the page", async ({ page }) => {
  await page.goto("/netvaerk");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page).toHaveURL(/\/netvaerk$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Network");
  await expect(page).toHaveTitle("Network – Én Plan");

  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your plan in one place");
  await page.getByRole("button", { name: "Dansk" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "da");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Din plan samlet ét sted");
});

test("on a phone the menu is folded from the first paint and unfolds with its button", async ({ page }) => {
  const errors = watchForErrors(page);
  await page.setViewportSize(PHONE);
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Hovedmenu" });
  const menu = nav.locator("summary");
  const planLink = nav.getByRole("link", { name: "Min plan" });
  // Folded before the WebAssembly has run, so nothing moves when it has.
  await expect(menu).toBeVisible();
  await expect(menu).toHaveText(/Menu/);
  await expect(planLink).toBeHidden();
  const top = await page.getByRole("main").boundingBox();
  await waitForHydration(page);
  expect(await page.getByRole("main").boundingBox()).toEqual(top);

  await menu.click();
  await expect(nav.locator("details")).toHaveAttribute("open", "");
  await expect(menu).toHaveText(/Luk menu/);
  await expect(planLink).toBeVisible();
  await planLink.click();
  await expect(page).toHaveURL(/\/min-plan$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Min plan");
  expect(errors).toEqual([]);
});

test("on a wide screen the menu is always open and has no button", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await page.goto("/");
  await waitForHydration(page);
  const nav = page.getByRole("navigation", { name: "Hovedmenu" });
  await expect(nav.locator("summary")).toBeHidden();
  await expect(nav.getByRole("link", { name: "Min sagsbehandler" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Min sagsbehandler" })).toHaveCount(1); // the phone list is not there for anyone
});

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false, viewport: PHONE });

  test("the main content, the whole menu and the language switch work", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Din plan samlet ét sted");
    await expect(page.getByRole("main")).toContainText("Det kan du her");
    const nav = page.getByRole("navigation", { name: "Hovedmenu" });
    await nav.locator("summary").click(); // the browser unfolds a <details> itself
    for (const name of ["Min plan", "Min sagsbehandler", "Budget", "Netværk"]) {
      await expect(nav.getByRole("link", { name })).toBeVisible();
    }

    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your plan in one place");
  });
});

test("an unknown address shows a 404 page with a way home", async ({ page }) => {
  const res = await page.goto("/denne-side-findes-ikke");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Siden findes ikke");
  await page.getByRole("main").getByRole("link", { name: "Gå til forsiden" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("the skip link is the first thing the keyboard reaches and moves to the content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Gå til indholdet" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#indhold$/);
});

for (const viewport of [PHONE, DESKTOP]) {
  for (const lang of ["da", "en"]) {
    test(`axe finds no WCAG 2.1 A/AA violation on any page (${viewport.width}×${viewport.height}, ${lang})`, async ({
      page,
      context,
    }) => {
      test.setTimeout(90_000); // thirty pages, each checked by axe
      await context.addCookies([{ name: "lang", value: lang, domain: "localhost", path: "/" }]);
      await page.setViewportSize(viewport);
      for (const route of ROUTES) {
        await page.goto(route);
        await waitForHydration(page);
        await expectNoAxeViolations(page, `${route} ${lang} ${viewport.width}px`);
      }
      if (viewport === PHONE) {
        await page.goto("/");
        await waitForHydration(page);
        await page.getByRole("navigation").locator("summary").click();
        await expectNoAxeViolations(page, `/ with the menu open (${lang})`);
      }
    });
  }
}
