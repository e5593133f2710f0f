import { expect, Page, test } from "@playwright/test";
import { DESKTOP, PHONE, expectNoAxeViolations, waitForHydration, watchForErrors } from "./helpers";

/** Logs in through the built-in test provider by clicking a demo person. */
async function loginAs(page: Page, person: string) {
  await page.goto("/log-ind");
  await expect(page.getByText("Testlogin – ikke MitID").first()).toBeVisible();
  await page.getByRole("link", { name: "Gå til testlogin" }).click();
  await expect(page).toHaveURL(/\/test-idp\/authorize\?/);
  await expect(page.getByText("Testlogin — ikke MitID.")).toBeVisible();
  await page.getByRole("button", { name: person, exact: true }).click();
}

const header = (page: Page) => page.getByRole("banner");

test("a citizen logs in with the test login, sees their plan and name, and logs out", async ({ page }) => {
  const errors = watchForErrors(page);
  await loginAs(page, "Mette Hansen");
  await expect(page).toHaveURL(/\/min-plan$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Min plan");
  await expect(page.getByRole("main")).toContainText("Hej, Mette Hansen");
  await expect(header(page)).toContainText("Mette Hansen");
  await waitForHydration(page);
  expect(errors).toEqual([]);

  await header(page).getByRole("button", { name: "Log ud" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(header(page).getByRole("link", { name: "Log ind" })).toBeVisible();
  await expect(header(page)).not.toContainText("Mette Hansen");
});

test("the session cookie from before logout is worth nothing after it", async ({ page, context }) => {
  await loginAs(page, "Mette Hansen");
  await expect(header(page)).toContainText("Mette Hansen");
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === "enplan");
  expect(session, "a session cookie").toBeTruthy();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe("Lax");

  await header(page).getByRole("button", { name: "Log ud" }).click();
  await expect(header(page).getByRole("link", { name: "Log ind" })).toBeVisible();

  await context.clearCookies();
  await context.addCookies([session!]);
  await page.goto("/min-plan");
  await expect(page.getByRole("main")).toContainText("Du skal logge ind for at se dette.");
  await expect(header(page).getByRole("button", { name: "Log ud" })).toHaveCount(0);
});

test("a page that needs login sends you back to it after logging in", async ({ page }) => {
  await page.goto("/budget");
  await page.getByRole("main").getByRole("link", { name: "Log ind" }).click();
  await expect(page).toHaveURL(/\/log-ind\?next=%2Fbudget|\/log-ind\?next=\/budget/);
  await page.getByRole("link", { name: "Gå til testlogin" }).click();
  await page.getByRole("button", { name: "Mette Hansen", exact: true }).click();
  await expect(page).toHaveURL(/\/budget$/);
  await expect(header(page)).toContainText("Mette Hansen");
});

test("a new citizen without a plan gets a friendly explanation", async ({ page }) => {
  await page.goto("/auth/login");
  await page.getByLabel("CPR-nummer (kun testnumre)").fill("2408790000");
  await page.getByRole("button", { name: "Log ind med test-CPR" }).click();
  await expect(page).toHaveURL(/\/min-plan$/);
  await expect(page.getByRole("heading", { level: 2 })).toHaveText("Du har ikke en plan i Én Plan endnu");
  await expect(page.getByRole("main")).toContainText("Ring eller skriv til din kommune");
  await expect(page.getByRole("main")).not.toContainText("240879");
});

test("a mistyped test CPR number is explained and kept in the field", async ({ page }) => {
  await page.goto("/auth/login");
  const field = page.getByLabel("CPR-nummer (kun testnumre)");
  await field.fill("12345");
  await page.getByRole("button", { name: "Log ind med test-CPR" }).click();
  await expect(page.getByText("Skriv 10 cifre")).toBeVisible();
  await expect(page.getByLabel("CPR-nummer (kun testnumre)")).toHaveValue("12345");
  await expect(page.getByLabel("CPR-nummer (kun testnumre)")).toHaveAttribute("aria-invalid", "true");
});

test("a failed login comes back to the login page with a plain explanation", async ({ page }) => {
  // A callback nobody started: no login in progress in this browser.
  await page.goto("/auth/callback?code=x&state=y");
  await expect(page).toHaveURL(/\/log-ind\?fejl=mislykket$/);
  await expect(page.getByRole("alert")).toHaveText(/Vi kunne ikke logge dig ind/);
  await expect(header(page).getByRole("link", { name: "Log ind" })).toBeVisible();
});

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false, viewport: PHONE });

  test("login and logout work as plain links and form posts", async ({ page }) => {
    await loginAs(page, "Mette Hansen");
    await expect(page).toHaveURL(/\/min-plan$/);
    await expect(header(page)).toContainText("Mette Hansen");
    await header(page).getByRole("button", { name: "Log ud" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(header(page).getByRole("link", { name: "Log ind" })).toBeVisible();
  });
});

test("the test login's banner is on every page while it is on", async ({ page }) => {
  for (const path of ["/", "/netvaerk", "/budget", "/tilgaengelighed"]) {
    await page.goto(path);
    await expect(header(page).getByRole("note")).toHaveText(/^Testlogin – ikke MitID\./);
  }
});

test("after logout the back button shows neither the amount nor the name", async ({ page }) => {
  await loginAs(page, "Mette Hansen");
  await page.goto("/budget");
  await expect(page.getByRole("main")).toContainText("kr.");
  const amounts = (await page.getByRole("main").innerText()).match(/\d[\d.]*,\d\d kr\./g) ?? [];
  expect(amounts.length, "the budget shows amounts").toBeGreaterThan(0);
  await header(page).getByRole("button", { name: "Log ud" }).click();
  await expect(header(page).getByRole("link", { name: "Log ind" })).toBeVisible();
  // Back to the budget, as the next person at a library PC might.
  for (let i = 0; i < 4 && !page.url().endsWith("/budget"); i++) {
    await page.goBack().catch(() => null);
  }
  await expect(page).toHaveURL(/\/budget$/);
  const shown = await page.locator("body").innerText();
  expect(shown).not.toContain("Mette Hansen");
  for (const amount of amounts) expect(shown).not.toContain(amount);
  await expect(page.getByRole("main")).toContainText("Du skal logge ind for at se dette.");
});

test("no address the browser visits during login and logout holds the CPR number, the name or a token", async ({ page }) => {
  const visited: string[] = [];
  page.on("request", (r) => visited.push(r.url()));
  page.on("framenavigated", (f) => visited.push(f.url()));
  await loginAs(page, "Mette Hansen");
  await expect(header(page)).toContainText("Mette Hansen");
  await header(page).getByRole("button", { name: "Log ud" }).click();
  await expect(header(page).getByRole("link", { name: "Log ind" })).toBeVisible();
  expect(visited.length).toBeGreaterThan(5);
  for (const url of visited) {
    const plain = decodeURIComponent(url);
    expect(plain, url).not.toMatch(/0113851001|011385-1001|Mette|Hansen/);
    expect(url, "a JWT").not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\./);
  }
});

for (const viewport of [PHONE, DESKTOP]) {
  test(`axe finds no WCAG 2.1 A/AA violation on the login pages (${viewport.width}px)`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto("/log-ind?fejl=utilgaengelig");
    await waitForHydration(page);
    await expectNoAxeViolations(page, "/log-ind with an error");
    await page.getByRole("link", { name: "Gå til testlogin" }).click();
    await expectNoAxeViolations(page, "the test provider's page");
    await page.getByRole("button", { name: "Mette Hansen", exact: true }).click();
    await waitForHydration(page);
    await expectNoAxeViolations(page, "/min-plan logged in");
    await page.goto("/log-ind");
    await waitForHydration(page);
    await expectNoAxeViolations(page, "/log-ind logged in");
  });
}
