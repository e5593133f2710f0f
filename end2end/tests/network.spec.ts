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

/** A date `days` from today as a date field takes it (YYYY-MM-DD). */
function dateIn(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

test("a host posts a meetup with 2 places; the third citizen waits, moves up when one cancels, and is told", async ({ browser }) => {
  test.setTimeout(90_000); // four people, each logging in
  // The host: Bent hosts the Strikkecafé in the demo data.
  const host = await (await browser.newContext({ viewport: PHONE })).newPage();
  await loginAs(host, "Bent Frivillig", "/netvaerk/mine");
  await expect(host.getByRole("heading", { level: 1 })).toHaveText("Mine grupper og møder");
  const hosted = host.getByRole("region", { name: "Grupper du er vært for" });
  await expect(hosted).toContainText("Strikkecafé i Nordparken");
  await waitForHydration(host);
  await expectNoAxeViolations(host, "/netvaerk/mine as a host");
  await hosted.getByRole("listitem").filter({ hasText: "Strikkecafé i Nordparken" }).getByRole("link", { name: /Ret gruppen og opret møder/ }).click();
  await expect(host).toHaveURL(/\/netvaerk\/gruppe\/\d+\/vaert$/);
  await expect(host.getByRole("heading", { level: 1 })).toHaveText("Vært for gruppen");

  // Bad input: the message is by the field and what was typed stays.
  const post = host.getByRole("region", { name: "Opret et møde" });
  await waitForHydration(host);
  await post.getByLabel("Dato").fill(dateIn(10));
  await post.getByLabel("Klokkeslæt").fill("18:30");
  await post.getByLabel("Varighed i minutter").fill("60");
  await post.getByLabel("Sted").fill("Café Kanten");
  await post.getByLabel("Adresse").fill("Torvet 7");
  await post.getByLabel("Antal pladser").fill("0");
  await post.getByRole("button", { name: "Opret mødet" }).click();
  await expect(post.getByText("Skriv hvor mange der kan komme, mellem 1 og 500.").first()).toBeVisible();
  await expect(post.getByLabel("Antal pladser")).toHaveAttribute("aria-invalid", "true");
  await expect(post.getByLabel("Sted")).toHaveValue("Café Kanten");
  await expectNoAxeViolations(host, "the host's group page with an error");
  await post.getByLabel("Antal pladser").fill("2");
  await post.getByRole("button", { name: "Opret mødet" }).click();
  await expect(host).toHaveURL(/\/netvaerk\/moede\/\d+\/vaert\?svar=moede-oprettet$/);
  await expect(host.getByRole("status")).toContainText("Mødet er oprettet, og alle kan se det.");
  const meetupPath = new URL(host.url()).pathname.replace(/\/vaert$/, "");
  const hostPath = `${meetupPath}/vaert`;

  // Three citizens sign up; the first two choose a display name first.
  const citizens = [];
  for (const [name, shown] of [["Mikkel Andersen", "Mikkel"], ["Fatima Ali", "Fatima"], ["Peter Christensen", null]] as const) {
    const page = await (await browser.newContext({ viewport: PHONE })).newPage();
    await loginAs(page, name, "/netvaerk/mine");
    if (shown) {
      await waitForHydration(page);
      await page.getByLabel("Fornavn eller kaldenavn").fill(shown);
      await page.getByRole("button", { name: "Gem navnet" }).click();
      await expect(page.getByRole("status")).toContainText("Dit navn er gemt.");
      await expect(page.getByText(`Du bliver vist som: ${shown}`)).toBeVisible();
    }
    await page.goto(meetupPath);
    citizens.push(page);
  }
  const signUp = (p: typeof host) => p.getByRole("region", { name: "Vil du med?" });
  for (const page of citizens.slice(0, 2)) {
    await signUp(page).getByRole("button", { name: "Skriv mig på", exact: true }).click();
    await expect(page).toHaveURL(/svar=tilmeldt$/);
  }
  const third = citizens[2];
  await third.reload();
  await expect(third.locator("dl")).toContainText("Alle pladser er taget");
  await signUp(third).getByRole("button", { name: "Skriv mig på ventelisten" }).click();
  await expect(third).toHaveURL(/svar=venteliste$/);
  await expect(signUp(third)).toContainText("Du er nr. 1 på ventelisten.");

  // The host sees who is coming by the names they chose, nothing else.
  await host.goto(hostPath);
  const coming = host.getByRole("region", { name: "Hvem kommer" });
  await expect(coming).toContainText("Har en plads (2)");
  await expect(coming).toContainText("Mikkel");
  await expect(coming).toContainText("Fatima");
  await expect(coming).toContainText("På ventelisten (1)");
  await expect(coming).toContainText("uden navn");
  await expect(host.locator("main")).not.toContainText("Andersen");
  await expect(host.locator("main")).not.toContainText("Christensen");
  await waitForHydration(host);
  await expectNoAxeViolations(host, "the host's meetup page");

  // One cancels: the third moves up and is told.
  await signUp(citizens[0]).getByRole("button", { name: "Meld afbud" }).click();
  await expect(citizens[0]).toHaveURL(/svar=afmeldt$/);
  await third.goto("/beskeder");
  await expect(third.getByRole("main")).toContainText("Der er blevet en plads til dig på et møde, du ventede på.");
  await third.goto(meetupPath);
  await expect(signUp(third)).toContainText("Du er skrevet på. Vi glæder os til at se dig.");
  await third.goto("/netvaerk/mine");
  await expect(third.getByRole("region", { name: "Møder du er skrevet på" })).toContainText("Du er skrevet på.");

  // A message from the host reaches those signed up, on the meetup's page.
  await host.goto(hostPath);
  await waitForHydration(host);
  await host.getByLabel("Besked", { exact: true }).fill("Vi mødes ved bagindgangen.");
  await host.getByRole("button", { name: "Send beskeden" }).click();
  await expect(host.getByRole("status")).toContainText("Beskeden er sendt til alle, der er skrevet på.");
  await citizens[1].goto(meetupPath);
  await expect(citizens[1].getByRole("region", { name: "Beskeder fra værten" })).toContainText("Vi mødes ved bagindgangen.");
  await expectNoAxeViolations(citizens[1], "a meetup with a message, signed up");

  // The host cancels: everyone signed up is told.
  await host.getByRole("button", { name: "Aflys mødet" }).click();
  await expect(host.getByRole("status")).toContainText("Mødet er aflyst");
  await citizens[1].goto("/beskeder");
  await expect(citizens[1].getByRole("main")).toContainText("Et møde, du er skrevet på, er aflyst.");
  await citizens[1].goto(meetupPath);
  await expect(citizens[1].getByRole("alert").filter({ hasText: "Mødet er aflyst." })).toBeVisible();
});

test("a citizen is not let into a host's page, and a host creates a new group", async ({ page }) => {
  await loginAs(page, "Rasmus Sørensen", "/netvaerk/ny-gruppe");
  await expect(page.getByText("Kun gruppens værter kan se denne side.")).toBeVisible();
  await page.goto("/netvaerk/gruppe/1/vaert");
  await expect(page.getByText("Kun gruppens værter kan se denne side.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Opret et møde" })).toHaveCount(0);

  await loginAs(page, "Hanne Aziz", "/netvaerk/ny-gruppe");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Opret en netværksgruppe");
  await waitForHydration(page);
  await expectNoAxeViolations(page, "the new group form");
  await page.getByLabel("Gruppens navn").fill("Brætspilsaften");
  await page.getByLabel("Hvad laver I?").fill("Vi spiller brætspil og drikker te.");
  await page.getByLabel("Emne").fill("Hygge");
  await page.getByLabel("Område").fill("Centrum");
  await page.getByLabel("Mødes som regel").fill("Biblioteket");
  await page.getByRole("button", { name: "Opret gruppen" }).click();
  await expect(page).toHaveURL(/\/netvaerk\/gruppe\/\d+\/vaert\?svar=oprettet$/);
  await expect(page.getByRole("status")).toContainText("Gruppen er oprettet.");
  await page.goto("/netvaerk?emne=Hygge");
  await expect(page.getByRole("region", { name: "Grupperne" })).toContainText("Brætspilsaften");
  await expect(page.getByRole("region", { name: "Grupperne" })).toContainText("Hanne");
});
