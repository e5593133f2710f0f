import { expect, test } from "@playwright/test";
import { PEER_APP_PORT, PEER_PORT } from "../playwright.config";

// The portal on localhost:PEER_APP_PORT trusts a third-party OpenID provider
// (npm oidc-provider, end2end/oidc-peer/) on 127.0.0.1:PEER_PORT: a different
// site, as a MitID broker is. No built-in test login is mounted there.
const APP = `http://localhost:${PEER_APP_PORT}`;
const PEER = `http://127.0.0.1:${PEER_PORT}`;

test("a citizen logs in and out at a third-party OpenID provider", async ({ page }) => {
  await page.goto(`${APP}/log-ind`);
  await expect(page.getByText("Testlogin")).toHaveCount(0);
  await page.getByRole("link", { name: "Log ind med MitID" }).click();

  await expect(page).toHaveURL(new RegExp(`^${PEER}/interaction/`));
  await page.getByLabel("Brugernavn").fill("mette");
  await page.getByRole("button", { name: "Log ind hos peer" }).click();

  await expect(page).toHaveURL(`${APP}/min-plan`);
  await expect(page.getByRole("main")).toContainText("Hej, Mette Hansen");
  await expect(page.getByRole("banner")).toContainText("Mette Hansen");

  // Logout ends our session, then the provider's (its page posts itself).
  await page.getByRole("banner").getByRole("button", { name: "Log ud" }).click();
  await expect(page).toHaveURL(new RegExp(`^${APP}/(\\?state=.*)?$`));
  await expect(page.getByRole("banner").getByRole("link", { name: "Log ind" })).toBeVisible();

  // The provider's session is gone too: logging in asks for the user again.
  await page.goto(`${APP}/auth/login`);
  await expect(page).toHaveURL(new RegExp(`^${PEER}/interaction/`));
  await expect(page.getByLabel("Brugernavn")).toBeVisible();
});

test("someone unknown to the municipality gets a record but no plan", async ({ page }) => {
  await page.goto(`${APP}/auth/login`);
  await page.getByLabel("Brugernavn").fill("karin");
  await page.getByRole("button", { name: "Log ind hos peer" }).click();
  await expect(page).toHaveURL(`${APP}/min-plan`);
  await expect(page.getByRole("banner")).toContainText("Karin Holm");
  await expect(page.getByRole("heading", { level: 2 })).toHaveText("Du har ikke en plan i Én Plan endnu");
});
