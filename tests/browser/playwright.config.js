// Lacuna's browser tests: Debian's chromium (Playwright's own download is not used), one worker (two
// cores), the service started by run.sh and named by LACUNA_WEB_URL.
const { defineConfig } = require("@playwright/test");

module.exports = defineConfig({
  testDir: ".",
  testMatch: "*.spec.js",
  workers: 1,
  fullyParallel: false,
  timeout: 60000,
  expect: { timeout: 10000 },
  reporter: [["list"]],
  outputDir: process.env.LACUNA_BROWSER_OUT || "test-results",
  use: {
    baseURL: process.env.LACUNA_WEB_URL,
    locale: "fa-IR",
    timezoneId: "Asia/Tehran",
    launchOptions: {
      executablePath: process.env.LACUNA_CHROMIUM || "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-dev-shm-usage"],
    },
  },
});
