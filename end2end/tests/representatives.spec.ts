import { Page, expect, test } from "@playwright/test";
import { expectNoAxeViolationsOnBoth as axe, signedIn, waitForHydration } from "./helpers";

// A helper at the citizen's side. Mette Hansen makes Ole Berg (a demo helper:
// a CPR number, no plan) her fuldmægtig; he logs in with his own identity,
// redeems the code, sees her plan and asks for money for her; she ends it and
// his next click lands on "Adgangen er ophørt". Without JavaScript, Line Larsen
// makes him her bisidder (to see only), and a request for money is refused.

/** The citizen, on /fuldmagt, makes a code for the boxes `scopes`; the code as shown once. */
async function makeCode(page: Page, kind: "Fuldmægtig" | "Bisidder", scopes: string[], js: boolean): Promise<string> {
  const form = page.getByRole("region", { name: "Giv en person adgang" });
  if (js) {
    await waitForHydration(page);
    await expect(page.locator("form[data-ready=true]")).toHaveCount(1);
  }
  await form.getByRole("radio", { name: new RegExp(`^${kind}`) }).check();
  for (const s of scopes) await form.getByRole("checkbox", { name: s }).check();
  await form.getByRole("button", { name: "Lav en kode" }).click();
  await expect(page).toHaveURL(/\/fuldmagt\?svar=kode#ny-kode$/);
  const code = (await page.getByTestId("invitation-code").textContent())?.trim() ?? "";
  expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
  return code;
}

/** The helper enters `code` at /fuldmagt/modtag (already open). */
async function redeem(page: Page, code: string) {
  await page.getByLabel("Koden").fill(code);
  await page.getByRole("button", { name: "Brug koden" }).click();
}

test("Mette makes Ole her fuldmægtig; he sees her plan and asks for money for her; she ends it", async ({ browser }) => {
  const mette = await signedIn(browser, "Mette Hansen", "/min-plan");
  await expect(mette.getByRole("navigation").locator('a[href="/fuldmagt"]').first()).toHaveText("Hjælpere");
  await mette.goto("/fuldmagt");
  await expect(mette.getByRole("heading", { level: 1 })).toHaveText("Hjælpere og fuldmagt");
  await expect(mette.getByRole("main")).toContainText("Ingen har adgang til at hjælpe dig lige nu.");
  await waitForHydration(mette);
  await axe(mette, "/fuldmagt");

  // A bisidder cannot be given money: said by the box, in the browser, what was ticked kept.
  const form = mette.getByRole("region", { name: "Giv en person adgang" });
  await form.getByRole("radio", { name: /^Bisidder/ }).check();
  const money = form.getByRole("checkbox", { name: "Bede om penge og klage over afgørelser (kun fuldmægtig)" });
  await money.check();
  await form.getByRole("button", { name: "Lav en kode" }).click();
  await expect(form).toContainText("En bisidder kan ikke bede om penge eller klage for dig.");
  await expect(money).toBeChecked();
  await expect(mette).toHaveURL(/\/fuldmagt$/);
  await axe(mette, "/fuldmagt with an error");
  await money.uncheck();

  const code = await makeCode(
    mette,
    "Fuldmægtig",
    ["Se min plan, mine afgørelser, mit budget og alt, hvad der er registreret om mig", "Bede om penge og klage over afgørelser (kun fuldmægtig)"],
    true,
  );
  await expect(mette.getByRole("main")).toContainText("Venter på, at personen skriver koden");
  await axe(mette, "/fuldmagt with a new code");

  // Ole logs in as himself and enters the code.
  const ole = await signedIn(browser, "Ole Berg", "/fuldmagt/modtag");
  await expect(ole.getByRole("heading", { level: 1 })).toHaveText("Jeg har fået en kode");
  await waitForHydration(ole);
  await axe(ole, "/fuldmagt/modtag");
  await redeem(ole, "ABCDE-FGHJK-MNPQR");
  await expect(ole.getByRole("main")).toContainText("Koden virker ikke.");
  await expect(ole.getByLabel("Koden")).toHaveValue("ABCDE-FGHJK-MNPQR");
  await axe(ole, "/fuldmagt/modtag with an error");
  await redeem(ole, code.toLowerCase().replace(/-/g, " "));
  await expect(ole).toHaveURL(/\/min-plan\?svar=adgang-modtaget$/);
  await expect(ole.getByRole("banner")).toContainText("Du handler for Mette Hansen");
  await expect(ole.getByRole("main")).toContainText("Du ser planen for Mette Hansen");
  await expect(ole.getByRole("main")).toContainText("Komme i praktik i en børnehave");
  await expect(ole.getByRole("main")).not.toContainText("011385-1001");
  await waitForHydration(ole);
  await axe(ole, "/min-plan acting for Mette");

  // He asks for money for her, within what she gave him.
  await ole.goto("/budget/ansoeg");
  await waitForHydration(ole);
  await ole.getByLabel("Beløb i kroner").fill("200");
  await ole.getByLabel("Hvad skal pengene bruges til?").fill("Buskort til jobcentret (Ole for Mette)");
  await ole.getByRole("button", { name: "Send ønsket" }).click();
  await expect(ole).toHaveURL(/\/budget.*svar=anmodet/);
  await expect(ole.getByRole("main")).toContainText("Buskort til jobcentret (Ole for Mette)");
  // Writing with her caseworker was not given.
  await ole.goto("/min-plan/nyt-maal");
  await expect(ole.getByRole("main")).not.toContainText("Send forslaget");
  // Her settings are hers alone.
  await ole.goto("/indstillinger");
  await expect(ole.getByRole("main")).toContainText("Det kan kun borgeren selv gøre.");
  await axe(ole, "/indstillinger acting for Mette");
  // Nor can he pass it on: a code is used as himself.
  await ole.goto("/fuldmagt/modtag");
  await expect(ole.getByRole("main")).toContainText("En kode bruger du som dig selv.");
  await expect(ole.getByLabel("Koden")).toHaveCount(0);

  // Mette sees who helps her and ends it; the plan's history is hers to read.
  await mette.goto("/fuldmagt");
  const helper = mette.getByRole("listitem").filter({ hasText: "Ole Berg · Fuldmægtig" });
  await expect(helper).toContainText("Har adgang til");
  await mette.goto("/hvem-har-set");
  await expect(mette.getByRole("main")).toContainText("Ole Berg");
  await mette.goto("/fuldmagt");
  await waitForHydration(mette);
  await helper.getByRole("button", { name: "Stop adgangen" }).click();
  await expect(mette).toHaveURL(/\/fuldmagt\?svar=adgang-stoppet$/);
  await expect(mette.getByRole("listitem").filter({ hasText: "Ole Berg" })).toContainText("Stoppet");

  // His next click, in the session still open, lands on "Adgangen er ophørt".
  await ole.goto("/budget");
  await expect(ole).toHaveURL(/\/fuldmagt\/ophoert$/);
  await expect(ole.getByRole("heading", { level: 1 })).toHaveText("Adgangen er ophørt");
  await expect(ole.getByRole("banner")).not.toContainText("Du handler for");
  await waitForHydration(ole);
  await axe(ole, "/fuldmagt/ophoert");
  await mette.context().close();
  await ole.context().close();
});

test.describe("without JavaScript", () => {
  test("Line makes Ole her bisidder; he redeems the code, sees her plan, and may not ask for money", async ({ browser }) => {
    const line = await signedIn(browser, "Line Larsen", "/fuldmagt", false);
    const code = await makeCode(line, "Bisidder", ["Se min plan, mine afgørelser, mit budget og alt, hvad der er registreret om mig"], false);

    const ole = await signedIn(browser, "Ole Berg", "/fuldmagt/modtag", false);
    await redeem(ole, "forkert");
    await expect(ole.getByRole("main")).toContainText("Koden virker ikke.");
    await expect(ole.getByLabel("Koden")).toHaveValue("forkert");
    await redeem(ole, code);
    await expect(ole).toHaveURL(/\/min-plan\?svar=adgang-modtaget$/);
    await expect(ole.getByRole("banner")).toContainText("Du handler for Line Larsen");
    await expect(ole.getByRole("main")).toContainText("Mødes med andre en gang om ugen");
    await ole.goto("/budget/ansoeg");
    await expect(ole.getByRole("main")).toContainText("Line Larsen har ikke givet dig lov til det her.");
    await expect(ole.getByLabel("Beløb i kroner")).toHaveCount(0);

    // He switches to himself with the plain form, and back.
    await ole.getByRole("button", { name: "Skift til dig selv" }).click();
    await expect(ole).toHaveURL(/\/fuldmagt\?svar=skiftet$/);
    await expect(ole.getByRole("banner")).not.toContainText("Du handler for");
    await ole.getByRole("radio", { name: "Line Larsen" }).check();
    await ole.getByRole("button", { name: "Skift", exact: true }).click();
    await expect(ole).toHaveURL(/\/min-plan\?svar=skiftet$/);
    await expect(ole.getByRole("banner")).toContainText("Du handler for Line Larsen");
    await line.context().close();
    await ole.context().close();
  });
});

test("the caseworker registers a paper power of attorney for a citizen without MitID", async ({ browser }) => {
  const amira = await signedIn(browser, "Amira Haddad", "/sagsbehandler/borgere");
  await amira.getByRole("link", { name: "Kasper Olsen", exact: true }).click();
  await amira.getByRole("link", { name: "Hjælpere og fuldmagt" }).click();
  await expect(amira).toHaveURL(/\/sagsbehandler\/borger\/\d+\/hjaelpere$/);
  await expect(amira.getByRole("heading", { level: 1 })).toHaveText("Hjælpere og fuldmagt");
  await expect(amira.getByRole("main")).toContainText("Borgeren har ingen hjælpere.");
  await waitForHydration(amira);
  await axe(amira, "/sagsbehandler/borger/:id/hjaelpere");
  const form = amira.getByRole("region", { name: "Registrér en fuldmagt på papir" });
  await form.getByLabel("Hjælperens navn").fill("Grethe Holm");
  await form.getByLabel("Hjælperens CPR-nummer").fill("0505");
  await form.getByRole("radio", { name: "Fuldmægtig" }).check();
  await form.getByRole("checkbox", { name: "Skrive med min sagsbehandler" }).check();
  await form.getByRole("button", { name: "Registrér fuldmagten" }).click();
  await expect(form).toContainText("Skriv CPR-nummeret med 10 cifre");
  await expect(form.getByLabel("Hjælperens navn")).toHaveValue("Grethe Holm");
  await axe(amira, "/sagsbehandler/borger/:id/hjaelpere with an error");
  await form.getByLabel("Hjælperens CPR-nummer").fill("050550-5551");
  await form.getByLabel("Den underskrevne fuldmagt").setInputFiles({
    name: "fuldmagt.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\nFuldmagt\n%%EOF"),
  });
  await form.getByRole("button", { name: "Registrér fuldmagten" }).click();
  await expect(amira).toHaveURL(/\/hjaelpere\?svar=fuldmagt-registreret$/);
  const item = amira.getByRole("listitem").filter({ hasText: "Grethe Holm · Fuldmægtig" });
  await expect(item).toContainText("Papirfuldmagt – gælder, når personen logger ind med sit eget MitID");
  await expect(amira.getByRole("main")).not.toContainText("050550");
  // The signed paper is in Kasper's conversation, as the caseworker's message.
  await amira.goto(amira.url().replace(/\/hjaelpere.*$/, "/samtale"));
  await expect(amira.getByRole("main")).toContainText("Jeg har registreret din fuldmagt på papir: Grethe Holm som fuldmægtig for dig.");
  await expect(amira.getByRole("link", { name: "fuldmagt.pdf" })).toBeVisible();
  await amira.context().close();
});
