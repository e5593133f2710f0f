import { defineConfig } from "@playwright/test";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

// The server under test: the debug build cargo-leptos made, on its own port
// and its own SQLite file, so a portal running on :3000 is left alone.
const PORT = Number(process.env.E2E_PORT ?? 3107);
const ROOT = path.resolve(__dirname, "..");
/** The oidc-provider peer, and the portal instance that trusts it. */
export const PEER_PORT = Number(process.env.E2E_PEER_PORT ?? 3109);
export const PEER_APP_PORT = Number(process.env.E2E_PEER_APP_PORT ?? 3108);
const PEER_SECRET = "enplan-peer-secret";
const DB_DIR = process.env.E2E_DB_DIR ?? path.join(os.tmpdir(), `enplan-e2e-${process.pid}`);
// The test workers read the same directory (the SMTP server's certificate, the database).
process.env.E2E_DB_DIR = DB_DIR;
/** The real SMTP server (npm smtp-server, STARTTLS + AUTH) the portal mails through; its HTTP side shows what arrived. */
export const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 3110);
export const MAILS_PORT = Number(process.env.E2E_MAILS_PORT ?? 3111);
const SMTP_PASS = "enplan-sink-password";
/** The stand-in SMS gateway (end2end/sms/gateway.mjs); GET /messages shows what it was sent. */
export const GATEWAY_PORT = Number(process.env.E2E_GATEWAY_PORT ?? 3112);
const GATEWAY_TOKEN = "enplan-gateway-token";
// A throwaway certificate for the SMTP server, made before anything starts.
const CERT = path.join(DB_DIR, "smtp-cert.pem");
const KEY = path.join(DB_DIR, "smtp-key.pem");
if (!fs.existsSync(CERT)) {
  fs.mkdirSync(DB_DIR, { recursive: true });
  execFileSync("openssl", [
    "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
    "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
    "-addext", "basicConstraints=critical,CA:FALSE", "-addext", "extendedKeyUsage=serverAuth",
    "-keyout", KEY, "-out", CERT,
  ], { stdio: "ignore" });
}

export default defineConfig({
  testDir: "./tests",
  // Journeys log in two or three people, each in a fresh context that loads
  // the debug WASM bundle anew; on a loaded 2-core machine one such journey
  // once ran past 30 s (CI, goals.spec.ts). A hang still fails, at 60 s.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    // Debian's Chromium; a downloaded browser cannot be had on these machines.
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: [
    {
      command: "node mail/smtp-sink.mjs",
      cwd: __dirname,
      url: `http://127.0.0.1:${MAILS_PORT}/mails`,
      reuseExistingServer: false,
      // Journeys log in two or three people, each in a fresh context that loads
  // the debug WASM bundle anew; on a loaded 2-core machine one such journey
  // once ran past 30 s (CI, goals.spec.ts). A hang still fails, at 60 s.
  timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        SMTP_PORT: String(SMTP_PORT),
        HTTP_PORT: String(MAILS_PORT),
        SMTP_KEY: KEY,
        SMTP_CERT: CERT,
        SMTP_USER: "enplan",
        SMTP_PASS,
      },
    },
    {
      command: "node sms/gateway.mjs",
      cwd: __dirname,
      url: `http://127.0.0.1:${GATEWAY_PORT}/messages`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
      env: { GATEWAY_PORT: String(GATEWAY_PORT), GATEWAY_TOKEN },
    },
    portal(PORT, "e2e", {
      APP_TEST_LOGIN: "on",
      APP_SMS_GATEWAY_URL: `http://127.0.0.1:${GATEWAY_PORT}/rest/mtsms`,
      APP_SMS_TOKEN: GATEWAY_TOKEN,
      APP_SMTP_URL: `smtp://enplan:${SMTP_PASS}@localhost:${SMTP_PORT}?tls=required`,
      APP_MAIL_FROM: "Én Plan <ikke-svar@enplan.test>",
      APP_SMTP_CA_FILE: CERT,
    }),
    // A real third-party OpenID provider (npm oidc-provider) on 127.0.0.1,
    // and a second portal on localhost that trusts it instead of the
    // built-in test login: see tests/peer-login.spec.ts.
    {
      command: "node oidc-peer/provider.mjs",
      cwd: __dirname,
      url: `http://127.0.0.1:${PEER_PORT}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      // Journeys log in two or three people, each in a fresh context that loads
  // the debug WASM bundle anew; on a loaded 2-core machine one such journey
  // once ran past 30 s (CI, goals.spec.ts). A hang still fails, at 60 s.
  timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        PEER_PORT: String(PEER_PORT),
        PEER_CLIENT_ID: "enplan",
        PEER_CLIENT_SECRET: PEER_SECRET,
        PEER_REDIRECT_URI: `http://localhost:${PEER_APP_PORT}/auth/callback`,
        PEER_POST_LOGOUT_REDIRECT_URI: `http://localhost:${PEER_APP_PORT}/`,
      },
    },
    portal(PEER_APP_PORT, "e2e-peer", {
      APP_OIDC_ISSUER: `http://127.0.0.1:${PEER_PORT}`,
      APP_OIDC_CLIENT_ID: "enplan",
      APP_OIDC_CLIENT_SECRET: PEER_SECRET,
      APP_OIDC_SCOPES: "openid profile",
    }),
  ],
});

/** The debug server cargo-leptos built, on `port`, with its own SQLite file. */
function portal(port: number, db: string, extra: Record<string, string>) {
  return {
    command: `mkdir -p ${DB_DIR} && ${ROOT}/target/debug/server`,
    cwd: ROOT,
    url: `http://localhost:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore" as const,
    stderr: "pipe" as const,
    env: {
      APP_LISTEN_ADDR: `127.0.0.1:${port}`,
      APP_PUBLIC_URL: `http://localhost:${port}`,
      APP_DATABASE_URL: `sqlite://${DB_DIR}/${db}.db`,
      APP_LOG: "warn",
      LEPTOS_OUTPUT_NAME: "enplan",
      LEPTOS_SITE_ROOT: path.join(ROOT, "target/site"),
      LEPTOS_SITE_PKG_DIR: "pkg",
      ...extra,
    },
  };
}
