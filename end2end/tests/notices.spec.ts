import { expect, Page, test } from "@playwright/test";
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { expectNoAxeViolations, loginAs, PHONE, signedIn, waitForHydration } from "./helpers";

// E-mail notices through a real SMTP server (end2end/mail/smtp-sink.mjs,
// started by playwright.config.ts). Kasper Olsen (caseworker Amira Haddad)
// with JavaScript, Lars Pedersen without; nobody else's settings are touched.
const MAILS = `http://127.0.0.1:${process.env.E2E_MAILS_PORT ?? 3111}/mails`;
const ROOT = path.resolve(__dirname, "../..");

type Mail = { to: string[]; raw: string; tls: boolean };

async function mailsTo(address: string): Promise<Mail[]> {
  const all: Mail[] = await (await fetch(MAILS)).json();
  return all.filter((m) => m.to.includes(address));
}

/** Waits for the `n`-th mail to `address` and returns it. */
async function nthMail(address: string, n: number): Promise<Mail> {
  let mails: Mail[] = [];
  await expect.poll(async () => (mails = await mailsTo(address)).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(n);
  return mails[n - 1];
}

/** The six-digit code in a code mail (quoted-printable or plain). */
function codeIn(mail: Mail): string {
  const match = mail.raw.replace(/=\r\n/g, "").match(/\r\n {4}(\d{6})\r\n/);
  expect(match, mail.raw).not.toBeNull();
  return match![1];
}

/** The notices' grace and throttle periods of the portal under test (an admin command). */
function setNoticePeriods(grace: number, throttle: number) {
  execFileSync(
    path.join(ROOT, "target/debug/server"),
    ["admin", "set-notice-periods", "--grace-seconds", String(grace), "--throttle-seconds", String(throttle)],
    { env: { PATH: process.env.PATH ?? "", APP_DATABASE_URL: `sqlite://${process.env.E2E_DB_DIR}/e2e.db`, APP_LOG: "warn" } },
  );
}

/** The address field (the section around it is named "Din e-mailadresse" too). */
function emailField(page: Page) {
  return page.getByRole("textbox", { name: "E-mailadresse", exact: true });
}

/** Types an address and the code mailed to it. */
async function addAddress(page: Page, address: string) {
  await emailField(page).fill(address);
  await page.getByRole("button", { name: "Send kode", exact: true }).click();
  await expect(page).toHaveURL(/\/indstillinger\?svar=kode-sendt#kode$/);
  await expect(page.getByRole("status")).toContainText("Vi har sendt en kode");
  await expect(page.locator("#kode")).toContainText(address);
  return codeIn(await nthMail(address, 1));
}

test("a citizen adds an address, is told of a meeting by mail, and unsubscribes through the mail's link", async ({ browser }) => {
  const address = `kasper.${Date.now().toString(36)}@example.dk`;
  const citizen = await signedIn(browser, "Kasper Olsen", "/indstillinger");
  await expect(citizen.getByRole("heading", { level: 1 })).toHaveText("Indstillinger");
  await waitForHydration(citizen);
  await expectNoAxeViolations(citizen, "/indstillinger");

  // A malformed address: the message by the field, what was typed kept, nothing sent.
  await emailField(citizen).fill("kasper@@example");
  await citizen.getByRole("button", { name: "Send kode", exact: true }).click();
  await expect(citizen.getByText("Skriv en e-mailadresse som navn@eksempel.dk.").first()).toBeVisible();
  await expect(emailField(citizen)).toHaveValue("kasper@@example");
  await expect(emailField(citizen)).toHaveAttribute("aria-invalid", "true");

  const code = await addAddress(citizen, address);
  await waitForHydration(citizen);
  await expectNoAxeViolations(citizen, "/indstillinger with a code to type");
  const wrong = code === "123456" ? "654321" : "123456";
  await citizen.getByLabel("Koden fra mailen").fill(wrong);
  await citizen.getByRole("button", { name: "Bekræft" }).click();
  await expect(citizen.getByText(/Det er ikke den kode, vi sendte\. Du kan prøve 4 gang/).first()).toBeVisible();
  await expect(citizen.getByLabel("Koden fra mailen")).toHaveValue(wrong);
  await citizen.getByLabel("Koden fra mailen").fill(code);
  await citizen.getByRole("button", { name: "Bekræft" }).click();
  await expect(citizen).toHaveURL(/svar=bekraeftet$/);
  await expect(citizen.getByRole("status")).toContainText("Din e-mailadresse er bekræftet");
  await expect(citizen.getByRole("main")).toContainText(`Vi sender mails til: ${address}`);

  // Mails about network meetups only off: the other topics stay on.
  const mailBox = (topic: RegExp) => citizen.getByRole("group", { name: topic }).getByRole("checkbox", { name: "Mail", exact: true });
  await mailBox(/Møder i netværksgrupper/).uncheck();
  await citizen.getByRole("button", { name: "Gem valg" }).click();
  await expect(citizen.getByRole("status")).toContainText("Dine valg er gemt");
  await expect(mailBox(/Møder i netværksgrupper/)).not.toBeChecked();
  await expect(mailBox(/Aftaler og aktiviteter i din plan/)).toBeChecked();

  // The caseworker books a meeting; Kasper is not looking, so a mail goes out
  // after the grace period (a second here), with no word of the meeting.
  setNoticePeriods(1, 1);
  try {
    const stamp = Date.now().toString(36);
    const cw = await signedIn(browser, "Amira Haddad", "/sagsbehandler/borgere");
    await cw.getByRole("link", { name: "Kasper Olsen" }).click();
    await cw.getByText("Aftal et møde").click();
    const meeting = cw.locator("details", { hasText: "Aftal et møde" });
    await meeting.getByLabel("Dato").fill("2031-03-05");
    await meeting.getByLabel("Klokkeslæt").fill("10:30");
    await meeting.getByLabel("Varighed i minutter").fill("45");
    await meeting.getByLabel("Sted", { exact: true }).fill(`Misbrugscentret ${stamp}`);
    await meeting.getByLabel("Adresse").fill("Torvet 3");
    await meeting.getByLabel("Nej").check();
    await meeting.getByRole("button", { name: "Gem aftalen" }).click();
    await expect(cw).toHaveURL(/svar=gemt#aftaler$/);

    const notice = await nthMail(address, 2);
    expect(notice.tls).toBe(true);
    expect(notice.raw).not.toContain(stamp);
    expect(notice.raw).not.toContain("Misbrugscentret");
    expect(notice.raw).not.toContain("Amira");
    expect(notice.raw).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    const link = notice.raw.match(/List-Unsubscribe: <([^>]+)>/)![1];
    expect(link).toMatch(/\/afmeld\/\d+\.[0-9a-f]{32}$/);

    // The link opens a page with one button (a mail scanner following it does nothing).
    const anyone = await (await browser.newContext({ viewport: PHONE })).newPage();
    await anyone.goto(new URL(link).pathname);
    await expect(anyone.getByRole("heading", { level: 1 })).toHaveText("Afmeld mails fra Én Plan");
    await waitForHydration(anyone);
    await expectNoAxeViolations(anyone, "/afmeld/:token");
    await citizen.reload();
    await expect(citizen.getByRole("main")).toContainText("Du får mails, når der er nyt.");
    await anyone.getByRole("button", { name: "Afmeld" }).click();
    await expect(anyone.getByRole("status")).toContainText("Du er afmeldt");
    await expectNoAxeViolations(anyone, "/afmeld/:token after unsubscribing");
    await citizen.reload();
    await expect(citizen.getByRole("main")).toContainText("Du har afmeldt alle mails.");
    await citizen.getByRole("button", { name: "Tilmeld mails igen" }).click();
    await expect(citizen.getByRole("status")).toContainText("Du får mails igen");
  } finally {
    setNoticePeriods(900, 10800);
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false, viewport: PHONE });

  test("an address is confirmed with plain form posts, a wrong code said by the field", async ({ page }) => {
    const address = `lars.${Date.now().toString(36)}@example.dk`;
    await loginAs(page, "Lars Pedersen", "/indstillinger");
    await emailField(page).fill("lars at example.dk");
    await page.getByRole("button", { name: "Send kode", exact: true }).click();
    await expect(page).toHaveURL(/\/indstillinger$/);
    await expect(page.getByText("Skriv en e-mailadresse som navn@eksempel.dk.").first()).toBeVisible();
    await expect(emailField(page)).toHaveValue("lars at example.dk");

    const code = await addAddress(page, address);
    await page.getByLabel("Koden fra mailen").fill("12 34");
    await page.getByRole("button", { name: "Bekræft" }).click();
    await expect(page.getByText("Skriv de 6 cifre fra mailen.").first()).toBeVisible();
    await expect(page.getByLabel("Koden fra mailen")).toHaveValue("12 34");
    await page.getByLabel("Koden fra mailen").fill(code);
    await page.getByRole("button", { name: "Bekræft" }).click();
    await expect(page.getByRole("status")).toContainText("Din e-mailadresse er bekræftet");
    await expect(page.getByRole("main")).toContainText(`Vi sender mails til: ${address}`);
    await page.getByRole("button", { name: "Fjern adressen" }).click();
    await expect(page.getByRole("status")).toContainText("Adressen er fjernet");
    await expect(page.getByRole("main")).toContainText("Du har ikke skrevet en e-mailadresse");
  });
});
