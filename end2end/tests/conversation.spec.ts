import { expect, Page, test } from "@playwright/test";
import { DESKTOP, expectNoAxeViolations, PHONE, signedIn, waitForHydration } from "./helpers";

// The conversation with the caseworker. With JavaScript: Mette Hansen and
// her caseworker Karin Holm (demo data: they have written before). Without
// it: Ida Madsen and her caseworker Amira Haddad, whom no other test uses.

const NOT_ALLOWED = "Det har du ikke adgang til.";

/** A photo as a phone's camera makes it: a JPEG drawn by the browser itself. */
async function photo(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement("canvas");
    canvas.width = 640;
    canvas.height = 480;
    const g = canvas.getContext("2d")!;
    g.fillStyle = "#f5f5ef";
    g.fillRect(0, 0, 640, 480);
    g.fillStyle = "#555";
    for (let y = 60; y < 420; y += 30) g.fillRect(40, y, 500, 8);
    return canvas.toDataURL("image/jpeg", 0.9);
  });
  return Buffer.from(dataUrl.split(",")[1], "base64");
}

/** The caseworker opens `citizen`'s waiting conversation from the inbox. */
async function openFromInbox(page: Page, citizen: string) {
  await page.goto("/sagsbehandler?type=beskeder");
  const item = page.getByRole("listitem").filter({ hasText: citizen }).filter({ hasText: "venter på svar" });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText("Har ventet: under en time");
  await item.getByRole("link", { name: "Åbn og svar" }).click();
  await expect(page).toHaveURL(/\/sagsbehandler\/borger\/\d+\/samtale$/);
}

test("Mette writes with a photo, Karin answers from her inbox, and Mette sees it read and the answer", async ({ browser }) => {
  test.setTimeout(60_000); // waits for the open page to ask for news (every 10 s)
  const words = `Kan vi flytte mødet på torsdag? ${Date.now().toString(36)}`;
  const mette = await signedIn(browser, "Mette Hansen", "/samtale");
  await waitForHydration(mette);
  await expect(mette.getByRole("heading", { level: 1 })).toHaveText("Skriv til din sagsbehandler");
  await expect(mette.getByRole("main")).toContainText("Her skriver du med Karin Holm.");
  // The demo's earlier message was read by Karin.
  await expect(mette.getByRole("listitem").filter({ hasText: "boligstøtte" })).toContainText("af Karin Holm");
  await expectNoAxeViolations(mette, "/samtale (phone)");
  await mette.setViewportSize(DESKTOP);
  await expectNoAxeViolations(mette, "/samtale (desktop)");
  await mette.setViewportSize(PHONE);

  // Checked in the browser before anything is sent.
  await expect(mette.locator("form[data-ready=true]")).toHaveCount(1);
  await mette.getByRole("button", { name: "Send besked" }).click();
  await expect(mette.getByRole("alert")).toContainText("Skriv noget her.");
  await expect(mette).toHaveURL(/\/samtale$/);

  // A file too large is named before anything is sent.
  const files = mette.getByLabel("Vedhæft filer (hvis du vil)");
  await files.setInputFiles({ name: "stor.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(11 * 1024 * 1024, 1) });
  await mette.getByLabel("Din besked").fill(words);
  await mette.getByRole("button", { name: "Send besked" }).click();
  await expect(mette.getByRole("alert")).toContainText("stor.jpg fylder mere end 10 MB.");
  await expect(mette.getByRole("listitem").filter({ hasText: words })).toHaveCount(0);

  // Sent with a photo without leaving the page; a double tap sends one
  // message (two clicks before anything can answer).
  await files.setInputFiles({ name: "regning.jpg", mimeType: "image/jpeg", buffer: await photo(mette) });
  await mette.getByRole("button", { name: "Send besked" }).evaluate((b: HTMLButtonElement) => {
    b.click();
    b.click();
  });
  const mine = mette.getByRole("listitem").filter({ hasText: words }).filter({ hasNotText: "Og en ting mere." });
  await expect(mine).toHaveCount(1);
  await expect(mine).toContainText("Ikke læst endnu");
  await expect(mine.getByRole("link", { name: "regning.jpg" })).toBeVisible();
  await expect(mine).toContainText("(Billede, ");
  await expect(mette).toHaveURL(/\/samtale$/);
  await expect(mette.getByLabel("Din besked")).toHaveValue("");
  expect(await files.evaluate((i: HTMLInputElement) => i.files?.length)).toBe(0);
  // The form has a fresh key: the next message is a new one.
  await mette.getByLabel("Din besked").fill(`Og en ting mere. ${words}`);
  await mette.getByRole("button", { name: "Send besked" }).click();
  await expect(mette.getByRole("listitem").filter({ hasText: "Og en ting mere." })).toHaveCount(1);
  await expect(mine).toHaveCount(1);
  await mette.reload();
  await expect(mette.getByRole("listitem").filter({ hasText: words })).toHaveCount(2);

  const karin = await signedIn(browser, "Karin Holm", "/sagsbehandler", true, DESKTOP);
  await openFromInbox(karin, "Mette Hansen");
  await expect(karin.getByRole("main")).toContainText(words);
  await expect(karin.getByRole("main")).toContainText("Venter på dig");
  await expectNoAxeViolations(karin, "/sagsbehandler/borger/:id/samtale (desktop)");
  await karin.setViewportSize(PHONE);
  await expectNoAxeViolations(karin, "/sagsbehandler/borger/:id/samtale (phone)");
  await karin.setViewportSize(DESKTOP);
  // She opens the photo: a download, with its name.
  const download = karin.waitForEvent("download");
  await karin.getByRole("listitem").filter({ hasText: words }).getByRole("link", { name: "regning.jpg" }).click();
  expect((await download).suggestedFilename()).toBe("regning.jpg");
  await karin.getByLabel("Din besked").fill("Ja, vi flytter til fredag kl. 10.");
  await karin.getByRole("button", { name: "Send svar" }).click();
  await expect(karin.getByRole("listitem").filter({ hasText: "Ja, vi flytter til fredag kl. 10." })).toContainText("Ikke læst endnu");
  await expect(karin).toHaveURL(/\/sagsbehandler\/borger\/\d+\/samtale$/);
  await karin.reload();
  await expect(karin.getByRole("main")).toContainText("Venter på borgeren");
  const thread = karin.url().split("?")[0];
  await karin.goto("/sagsbehandler?type=beskeder");
  await expect(karin.getByRole("listitem").filter({ hasText: "Mette Hansen" })).toHaveCount(0);

  // Jonas was Mette's caseworker before Karin: now he gets nothing.
  const jonas = await signedIn(browser, "Jonas Lund", "/sagsbehandler", true, DESKTOP);
  await jonas.goto(thread);
  await expect(jonas.getByRole("main")).toContainText(NOT_ALLOWED);
  await expect(jonas.getByRole("main")).not.toContainText(words);
  await expectNoAxeViolations(jonas, "/sagsbehandler/borger/:id/samtale (refused)");

  // Mette's page is still open: the answer appears there by itself (it asks every 10 s).
  const answer = mette.getByRole("listitem").filter({ hasText: "Ja, vi flytter til fredag kl. 10." });
  await expect(answer).toBeVisible({ timeout: 15_000 });
  await expect(answer).toContainText("Karin Holm");

  // She is told (the kind only), and the thread shows it read.
  await mette.goto("/beskeder");
  await expect(mette.getByRole("main")).toContainText("Du har fået svar fra din sagsbehandler.");
  const told = mette.getByRole("listitem").filter({ hasText: "Du har fået svar fra din sagsbehandler." });
  await expect(told).toHaveCount(1);
  await expect(told).not.toContainText("flytter");
  await mette.goto("/samtale");
  await expect(mine).toContainText(/Læst .* af Karin Holm/);
  await expect(answer).toContainText("Karin Holm");
  await expect(mette.getByRole("main")).toContainText("Din sagsbehandler har svaret dig.");
});

test("without JavaScript Ida writes, Amira answers, and a refused message keeps what was typed", async ({ browser }) => {
  const words = `Jeg er syg i dag og kan ikke komme. ${Date.now().toString(36)}`;
  const ida = await signedIn(browser, "Ida Madsen", "/samtale", false);
  await expect(ida.getByRole("main")).toContainText("Her skriver du med Amira Haddad.");
  await expect(ida.getByRole("main")).toContainText("Der er ingen beskeder endnu.");
  const tooLong = "x".repeat(4001);
  const files = ida.getByLabel("Vedhæft filer (hvis du vil)");
  await ida.getByLabel("Din besked").fill(tooLong);
  await files.setInputFiles({ name: "laegeerklaering.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\nIda\n%%EOF") });
  await ida.getByRole("button", { name: "Send besked" }).click();
  await expect(ida).toHaveURL(/\/samtale#besked$/);
  await expect(ida.getByText("Der er plads til 4000 tegn").first()).toBeVisible();
  await expect(ida.getByLabel("Din besked")).toHaveValue(tooLong);
  await expect(ida.getByText("Vælg filerne igen, hvis du vil sende dem med.").first()).toBeVisible();
  // A HEIC photo is refused by the type its content has, whatever it is called.
  await ida.getByLabel("Din besked").fill(words);
  await files.setInputFiles({ name: "IMG_0042.jpg", mimeType: "image/jpeg", buffer: Buffer.from("\0\0\0\x18ftypheic\0\0\0\0mif1heic") });
  await ida.getByRole("button", { name: "Send besked" }).click();
  await expect(ida).toHaveURL(/\/samtale#besked$/);
  await expect(ida.getByText("IMG_0042.jpg kan ikke sendes. Send den som PDF").first()).toBeVisible();
  await expect(ida.getByLabel("Din besked")).toHaveValue(words);
  await files.setInputFiles({ name: "laegeerklaering.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\nIda\n%%EOF") });
  await ida.getByRole("button", { name: "Send besked" }).click();
  await expect(ida).toHaveURL(/\/samtale\?svar=skrevet#besked-\d+$/);
  await expect(ida.getByRole("listitem").filter({ hasText: words })).toContainText("Ikke læst endnu");
  await expect(ida.getByRole("link", { name: "laegeerklaering.pdf" })).toBeVisible();

  const amira = await signedIn(browser, "Amira Haddad", "/sagsbehandler", false, DESKTOP);
  await openFromInbox(amira, "Ida Madsen");
  await expect(amira.getByRole("main")).toContainText(words);
  const download = amira.waitForEvent("download");
  await amira.getByRole("link", { name: "laegeerklaering.pdf" }).click();
  expect((await download).suggestedFilename()).toBe("laegeerklaering.pdf");
  await amira.getByLabel("Din besked").fill("God bedring. Jeg ringer i morgen og finder en ny tid.");
  await amira.getByRole("button", { name: "Send svar" }).click();
  await expect(amira).toHaveURL(/\/samtale\?svar=svaret#besked-\d+$/);
  await amira.getByRole("button", { name: "Markér samtalen som afsluttet" }).click();
  await expect(amira.getByRole("main")).toContainText("Afsluttet");

  await ida.goto("/samtale");
  await expect(ida.getByRole("listitem").filter({ hasText: words })).toContainText(/Læst .* af Amira Haddad/);
  await expect(ida.getByRole("main")).toContainText("God bedring.");
  await expect(ida.getByRole("main")).toContainText("Du kan altid skrive igen.");
});
