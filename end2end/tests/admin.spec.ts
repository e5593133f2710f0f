import { expect, test } from "@playwright/test";
import { expectNoAxeViolationsOnBoth as axe, signedIn, waitForHydration } from "./helpers";

// The municipality's side, on Lars Pedersen (no other browser test looks at
// his caseworker). With JavaScript, Ulla (admin) creates a caseworker, Sara
// Møller, gives her outreach hours, finds Lars and hands him from Karin Holm
// to Sara: Lars sees Sara, her hours and the message, Karin no longer opens
// his plan, Sara has a "ny borger" item. Without JavaScript, Sara hands her
// new citizen back to Karin, who then finds him in her inbox.

const NOTE = "Lars bor hos sin søster indtil videre. Han foretrækker møder om formiddagen.";
const MESSAGE = "Hej Lars. Karin har fået nye opgaver, så fra i dag er Sara Møller din sagsbehandler. Hun ringer til dig i denne uge.";

test("Ulla creates Sara, gives her outreach hours and hands Lars from Karin to her; Lars is told, Karin loses access", async ({ browser }) => {
  test.setTimeout(180_000); // five people, a dozen pages, each checked by axe twice
  const ulla = await signedIn(browser, "Ulla Administrator", "/admin");
  await expect(ulla.getByRole("heading", { level: 1 })).toHaveText("Administration");
  await waitForHydration(ulla);
  await axe(ulla, "/admin");

  // A new caseworker: a missing title is said by the field, in the browser.
  await ulla.getByRole("link", { name: "Opret en sagsbehandler" }).click();
  await expect(ulla).toHaveURL(/\/admin\/ny-sagsbehandler$/);
  await waitForHydration(ulla);
  await expect(ulla.locator("form[data-ready=true]")).toHaveCount(1);
  await axe(ulla, "/admin/ny-sagsbehandler");
  await ulla.getByLabel("Fulde navn").fill("Sara Møller");
  await ulla.getByLabel("Stilling").fill("");
  await ulla.getByLabel("Sådan kan borgerne fange dig").fill("Ring hverdage kl. 9–12. Skriv i Én Plan når som helst.");
  await ulla.getByRole("button", { name: "Opret sagsbehandleren" }).click();
  await expect(ulla.getByRole("main")).toContainText("Skriv noget");
  await expect(ulla.getByLabel("Fulde navn")).toHaveValue("Sara Møller");
  await ulla.getByLabel("Stilling").fill("Tovholder");
  await ulla.getByRole("button", { name: "Opret sagsbehandleren" }).click();
  await expect(ulla).toHaveURL(/\/admin\/person\/\d+\?svar=oprettet-sagsbehandler$/);
  await expect(ulla.getByRole("status")).toContainText("Sagsbehandleren er oprettet.");
  await expect(ulla.getByRole("main")).toContainText("Sara Møller");
  await waitForHydration(ulla);
  await axe(ulla, "/admin/person/:id");

  // Outreach hours: the end before the start, then an overlap, are said by the field.
  const hours = ulla.getByRole("region", { name: "Fremskudt sagsbehandling" });
  const addHours = async (day: string, from: string, to: string) => {
    await hours.getByRole("radio", { name: day }).check();
    await hours.getByLabel("Fra kl.").fill(from);
    await hours.getByLabel("Til kl.").fill(to);
    await hours.getByLabel("Sted").fill("Biblioteket");
    await hours.getByLabel("Adresse").fill("Torvet 1, 9999 Demoby");
    await hours.getByRole("button", { name: "Tilføj tiden" }).click();
  };
  await addHours("Tirsdag", "12:00", "10:00");
  await expect(hours).toContainText("Sluttidspunktet skal ligge efter starttidspunktet.");
  await addHours("Tirsdag", "10:00", "12:00");
  await expect(ulla).toHaveURL(/svar=tid-tilfoejet#tider$/);
  await expect(hours).toContainText("tirsdag kl. 10.00–12.00 · Biblioteket");
  await addHours("Tirsdag", "11:00", "13:00");
  await expect(hours).toContainText("Tiden overlapper med tirsdag kl. 10.00–12.00, Biblioteket. Vælg en anden tid.");
  await axe(ulla, "/admin/person/:id with errors");

  // Lars, found by name, handed from Karin to Sara.
  await ulla.goto("/admin");
  await ulla.getByLabel("Søg efter navn").fill("Lars");
  await ulla.getByRole("button", { name: "Søg" }).click();
  await expect(ulla).toHaveURL(/\/admin\?navn=Lars$/);
  const lars = ulla.getByRole("listitem").filter({ hasText: "Lars Pedersen" });
  await expect(lars).toContainText("Sagsbehandler: Karin Holm");
  await axe(ulla, "/admin?navn=");
  await lars.getByRole("link", { name: "Overdrag" }).click();
  await expect(ulla).toHaveURL(/\/admin\/borger\/\d+\/overdrag$/);
  const larsId = ulla.url().match(/borger\/(\d+)\//)![1];
  await expect(ulla.getByRole("heading", { level: 1 })).toHaveText("Overdrag borgeren til en kollega");
  await expect(ulla.getByRole("main")).toContainText("Sagsbehandler nu: Karin Holm");
  await waitForHydration(ulla);
  await expect(ulla.locator("form[data-ready=true]")).toHaveCount(1);
  await axe(ulla, "/admin/borger/:id/overdrag");

  // Nothing chosen or written: said by each field, in the browser.
  await ulla.getByRole("button", { name: "Overdrag borgeren" }).click();
  await expect(ulla.getByRole("main")).toContainText("Vælg den kollega, borgeren skal have som sagsbehandler.");
  await expect(ulla.getByRole("main")).toContainText("Skriv en besked til borgeren om skiftet");
  await axe(ulla, "/admin/borger/:id/overdrag with errors");

  await ulla.getByRole("radio", { name: "Sara Møller – 0 borgere" }).check();
  await ulla.getByLabel("Note til den nye sagsbehandler").fill(NOTE);
  await ulla.getByLabel("Besked til borgeren").fill(MESSAGE);
  await ulla.getByRole("button", { name: "Overdrag borgeren" }).click();
  await expect(ulla).toHaveURL(/\/admin\?svar=overdraget$/);
  await expect(ulla.getByRole("status")).toContainText("Borgeren er overdraget.");

  await ulla.goto("/admin/log");
  await expect(ulla.getByRole("heading", { level: 1 })).toHaveText("Administrationslog");
  const line = ulla.getByRole("listitem").first();
  await expect(line).toContainText("Ny sagsbehandler: Lars Pedersen");
  await expect(line).toContainText("Før: Karin Holm → Efter: Sara Møller");
  await expect(line).toContainText("Hvem Ulla Administrator");
  await expect(ulla.getByRole("main")).toContainText("Fast tid tilføjet: Sara Møller");
  await expect(ulla.getByRole("main")).toContainText("Ny sagsbehandler oprettet: Sara Møller");
  await waitForHydration(ulla);
  await axe(ulla, "/admin/log");

  // Lars: a notification, and on "Min sagsbehandler" Sara, her outreach hours and the message.
  const citizen = await signedIn(browser, "Lars Pedersen", "/beskeder");
  await expect(citizen.getByRole("main")).toContainText("Du har fået en ny sagsbehandler. Se hvem, og læs beskeden.");
  await citizen.getByRole("listitem").filter({ hasText: "Du har fået en ny sagsbehandler" }).getByRole("link", { name: "Se det" }).click();
  await expect(citizen).toHaveURL(/\/min-sagsbehandler#skiftet$/);
  const changed = citizen.getByRole("region", { name: "Du har fået en ny sagsbehandler" });
  await expect(changed).toContainText("Sara Møller er din sagsbehandler fra");
  await expect(changed).toContainText(MESSAGE);
  await expect(citizen.getByRole("main")).toContainText("Biblioteket");
  await expect(citizen.getByRole("main")).toContainText("Ring hverdage kl. 9–12.");
  await expect(citizen.getByRole("main")).not.toContainText(NOTE);
  await waitForHydration(citizen);
  await axe(citizen, "/min-sagsbehandler after a change");

  // Karin no longer opens his plan.
  const karin = await signedIn(browser, "Karin Holm", "/sagsbehandler/borgere");
  await expect(karin.getByRole("main")).not.toContainText("Lars Pedersen");
  const res = await karin.goto(`/sagsbehandler/borger/${larsId}`);
  expect(res?.status()).toBe(403);
  await expect(karin.getByRole("main")).not.toContainText("Finde en bolig");

  // Sara (her first login links her): the "ny borger" item with the note; opening the plan ends it.
  const sara = await signedIn(browser, "Sara Møller", "/sagsbehandler");
  const item = sara.getByRole("region", { name: "Nye borgere" }).getByRole("listitem").filter({ hasText: "Lars Pedersen" });
  await expect(item).toContainText("Overdraget fra Karin Holm");
  await expect(item).toContainText(NOTE);
  await waitForHydration(sara);
  await axe(sara, "/sagsbehandler with a new citizen");
  await item.getByRole("link", { name: "Åbn borgerens plan" }).click();
  await expect(sara).toHaveURL(new RegExp(`/sagsbehandler/borger/${larsId}$`));
  await expect(sara.getByRole("heading", { level: 1 })).toHaveText("Lars Pedersen");
  // Her own citizen: she may hand him on (axe here; the journey without JavaScript is below).
  await sara.getByRole("link", { name: "Overdrag borgeren til en kollega" }).click();
  await expect(sara).toHaveURL(new RegExp(`/sagsbehandler/borger/${larsId}/overdrag$`));
  await waitForHydration(sara);
  await axe(sara, "/sagsbehandler/borger/:id/overdrag");
  await sara.goto("/sagsbehandler");
  await expect(sara.getByRole("region", { name: "Nye borgere" })).toHaveCount(0);
});

test("without JavaScript, Sara hands Lars back to Karin; a missing message is said by the field", async ({ browser }) => {
  test.setTimeout(120_000);
  // (axe needs JavaScript in the page: these pages are checked in the journey above.)
  const sara = await signedIn(browser, "Sara Møller", "/sagsbehandler/borgere", false);
  await sara.getByRole("link", { name: "Lars Pedersen" }).click();
  await sara.getByRole("link", { name: "Overdrag borgeren til en kollega" }).click();
  await expect(sara).toHaveURL(/\/sagsbehandler\/borger\/\d+\/overdrag$/);
  await expect(sara.getByRole("main")).toContainText("Sagsbehandler nu: Sara Møller");

  const back = "Karin kender Lars og hans sag. Han vil gerne blive hos hende.";
  await sara.getByRole("radio", { name: /^Karin Holm – \d+ borgere/ }).check();
  await sara.getByLabel("Note til den nye sagsbehandler").fill(back);
  await sara.getByRole("button", { name: "Overdrag borgeren" }).click();
  // The server refused it: the message by the field, what was typed and chosen kept.
  await expect(sara).toHaveURL(/\/sagsbehandler\/borger\/\d+\/overdrag$/);
  await expect(sara.getByRole("main")).toContainText("Skriv en besked til borgeren om skiftet");
  await expect(sara.getByLabel("Note til den nye sagsbehandler")).toHaveValue(back);
  await expect(sara.getByRole("radio", { name: /^Karin Holm/ })).toBeChecked();

  await sara.getByLabel("Besked til borgeren").fill("Hej Lars. Du får Karin Holm som sagsbehandler igen fra i dag.");
  await sara.getByRole("button", { name: "Overdrag borgeren" }).click();
  await expect(sara).toHaveURL(/\/sagsbehandler\/borgere\?svar=overdraget$/);
  await expect(sara.getByRole("status")).toContainText("Borgeren er overdraget.");
  await expect(sara.getByRole("main")).not.toContainText("Lars Pedersen");

  // Karin has him back, with a "ny borger" item; opening his plan ends it.
  const karin = await signedIn(browser, "Karin Holm", "/sagsbehandler", false);
  const item = karin.getByRole("region", { name: "Nye borgere" }).getByRole("listitem").filter({ hasText: "Lars Pedersen" });
  await expect(item).toContainText("Overdraget fra Sara Møller");
  await expect(item).toContainText(back);
  await item.getByRole("link", { name: "Åbn borgerens plan" }).click();
  await expect(karin.getByRole("heading", { level: 1 })).toHaveText("Lars Pedersen");
});

test("a caseworker and a citizen are told plainly that the admin pages are for admins", async ({ browser }) => {
  for (const name of ["Karin Holm", "Mette Hansen"]) {
    const page = await signedIn(browser, name, "/min-plan", false);
    for (const path of ["/admin", "/admin/log", "/admin/indstillinger"]) {
      const res = await page.goto(path);
      expect(res?.status()).toBe(403);
      await expect(page.getByRole("main")).toContainText("Denne side er for kommunens administratorer.");
    }
  }
});

/** A Copenhagen date `days` from today, as a date field takes it ("2026-12-01"). */
function day(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Copenhagen" }).format(d);
}

test("Karin chooses who stands in for her from tomorrow; the stand-in is refused before, Lars sees who will cover", async ({ browser }) => {
  test.setTimeout(180_000);
  const karin = await signedIn(browser, "Karin Holm", "/sagsbehandler/borgere");
  await karin.getByRole("link", { name: "Lars Pedersen" }).click();
  await karin.getByRole("link", { name: "Stedfortræder", exact: true }).click();
  await expect(karin).toHaveURL(/\/sagsbehandler\/borger\/\d+\/stedfortraeder$/);
  const larsId = karin.url().match(/borger\/(\d+)\//)![1];
  await expect(karin.getByRole("heading", { level: 1 })).toHaveText("Stedfortræder for sagsbehandleren");
  const now = karin.getByRole("region", { name: "Stedfortræder nu" });
  await expect(now).toContainText("Amira Haddad");
  await expect(now).toContainText("indtil videre");
  await waitForHydration(karin);
  await expect(karin.locator("form[data-ready=true]")).toHaveCount(1);
  await axe(karin, "/sagsbehandler/borger/:id/stedfortraeder");

  // A last day before the first: said by the field, in the browser.
  await karin.getByRole("radio", { name: /^Jonas Lund – \d+ borgere/ }).check();
  await karin.getByLabel("Første dag").fill(day(2));
  await karin.getByLabel("Sidste dag (kan være tom)").fill(day(1));
  await karin.getByRole("button", { name: "Gem stedfortræderen" }).click();
  await expect(karin.getByRole("main")).toContainText("Den sidste dag kan ikke ligge før den første dag.");
  await axe(karin, "/sagsbehandler/borger/:id/stedfortraeder with errors");

  // From tomorrow, until further notice: Amira's cover ends now.
  await karin.getByLabel("Første dag").fill(day(1));
  await karin.getByLabel("Sidste dag (kan være tom)").fill("");
  await karin.getByRole("button", { name: "Gem stedfortræderen" }).click();
  await expect(karin).toHaveURL(/stedfortraeder\?svar=stedfortraeder-gemt$/);
  await expect(karin.getByRole("status")).toContainText("Stedfortræderen er gemt.");
  const coming = karin.getByRole("region", { name: "Kommende stedfortræder" });
  await expect(coming).toContainText("Jonas Lund");
  await expect(coming).toContainText("indtil videre");

  // Neither stand-in opens his plan today: Amira's cover has ended, Jonas's has not begun.
  for (const name of ["Amira Haddad", "Jonas Lund"]) {
    const standin = await signedIn(browser, name, "/sagsbehandler/borgere", false);
    await expect(standin.getByRole("main")).not.toContainText("Lars Pedersen");
    const res = await standin.goto(`/sagsbehandler/borger/${larsId}`);
    expect(res?.status(), name).toBe(403);
  }

  // Lars sees who will stand in, and from when; no stand-in card today.
  const lars = await signedIn(browser, "Lars Pedersen", "/min-sagsbehandler");
  const away = lars.getByRole("region", { name: "Når din sagsbehandler er væk" });
  await expect(away).toContainText("Jonas Lund er stedfortræder fra");
  await expect(away).not.toContainText("Amira Haddad");
  await waitForHydration(lars);
  await axe(lars, "/min-sagsbehandler with a coming stand-in");

  // The admin log has it; Karin ends it.
  const ulla = await signedIn(browser, "Ulla Administrator", "/admin/log");
  const line = ulla.getByRole("listitem").first();
  await expect(line).toContainText("Stedfortræder valgt: Lars Pedersen");
  await expect(line).toContainText("Jonas Lund");
  await expect(line).toContainText("Hvem Karin Holm");
  // The admin's own way to the same page (from the person page); axe on it.
  await ulla.goto(`/admin/person/${larsId}`);
  await ulla.getByRole("link", { name: "Stedfortræder", exact: true }).click();
  await expect(ulla).toHaveURL(new RegExp(`/admin/borger/${larsId}/stedfortraeder$`));
  await expect(ulla.getByRole("region", { name: "Kommende stedfortræder" })).toContainText("Jonas Lund");
  await waitForHydration(ulla);
  await axe(ulla, "/admin/borger/:id/stedfortraeder");
  await karin.getByRole("button", { name: "Afslut dækningen nu" }).click();
  await expect(karin.getByRole("status")).toContainText("Dækningen er afsluttet.");
  await expect(karin.getByRole("region", { name: "Stedfortræder nu" })).toContainText("Ingen stedfortræder lige nu.");
});

test("without JavaScript, Karin gives Amira a week from today; a day past is said by the field; Amira opens the plan", async ({ browser }) => {
  test.setTimeout(120_000);
  const karin = await signedIn(browser, "Karin Holm", "/sagsbehandler/borgere", false);
  await karin.getByRole("link", { name: "Lars Pedersen" }).click();
  const larsId = karin.url().match(/borger\/(\d+)/)![1];
  await karin.getByRole("link", { name: "Stedfortræder", exact: true }).click();
  await karin.getByRole("radio", { name: /^Amira Haddad – \d+ borger/ }).check();
  await karin.getByLabel("Første dag").fill("2020-01-01");
  await karin.getByRole("button", { name: "Gem stedfortræderen" }).click();
  await expect(karin.getByRole("main")).toContainText("Datoen er passeret. Vælg i dag eller en senere dato.");
  await expect(karin.getByLabel("Første dag")).toHaveValue("2020-01-01");
  await expect(karin.getByRole("radio", { name: /^Amira Haddad/ })).toBeChecked();

  await karin.getByLabel("Første dag").fill(day(0));
  await karin.getByLabel("Sidste dag (kan være tom)").fill(day(7));
  await karin.getByRole("button", { name: "Gem stedfortræderen" }).click();
  await expect(karin.getByRole("status")).toContainText("Stedfortræderen er gemt.");
  await expect(karin.getByRole("region", { name: "Stedfortræder nu" })).toContainText("Amira Haddad");
  await expect(karin.getByRole("region", { name: "Stedfortræder nu" })).toContainText("til og med");

  const amira = await signedIn(browser, "Amira Haddad", "/sagsbehandler/borgere", false);
  await expect(amira.getByRole("main")).toContainText("Lars Pedersen");
  const res = await amira.goto(`/sagsbehandler/borger/${larsId}`);
  expect(res?.status()).toBe(200);
  const lars = await signedIn(browser, "Lars Pedersen", "/min-sagsbehandler", false);
  const away = lars.getByRole("region", { name: "Når din sagsbehandler er væk" });
  await expect(away).toContainText("Dækker til og med");
  await expect(away).toContainText("Amira Haddad");
});

test("Ulla changes a setting: refusals by the field, the change in the admin log; without JavaScript too", async ({ browser }) => {
  test.setTimeout(120_000);
  const ulla = await signedIn(browser, "Ulla Administrator", "/admin");
  await ulla.getByRole("link", { name: "Indstillinger" }).click();
  await expect(ulla).toHaveURL(/\/admin\/indstillinger$/);
  await expect(ulla.getByRole("heading", { level: 1 })).toHaveText("Indstillinger");
  await waitForHydration(ulla);
  await expect(ulla.locator("form[data-ready=true]")).toHaveCount(1);
  await axe(ulla, "/admin/indstillinger");
  await expect(ulla.getByLabel("Loft for et personligt budget (kr.)")).toHaveValue("50.000,00");
  const soft = ulla.getByLabel("Borgere pr. sagsbehandler: advarsel");
  await soft.fill("50");
  await ulla.getByRole("button", { name: "Gem indstillingerne" }).click();
  await expect(ulla.getByRole("main")).toContainText("Grænsen for en advarsel kan ikke være højere");
  await axe(ulla, "/admin/indstillinger with errors");
  await soft.fill("25");
  await ulla.getByRole("button", { name: "Gem indstillingerne" }).click();
  await expect(ulla).toHaveURL(/\/admin\/indstillinger\?svar=indstillinger-gemt$/);
  await expect(ulla.getByRole("status")).toContainText("Indstillingerne er gemt.");
  await expect(soft).toHaveValue("25");
  await ulla.goto("/admin/log");
  const line = ulla.getByRole("listitem").first();
  await expect(line).toContainText("Borgere pr. sagsbehandler: advarsel");
  await expect(line).toContainText("Før: 30 → Efter: 25");

  // Without JavaScript: the server refuses by the field and keeps what was typed; then it is put back.
  const plain = await signedIn(browser, "Ulla Administrator", "/admin/indstillinger", false);
  await plain.getByLabel("Forslag til mål pr. time").fill("0");
  await plain.getByLabel("Borgere pr. sagsbehandler: advarsel").fill("30");
  await plain.getByRole("button", { name: "Gem indstillingerne" }).click();
  await expect(plain.getByRole("main")).toContainText("Skriv et helt tal fra 1 til 1000.");
  await expect(plain.getByLabel("Forslag til mål pr. time")).toHaveValue("0");
  await expect(plain.getByLabel("Borgere pr. sagsbehandler: advarsel")).toHaveValue("30");
  await plain.getByLabel("Forslag til mål pr. time").fill("10");
  await plain.getByRole("button", { name: "Gem indstillingerne" }).click();
  await expect(plain.getByRole("status")).toContainText("Indstillingerne er gemt.");
  await expect(plain.getByLabel("Borgere pr. sagsbehandler: advarsel")).toHaveValue("30");
});

test("Ulla finds Lars by his CPR number (posted, never in the address); he sees the search in his log", async ({ browser }) => {
  test.setTimeout(120_000);
  const ulla = await signedIn(browser, "Ulla Administrator", "/admin");
  await waitForHydration(ulla);
  await expect(ulla.locator("form[data-ready=true]")).toHaveCount(1);
  const cpr = ulla.getByLabel("CPR-nummer", { exact: true });
  await cpr.fill("12345");
  await ulla.getByRole("button", { name: "Find borgeren" }).click();
  await expect(ulla.getByRole("main")).toContainText("Skriv CPR-nummeret med 10 cifre");
  await cpr.fill("0413721004");
  await ulla.getByRole("button", { name: "Find borgeren" }).click();
  await expect(ulla).toHaveURL(/\/admin\/person\/\d+$/);
  expect(ulla.url()).not.toContain("0413721004");
  await expect(ulla.getByRole("main")).toContainText("Lars Pedersen");

  const plain = await signedIn(browser, "Ulla Administrator", "/admin", false);
  await plain.getByLabel("CPR-nummer", { exact: true }).fill("010101-0000");
  await plain.getByRole("button", { name: "Find borgeren" }).click();
  await expect(plain.getByRole("main")).toContainText("Der er ingen borger med det CPR-nummer i Én Plan.");
  expect(plain.url()).not.toContain("010101");

  const lars = await signedIn(browser, "Lars Pedersen", "/hvem-har-set", false);
  const seen = lars.getByRole("listitem").filter({ hasText: "Fandt dig ved en søgning på dit CPR-nummer" });
  await expect(seen.first()).toContainText("Ulla Administrator");
});
