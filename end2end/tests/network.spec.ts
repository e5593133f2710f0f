import { expect, test } from "@playwright/test";
import { PHONE, expectNoAxeViolations, loginAs, waitForHydration } from "./helpers";

// Demo data: four groups (Strikkecafé i Nordparken, Gåtur ved stranden,
// Mødrenetværket, Jobklubben) hosted by Bent and Hanne, three meetups each.

test("an anonymous visitor browses groups and meetups, filters by area and opens one", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto("/netvaerk");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Netværk");
  await expect(page.getByText(/Alle kan komme – også hvis du aldrig/).first()).toBeVisible();
  const meetups = page.getByRole("region", { name: "Kommende møder" });
  await expect(meetups.getByRole("listitem")).toHaveCount(12);
  await expect(meetups.getByRole("listitem").first()).toContainText(/ledige pladser af \d+/);
  const groups = page.getByRole("region", { name: "Grupperne" });
  await expect(groups.getByRole("listitem")).toHaveCount(4);
  await expect(groups).toContainText("Bent");
  await expect(groups).not.toContainText("Frivillig"); // a host's full name is never shown
  await waitForHydration(page);
  await expectNoAxeViolations(page, "/netvaerk");

  await page.getByLabel("Område").selectOption("Øst");
  await page.getByRole("button", { name: "Vis" }).click();
  await expect(page).toHaveURL(/omraade=%C3%98st/);
  await expect(groups.getByRole("listitem")).toHaveCount(1);
  await expect(groups).toContainText("Gåtur ved stranden");
  await expect(meetups.getByRole("listitem")).toHaveCount(3);
  await expect(page.getByLabel("Område")).toHaveValue("Øst");

  await meetups.getByRole("link", { name: "Gåtur ved stranden" }).first().click();
  await expect(page).toHaveURL(/\/netvaerk\/moede\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gåtur ved stranden");
  await expect(page.locator("dl")).toContainText("1 time og 30 minutter");
  await expect(page.locator("dl")).toContainText(/ledige pladser af \d+/);
  await expect(page.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT17:00:00\+0[12]:00$/);
  await expectNoAxeViolations(page, "a meetup");

  await page.getByRole("link", { name: "Om gruppen og dens andre møder" }).click();
  await expect(page).toHaveURL(/\/netvaerk\/gruppe\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gåtur ved stranden");
  await expect(page.getByRole("region", { name: "Gruppens næste møder" }).getByRole("listitem")).toHaveCount(3);
  await expectNoAxeViolations(page, "a group");
});

test("a group or meetup that does not exist says so with status 404", async ({ page }) => {
  const res = await page.goto("/netvaerk/moede/999999");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Findes ikke");
  await expect(page.getByRole("link", { name: "Tilbage til netværksgrupperne" })).toBeVisible();
});

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false });
  test("the overview, the filter and the pages work", async ({ page }) => {
    await page.goto("/netvaerk?emne=Arbejde");
    const groups = page.getByRole("region", { name: "Grupperne" });
    await expect(groups.getByRole("listitem")).toHaveCount(1);
    await expect(groups).toContainText("Jobklubben");
    await groups.getByRole("link", { name: "Jobklubben" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Jobklubben");
  });
});

test("a signed-in citizen signs up for a meetup and cancels; a visitor is asked to log in first", async ({ page }) => {
  await page.goto("/netvaerk?emne=Arbejde");
  await page.getByRole("region", { name: "Kommende møder" }).getByRole("link", { name: "Jobklubben" }).first().click();
  const meetup = page.url();
  const signUp = page.getByRole("region", { name: "Vil du med?" });
  await expect(signUp.getByRole("link", { name: "Log ind for at skrive dig på" })).toBeVisible();
  const before = await page.locator("dl").innerText();
  const left = Number(/(\d+) ledige pladser/.exec(before)?.[1]);

  await loginAs(page, "Camilla Jensen", new URL(meetup).pathname);
  await signUp.getByRole("button", { name: "Skriv mig på" }).click();
  await expect(page).toHaveURL(/svar=tilmeldt$/);
  await expect(page.getByRole("status")).toContainText("Du er skrevet på mødet.");
  await expect(signUp).toContainText("Du er skrevet på. Vi glæder os til at se dig.");
  await expect(page.locator("dl")).toContainText(`${left - 1} ledige pladser`);
  await waitForHydration(page);
  await expectNoAxeViolations(page, "a meetup, signed up");
  await signUp.getByRole("button", { name: "Meld afbud" }).click();
  await expect(page).toHaveURL(/svar=afmeldt$/);
  await expect(page.locator("dl")).toContainText(`${left} ledige pladser`);
  await expect(signUp.getByRole("button", { name: "Skriv mig på" })).toBeVisible();
});

test("'add to calendar' downloads one valid calendar event for the meetup", async ({ page }) => {
  await page.goto("/netvaerk?emne=Motion");
  await page.getByRole("region", { name: "Kommende møder" }).getByRole("link", { name: "Gåtur ved stranden" }).first().click();
  const iso = await page.locator("time").getAttribute("datetime");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: /Læg mødet i din kalender/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^moede-\d+\.ics$/);
  const fs = await import("node:fs/promises");
  const text = await fs.readFile(await download.path(), "utf8");
  // A minimal RFC 5545 check: CRLF lines, one VEVENT inside one VCALENDAR,
  // the required properties, and the start the page shows.
  expect(text.endsWith("\r\n")).toBe(true);
  const lines = text.replace(/\r\n /g, "").split("\r\n").filter((l) => l !== "");
  expect(lines[0]).toBe("BEGIN:VCALENDAR");
  expect(lines[lines.length - 1]).toBe("END:VCALENDAR");
  expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(1);
  expect(lines.filter((l) => l === "END:VEVENT")).toHaveLength(1);
  for (const name of ["VERSION", "PRODID", "UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "LOCATION"]) {
    expect(lines.some((l) => l.startsWith(`${name}:`)), name).toBe(true);
  }
  expect(lines).toContain("SUMMARY:Gåtur ved stranden");
  const start = lines.find((l) => l.startsWith("DTSTART:"))!.slice(8);
  const m = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/.exec(start)!;
  const utc = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
  expect(utc).toBe(new Date(iso!).getTime());
});

test("a signed-in citizen joins a group and leaves it again", async ({ page }) => {
  await page.goto("/netvaerk?emne=Familie");
  await page.getByRole("region", { name: "Grupperne" }).getByRole("link", { name: "Mødrenetværket" }).click();
  const group = new URL(page.url()).pathname;
  const section = page.getByRole("region", { name: "Vær med i gruppen" });
  await expect(section.getByRole("link", { name: "Log ind for at blive en del af gruppen" })).toBeVisible();
  await loginAs(page, "Sofie Nielsen", group);
  await section.getByRole("button", { name: "Bliv en del af gruppen" }).click();
  await expect(page).toHaveURL(/svar=medlem$/);
  await expect(page.getByRole("status")).toContainText("Du er nu en del af gruppen.");
  await expect(section).toContainText("Du er en del af gruppen.");
  await waitForHydration(page);
  await expectNoAxeViolations(page, "a group, as a member");
  await section.getByRole("button", { name: "Meld mig ud af gruppen" }).click();
  await expect(page).toHaveURL(/svar=udmeldt$/);
  await expect(section.getByRole("button", { name: "Bliv en del af gruppen" })).toBeVisible();
});
