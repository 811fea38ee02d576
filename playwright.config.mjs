// End-to-end tests drive the real release build (dist/) in Debian's Chromium, served under a
// sub-path the way course pages host it. Playwright never downloads a browser here.
import { defineConfig } from "@playwright/test";

export const BASE_PATH = "/courses/cloud/skyscale/";
const PORT = Number(process.env.E2E_PORT ?? 4173);
// The build under test: dist/ unless E2E_DIST names another copy (e.g. a build in /tmp).
const DIST = process.env.E2E_DIST ?? "dist";

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: /.*\.spec\.mjs$/,
  outputDir: "tests/output/results",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}${BASE_PATH}`,
    acceptDownloads: true,
    browserName: "chromium",
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
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
    command: `node tests/serve.mjs --dir ${DIST} --port ${PORT} --base ${BASE_PATH}`,
    url: `http://127.0.0.1:${PORT}${BASE_PATH}`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
