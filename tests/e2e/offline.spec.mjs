// Offline: dist/ needs no other origin (the fixture fails on any such request), and
// dist-single/skyscale.html (`make dist-single`) works on its own from file://.
import { test as base, expect } from "@playwright/test";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { test } from "./fixtures.mjs";

const SINGLE = resolve(process.env.E2E_SINGLE ?? "dist-single/skyscale.html");

test("dist/ names no other origin and loads every view from its own", async ({ page, request }) => {
  const html = await (await request.get("./")).text();
  expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
  for (const view of ["stack", "scaling", "msa", "fit"]) {
    await page.goto(`./?view=${view}&lang=en`);
    await expect(page.getByTestId(`view-${view}`)).toBeVisible();
  }
});

base("dist-single: one file, from file://, renders and switches language", async ({ page }) => {
  base.skip(!existsSync(SINGLE), `${SINGLE} missing: run make dist-single`);
  const html = readFileSync(SINGLE, "utf8");
  expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+rel="stylesheet"/);
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  expect(csp).toContain("'wasm-unsafe-eval'");
  expect(csp).not.toContain("unsafe-inline");
  const problems = [];
  page.on("console", (m) => ["error", "warning"].includes(m.type()) && problems.push(m.text()));
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("request", (r) => {
    if (!/^(file|data|blob):/.test(r.url())) problems.push(`request: ${r.url()}`);
  });
  await page.goto(`${pathToFileURL(SINGLE).href}?lang=en`);
  const diagram = page.getByTestId("stack-diagram");
  await expect(diagram.locator("svg")).toBeVisible();
  await expect(diagram.locator("svg text", { hasText: "Runtime" }).first()).toBeVisible();
  await page.getByTestId("lang-toggle").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await expect(diagram.locator("svg text", { hasText: "런타임" }).first()).toBeVisible();
  expect(problems).toEqual([]);
});
