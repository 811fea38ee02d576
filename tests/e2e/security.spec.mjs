// Security: the page ships a strict Content-Security-Policy and sub-resource integrity, runs with
// no CSP violation, and hostile URL values stay text (no script, no event handler attributes).
import { createHash } from "node:crypto";
import { test, expect } from "./fixtures.mjs";

const REQUIRED_CSP = ["script-src 'self' 'wasm-unsafe-eval'", "object-src 'none'", "base-uri 'self'"];

/** Collects CSP violation reports from the first script that runs in the page. */
function collectCspViolations() {
  window.__cspViolations = [];
  document.addEventListener("securitypolicyviolation", (e) => {
    window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
  });
}

/** The served index.html, parsed in the browser (so attributes read as the browser reads them). */
async function servedHead(page, request) {
  const response = await request.get("./");
  expect(response.ok()).toBe(true);
  const html = await response.text();
  await page.setContent("<!doctype html><title>inspect</title>"); // about:blank: nothing runs
  return page.evaluate((src) => {
    const doc = new DOMParser().parseFromString(src, "text/html");
    const attrs = (el) => Object.fromEntries([...el.attributes].map((a) => [a.name, a.value]));
    return {
      csp: [...doc.querySelectorAll('meta[http-equiv="Content-Security-Policy" i]')].map((m) => m.content),
      scripts: [...doc.querySelectorAll("script")].map((s) => ({ ...attrs(s), inline: s.textContent.trim() })),
      links: [...doc.querySelectorAll("link")].map(attrs),
      handlers: [...doc.querySelectorAll("*")].flatMap((el) =>
        [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.localName}[${a.name}]`),
      ),
    };
  }, html);
}

test("index.html carries a strict CSP and no inline script", async ({ page, request }) => {
  const head = await servedHead(page, request);
  expect(head.csp).toHaveLength(1);
  const directives = head.csp[0].split(";").map((d) => d.trim().replace(/\s+/g, " "));
  for (const needed of REQUIRED_CSP) expect(directives, needed).toContain(needed);
  expect(directives.join(";"), "no unsafe-inline or unsafe-eval").not.toMatch(/'unsafe-(?:inline|eval)'/);
  expect(head.scripts.length).toBeGreaterThan(0);
  for (const script of head.scripts) {
    expect(script.src, `inline <script>: ${script.inline.slice(0, 80)}`).toBeTruthy();
    expect(script.inline, "a <script src> with a body").toBe("");
  }
  expect(head.handlers, "event-handler attributes in index.html").toEqual([]);
});

test("every script and stylesheet has a matching integrity hash", async ({ page, request }) => {
  const head = await servedHead(page, request);
  const assets = [
    ...head.scripts.map((s) => ({ url: s.src, integrity: s.integrity, what: "script" })),
    ...head.links
      // Exempt, by design:
      //  - rel=icon: SRI applies to scripts and stylesheets only; an icon cannot carry it.
      //  - the wasm `<link rel="preload" as="fetch">`: Chromium does not apply SRI to fetch
      //    preloads and logs a console warning when one has it, so tools/postbuild.mjs removes
      //    it. The wasm is still same-origin only (script-src/connect-src 'self'), under a
      //    content-hashed name, and loaded by the glue script, which itself has integrity.
      .filter((l) => !/\bicon\b/i.test(l.rel) && !(l.rel === "preload" && l.as === "fetch"))
      .map((l) => ({ url: l.href, integrity: l.integrity, what: `link rel=${l.rel}` })),
  ];
  expect(assets.map((a) => a.what)).toEqual(
    expect.arrayContaining(["script", "link rel=stylesheet", "link rel=modulepreload"]),
  );
  for (const asset of assets) {
    expect(asset.integrity, `${asset.what} ${asset.url} has no integrity`).toMatch(/^sha(?:256|384|512)-[A-Za-z0-9+/]+=*$/);
    const [algo, digest] = asset.integrity.split(/-(.*)/s);
    const body = await (await request.get(asset.url)).body();
    expect(createHash(algo).update(body).digest("base64"), `${asset.url} matches its integrity`).toBe(digest);
  }
  // The exempt wasm preload is really the wasm, and really same-origin and relative.
  const wasm = head.links.filter((l) => l.rel === "preload" && l.as === "fetch");
  for (const l of wasm) expect(l.href).toMatch(/^\.\/[\w-]+_bg\.wasm$/);
});

test("the app runs with no CSP violation", async ({ page }) => {
  await page.addInitScript(collectCspViolations);
  await page.goto("./?lang=en");
  await expect(page.getByTestId("stack-diagram").locator("svg")).toBeVisible();
  // Exercise what the page does at runtime: switch language and theme, export a file.
  await page.getByTestId("lang-toggle").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await page.getByTestId("theme").selectOption("dark");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  // The first export button of the view (`export-svg`, or `export-<diagram>` per diagram).
  await Promise.all([page.waitForEvent("download"), page.locator("[data-testid^=export]").first().click()]);
  expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
});

const HOSTILE = {
  lang: "<script>alert(1)</script>",
  theme: '"><svg onload=alert(1)>',
  view: "javascript:alert(1)",
};

for (const [form, query] of [
  ["percent-encoded", Object.entries(HOSTILE).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&")],
  ["raw", Object.entries(HOSTILE).map(([k, v]) => `${k}=${v}`).join("&")],
]) {
  test(`hostile URL values are inert (${form})`, async ({ page }) => {
    const dialogs = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      dialog.dismiss().catch(() => {});
    });
    await page.addInitScript(collectCspViolations);
    await page.goto(`./?${query}`);
    await expect(page.getByTestId("stack-diagram").locator("svg")).toBeVisible();
    await expect(page.getByTestId("url-notice")).toBeVisible();
    await page.waitForTimeout(300); // give any injected handler time to fire
    const dom = await page.evaluate(() => ({
      handlers: [...document.querySelectorAll("*")].flatMap((el) =>
        [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.localName}[${a.name}="${a.value}"]`),
      ),
      scripts: [...document.querySelectorAll("script")].map((s) => s.src || `inline: ${s.textContent.slice(0, 60)}`),
      jsUrls: [...document.querySelectorAll("[href], [src], [action], [formaction]")]
        .flatMap((el) => ["href", "src", "action", "formaction"].map((a) => el.getAttribute(a)))
        .filter((v) => v && /^\s*javascript:/i.test(v)),
    }));
    expect(dialogs, "a dialog opened").toEqual([]);
    expect(dom.handlers, "event-handler attributes in the DOM").toEqual([]);
    expect(dom.scripts.every((s) => !s.startsWith("inline")), dom.scripts.join(", ")).toBe(true);
    expect(dom.jsUrls, "javascript: URLs in the DOM").toEqual([]);
    expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
    // The page fell back to safe values and says so.
    await expect(page.locator("html")).toHaveAttribute("lang", /^(en|ko)$/);
    await expect(page.getByTestId("url-notice")).toContainText("theme");
  });
}
