// Every control of every view changes what the view shows (issue 16.5): a diagram's markup, a
// number's text, the URL, or (for an export) the file it downloads. The controls are found in
// the page, not listed here, so a new control is covered the day it appears: every input,
// select, button, summary and SVG button inside the view's section, visible and enabled, with
// every <details> opened first. Each control is tried on a fresh page, so one control's effect
// never hides another's.
import { test, expect } from "./fixtures.mjs";

const VIEWS = [
  // Story step 3, so both Previous and Next can move; a failed module, so Reset can act.
  { view: "stack", query: "step=3" },
  { view: "scaling", query: "" },
  { view: "msa", query: "fail=pricing" },
  { view: "fit", query: "" },
];

/**
 * Controls known to change nothing yet, each with the issue that fixes it. The test requires
 * them to be still dead, so an entry that has been fixed fails until it is removed here.
 */
const PENDING = {};

const CONTROLS = "input:not([type=hidden]), select, textarea, button, summary, [role=button]";

async function open(page, view, query) {
  // The dark theme, so "use the current theme" in an export menu has something to change.
  await page.goto(`./?view=${view}&lang=en&theme=dark&${query}`);
  const main = page.getByTestId(`view-${view}`);
  await expect(main.locator("svg").first()).toBeVisible();
  await main.evaluate((root) => {
    for (const d of root.querySelectorAll("details")) d.open = true;
    // A control's own range message is not an effect of the control on the view. (Set through
    // the CSSOM: the page's CSP forbids a <style> element.)
    for (const e of root.querySelectorAll(".error")) e.style.display = "none";
  });
  // Wait until the page has settled (charts drawn, the URL rewritten), so a late render is not
  // taken for the effect of the control operated next.
  let last = await fingerprint(page);
  await expect
    .poll(
      async () => {
        await page.waitForTimeout(400);
        const now = await fingerprint(page);
        const same = now === last;
        last = now;
        return same;
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  return main;
}

/** The view's operable controls, in document order, with what the test needs to know. */
async function enumerate(main) {
  return main.evaluate((root, sel) => {
    const shown = (el) => {
      const label = el.closest("label") ?? (el.id && root.querySelector(`label[for="${el.id}"]`));
      const box = (x) => x && x.getClientRects().length > 0 && getComputedStyle(x).visibility !== "hidden";
      return box(el) || (el.matches("input[type=radio], input[type=checkbox]") && box(label));
    };
    return [...root.querySelectorAll(sel)].map((el, index) => {
      const name =
        el.dataset.testid ||
        el.id ||
        el.getAttribute("aria-label") ||
        el.textContent.trim().replace(/\s+/g, " ").slice(0, 50);
      const kind = el.matches("select")
        ? "select"
        : el.matches("input[type=range]")
          ? "range"
          : el.matches("input[type=checkbox], input[type=radio]")
            ? "check"
            : el.matches("input, textarea")
              ? "text"
              : "click";
      // Choosing what is already chosen changes nothing by design: the current story step,
      // the selected radio.
      const current =
        (el.hasAttribute("aria-current") && el.getAttribute("aria-current") !== "false") ||
        (el.matches("input[type=radio]") && el.checked);
      const operable = shown(el) && !el.disabled && el.getAttribute("aria-disabled") !== "true" && !current;
      return { index, name, kind, operable, exportMenu: !!el.closest(".export-menu") };
    });
  }, CONTROLS);
}

/** What the reader sees of the page: the URL, the text, and every diagram's markup. */
function fingerprint(page) {
  return page.evaluate(() => {
    const main = document.querySelector("main");
    return JSON.stringify([
      location.href,
      main.innerText,
      [...main.querySelectorAll("svg")].map((s) => s.outerHTML),
    ]);
  });
}

/** Operates control `c` once; `alt` picks the other direction for values. */
async function operate(page, main, c, alt) {
  const el = main.locator(CONTROLS).nth(c.index);
  switch (c.kind) {
    case "select":
      await el.evaluate((s, alt) => {
        const n = s.options.length;
        s.selectedIndex = (s.selectedIndex + (alt ? n - 1 : 1)) % n;
        s.dispatchEvent(new Event("input", { bubbles: true }));
        s.dispatchEvent(new Event("change", { bubbles: true }));
      }, alt);
      break;
    case "range": {
      await el.focus();
      const before = await el.inputValue();
      await page.keyboard.press(alt ? "Home" : "End");
      if ((await el.inputValue()) === before) await page.keyboard.press(alt ? "End" : "Home");
      break;
    }
    case "check":
      await el.evaluate((x) => x.click());
      break;
    case "text": {
      const v = Number((await el.inputValue()).replace(/,/g, ""));
      const next = !Number.isFinite(v) || v === 0 ? 1 : alt ? v / 2 : v * 2;
      await el.fill(String(next));
      await el.press("Tab");
      break;
    }
    default:
      await el.click();
  }
}

/** The SVG the first export button of the diagram holding `c` downloads. */
async function exportOf(page, main, c) {
  const block = main.locator(CONTROLS).nth(c.index).locator("xpath=ancestor::*[contains(@class,'diagram-block')]");
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    block.locator(".diagram-actions > button[data-testid^=export-]").click(),
  ]);
  const { readFileSync } = await import("node:fs");
  return readFileSync(await file.path(), "utf8");
}

for (const { view, query } of VIEWS) {
  test(`every control of the ${view} view changes what it shows`, async ({ page, context }) => {
    // Dozens of fresh page loads (the stack alone has some sixty controls): minutes on a shared machine.
    test.setTimeout(1_800_000);
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    let downloads = 0;
    page.on("download", () => downloads++);
    let main = await open(page, view, query);
    const all = await enumerate(main);
    const list = all.filter((c) => c.operable);
    expect(list.length, "controls found").toBeGreaterThan(5);
    const dead = [];
    for (const [i, c] of list.entries()) {
      let changed = false;
      for (const alt of [false, true]) {
        if (i > 0 || alt) main = await open(page, view, query);
        // An export option changes the file, not the screen: compare what Export downloads.
        const fileBefore = c.exportMenu && c.kind === "check" ? await exportOf(page, main, c) : null;
        const before = await fingerprint(page);
        const seen = downloads;
        await operate(page, main, c, alt);
        try {
          await expect
            .poll(async () => downloads > seen || (await fingerprint(page)) !== before, { timeout: 2500 })
            .toBe(true);
          changed = true;
        } catch {
          if (fileBefore !== null) changed = (await exportOf(page, main, c)) !== fileBefore;
        }
        if (changed || c.kind !== "text") break;
      }
      if (!changed) dead.push(`${c.kind} ${c.name}`);
    }
    test.info().annotations.push({ type: "controls", description: `${list.length} tried: ${list.map((c) => c.name).join(", ")}` });
    const pending = Object.keys(PENDING)
      .filter((k) => k.startsWith(`${view}:`))
      .map((k) => k.slice(view.length + 1));
    for (const p of pending) test.info().annotations.push({ type: "pending", description: `${p}: ${PENDING[`${view}:${p}`]}` });
    expect(dead.filter((d) => !pending.includes(d)), `controls on the ${view} view that change nothing visible`).toEqual([]);
    expect(pending.filter((p) => !dead.includes(p)), "fixed: remove these from PENDING").toEqual([]);
  });
}
