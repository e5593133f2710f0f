import { expect, Page, test } from "@playwright/test";
import { expectNoAxeViolations, loginAs, PHONE, signedIn, waitForHydration } from "./helpers";

// SMS notices and reminders through the stand-in gateway (end2end/sms/
// gateway.mjs, started by playwright.config.ts): the code is read from what
// the gateway was sent. Mikkel Andersen (caseworker Jonas Lund) with
// JavaScript, Rasmus Sørensen without; nobody else's settings are touched.
// Whether a notice waits for the quiet hours depends on the clock, so the
// sending of notices and reminders is tested in Rust on a manual clock
// (notices/reminder_tests.rs, server/tests/api/sms.rs); a code goes at once.
const MESSAGES = `http://127.0.0.1:${process.env.E2E_GATEWAY_PORT ?? 3112}/messages`;

type Sms = { msisdn: string; message: string; userref: string };

/** Waits for the newest code SMS to `msisdn` (45 and 8 digits) after `before` had arrived, and returns its code. */
async function codeTo(msisdn: string, before: number): Promise<string> {
  let to: Sms[] = [];
  await expect
    .poll(async () => {
      const all: Sms[] = await (await fetch(MESSAGES)).json();
      to = all.filter((m) => m.msisdn === msisdn);
      return to.length;
    }, { timeout: 20_000 })
    .toBeGreaterThan(before);
  const text = to[to.length - 1].message;
  expect(text).toMatch(/^Din kode til Én Plan er \d{6}\. Den gælder i 15 minutter\.$/);
  return text.match(/\d{6}/)![0];
}

async function sentTo(msisdn: string): Promise<number> {
  const all: Sms[] = await (await fetch(MESSAGES)).json();
  return all.filter((m) => m.msisdn === msisdn).length;
}

function phoneField(page: Page) {
  return page.getByRole("textbox", { name: "Mobilnummer", exact: true });
}

/** A topic's box for one channel ("Mail" or "SMS"), inside the topic's group. */
function topicBox(page: Page, topic: RegExp, channel: "Mail" | "SMS") {
  return page.getByRole("group", { name: topic }).getByRole("checkbox", { name: channel, exact: true });
}

test("a citizen adds a mobile number with the code from the SMS and chooses SMS for reminders", async ({ browser }) => {
  // A number of its own each run, so the gateway's earlier messages do not count.
  const digits = `2${String(Date.now()).slice(-7)}`;
  const msisdn = `45${digits}`;
  const citizen = await signedIn(browser, "Mikkel Andersen", "/indstillinger");
  await waitForHydration(citizen);
  await expect(citizen.getByRole("heading", { name: "Dit mobilnummer" })).toBeVisible();

  // Not a Danish mobile number: said by the field, what was typed kept, nothing sent.
  await phoneField(citizen).fill("+46 70 123 45 67");
  await citizen.getByRole("button", { name: "Send kode i SMS" }).click();
  await expect(citizen.getByText("Skriv et dansk mobilnummer med 8 cifre, fx 20 30 40 50.").first()).toBeVisible();
  await expect(phoneField(citizen)).toHaveValue("+46 70 123 45 67");
  await expect(phoneField(citizen)).toHaveAttribute("aria-invalid", "true");
  expect(await sentTo(msisdn)).toBe(0);

  await phoneField(citizen).fill(`${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4, 6)} ${digits.slice(6)}`);
  await citizen.getByRole("button", { name: "Send kode i SMS" }).click();
  await expect(citizen).toHaveURL(/\/indstillinger\?svar=sms-kode-sendt#sms-kode$/);
  const code = await codeTo(msisdn, 0);
  await waitForHydration(citizen);
  await expectNoAxeViolations(citizen, "/indstillinger with an SMS code to type");
  await citizen.getByLabel("Koden fra SMS'en").fill(code);
  await citizen.getByRole("button", { name: "Bekræft" }).click();
  await expect(citizen).toHaveURL(/svar=mobil-bekraeftet$/);
  await expect(citizen.getByRole("status")).toContainText("Dit mobilnummer er bekræftet");
  await expect(citizen.getByRole("main")).toContainText(`Vi sender SMS til: +45 ${digits.slice(0, 2)} ${digits.slice(2, 4)}`);
  await waitForHydration(citizen);
  await expectNoAxeViolations(citizen, "/indstillinger with a mobile number");

  // SMS for reminders only; mail for everything stays as it was.
  const topics = [/Svar fra din sagsbehandler/, /Svar på dine mål/, /Aftaler og aktiviteter/, /Møder i netværksgrupper/, /Hjælpere/];
  for (const topic of topics) {
    await topicBox(citizen, topic, "SMS").uncheck();
  }
  await expect(topicBox(citizen, /Påmindelse dagen før/, "SMS")).toBeChecked();
  await citizen.getByRole("button", { name: "Gem valg" }).click();
  await expect(citizen.getByRole("status")).toContainText("Dine valg er gemt");
  for (const topic of topics) {
    await expect(topicBox(citizen, topic, "SMS")).not.toBeChecked();
    await expect(topicBox(citizen, topic, "Mail")).toBeChecked();
  }
  await expect(topicBox(citizen, /Påmindelse dagen før/, "SMS")).toBeChecked();
  await expect(citizen.getByRole("main")).toContainText("Vi sender ingen SMS mellem kl. 21 og 8");

  // His caseworker books a meeting a while ahead: a reminder by SMS waits
  // for the day before, as his data shows; the meeting's own notice is not
  // written for SMS (turned off).
  const cw = await signedIn(browser, "Jonas Lund", "/sagsbehandler/borgere");
  await cw.getByRole("link", { name: "Mikkel Andersen" }).click();
  await cw.getByText("Aftal et møde").click();
  const meeting = cw.locator("details", { hasText: "Aftal et møde" });
  await meeting.getByLabel("Dato").fill("2031-04-07");
  await meeting.getByLabel("Klokkeslæt").fill("10:30");
  await meeting.getByLabel("Varighed i minutter").fill("45");
  await meeting.getByLabel("Sted", { exact: true }).fill("Jobcentret");
  await meeting.getByLabel("Adresse").fill("Torvet 3");
  await meeting.getByLabel("Nej").check();
  await meeting.getByRole("button", { name: "Gem aftalen" }).click();
  await expect(cw).toHaveURL(/svar=gemt#aftaler$/);
  await citizen.goto("/mine-oplysninger");
  const notices = citizen.locator("details", { hasText: "Mails og SMS om nyt og påmindelser" });
  await notices.locator("summary").click();
  await expect(notices).toContainText("Påmindelse om en aftale");
  await expect(notices).toContainText("SMS");
  await expect(notices).not.toContainText("Jobcentret");

  // The number removed: no more SMS.
  await citizen.goto("/indstillinger");
  await citizen.getByRole("button", { name: "Fjern nummeret" }).click();
  await expect(citizen.getByRole("status")).toContainText("Nummeret er fjernet");
  await expect(citizen.getByRole("main")).toContainText("Du har ikke skrevet et mobilnummer");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false, viewport: PHONE });

  test("a mobile number is confirmed with plain form posts and SMS chosen per topic", async ({ page }) => {
    const digits = `3${String(Date.now()).slice(-7)}`;
    const msisdn = `45${digits}`;
    await loginAs(page, "Rasmus Sørensen", "/indstillinger");
    await phoneField(page).fill("1234");
    await page.getByRole("button", { name: "Send kode i SMS" }).click();
    await expect(page.getByText("Skriv et dansk mobilnummer med 8 cifre, fx 20 30 40 50.").first()).toBeVisible();
    await expect(phoneField(page)).toHaveValue("1234");

    await phoneField(page).fill(`+45${digits}`);
    await page.getByRole("button", { name: "Send kode i SMS" }).click();
    await expect(page.getByRole("status")).toContainText("Vi har sendt en kode i en SMS");
    // A double tap (the same number again at once) sends no second code.
    await page.getByRole("button", { name: "Send en ny kode" }).click();
    const code = await codeTo(msisdn, 0);
    expect(await sentTo(msisdn)).toBe(1);
    await page.getByLabel("Koden fra SMS'en").fill("12 3");
    await page.getByRole("button", { name: "Bekræft" }).click();
    await expect(page.getByText("Skriv de 6 cifre fra SMS'en.").first()).toBeVisible();
    await expect(page.getByLabel("Koden fra SMS'en")).toHaveValue("12 3");
    await page.getByLabel("Koden fra SMS'en").fill(code);
    await page.getByRole("button", { name: "Bekræft" }).click();
    await expect(page.getByRole("status")).toContainText("Dit mobilnummer er bekræftet");

    await topicBox(page, /Svar fra din sagsbehandler/, "SMS").uncheck();
    await topicBox(page, /Påmindelse dagen før/, "Mail").uncheck();
    await page.getByRole("button", { name: "Gem valg" }).click();
    await expect(page.getByRole("status")).toContainText("Dine valg er gemt");
    await expect(topicBox(page, /Svar fra din sagsbehandler/, "SMS")).not.toBeChecked();
    await expect(topicBox(page, /Svar fra din sagsbehandler/, "Mail")).toBeChecked();
    await expect(topicBox(page, /Påmindelse dagen før/, "Mail")).not.toBeChecked();
    await expect(topicBox(page, /Påmindelse dagen før/, "SMS")).toBeChecked();
    await page.getByRole("button", { name: "Fjern nummeret" }).click();
    await expect(page.getByRole("status")).toContainText("Nummeret er fjernet");
  });
});
