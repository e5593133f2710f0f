import { defineConfig } from "@playwright/test";
import * as os from "node:os";
import * as path from "node:path";

// The server under test: the debug build cargo-leptos made, on its own port
// and its own SQLite file, so a portal running on :3000 is left alone.
const PORT = Number(process.env.E2E_PORT ?? 3107);
const ROOT = path.resolve(__dirname, "..");
const DB_DIR = process.env.E2E_DB_DIR ?? path.join(os.tmpdir(), `enplan-e2e-${process.pid}`);

export default defineConfig({
  testDir: "./tests",
  timeout: 30_000,
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
  webServer: {
    command: `mkdir -p ${DB_DIR} && ${ROOT}/target/debug/server`,
    cwd: ROOT,
    url: `http://localhost:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      APP_LISTEN_ADDR: `127.0.0.1:${PORT}`,
      APP_PUBLIC_URL: `http://localhost:${PORT}`,
      APP_DATABASE_URL: `sqlite://${DB_DIR}/e2e.db`,
      APP_LOG: "warn",
      LEPTOS_OUTPUT_NAME: "enplan",
      LEPTOS_SITE_ROOT: path.join(ROOT, "target/site"),
      LEPTOS_SITE_PKG_DIR: "pkg",
    },
  },
});
