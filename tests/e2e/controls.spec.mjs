// Every control of every view changes what the view shows (issue 16.5): a diagram's markup, a
// number's text, the URL, or (for an export) the file it downloads. The controls are found in
// the page, not listed here, so a new control is covered the day it appears: every input,
// select, button, summary and SVG button inside the view's section, visible and enabled, with
// every <details> opened first (an export menu only while its own controls are tried: open, it
// covers part of its diagram, and a click under it would wait forever).
//
// One control's effect must never hide another's, so each control starts from the screen a
// fresh page shows, without loading one (a page load per control took over 24 minutes): Back
// and Forward restore the scenario their URL describes, so the test sets the URL back to the
// settled one and sends the page a `popstate`. What the URL does not hold (an export's status
// line, playback, a scrubbed minute, an export option) stays, so the reset is checked: the
// screen, the URL and every control's value must equal the fresh page's and stay so for a
// moment. If they do not, the view is rebuilt (a popstate to another view and back, which
// drops the view's own state); if even that differs, the page is loaded afresh.
//
// Each view's controls are split into chunks, one test each, so Playwright's workers share
// them (`fullyParallel`).
import { test, expect } from "./fixtures.mjs";

const VIEWS = [
  // Story step 3, so both Previous and Next can move; a failed module, so Reset can act.
  { view: "stack", query: "step=3", chunks: 2 },
  { view: "scaling", query: "", chunks: 4 },
  { view: "msa", query: "fail=pricing", chunks: 2 },
  { view: "fit", query: "", chunks: 2 },
];

/**
 * Controls known to change nothing yet (`"view:kind name"`), each with the issue that fixes
 * it. The test requires them to be still dead, so an entry that has been fixed fails until it
 * is removed here.
 */
const PENDING = {};

const CONTROLS = "input:not([type=hidden]), select, textarea, button, summary, [role=button]";
/** How long the screen must stay as the fresh page showed it before a control is tried. */
const QUIET_MS = 400;
/**
 * How long the fresh page must stay still before it is taken as the reference: longer than the
 * app's slowest delayed write (the scaling view's live summary for screen readers waits 800 ms
 * after the outcome settles; CI once took the page before it spoke).
 */
const SETTLE_MS = 1200;
/** How long a control has to show its effect. */
const EFFECT_MS = 2500;

/**
 * Opens every <details> of the view but the export menus, one at a time (the app writes each
 * group's state into the URL when it toggles, and rewrites the others' from it: opened all in
 * one go, some would close again), and hides the range messages. An export menu pops up over
 * its diagram (the stack's menu covers the SaaS column's head), so a menu is open only while
 * its own controls are tried, as a user would open it.
 */
function prepare(main) {
  return main.evaluate(async (root) => {
    for (const d of root.querySelectorAll("details.export-more")) d.open = false;
    for (let pass = 0; pass < 5; pass++) {
      const closed = [...root.querySelectorAll("details:not(.export-more)")].filter((d) => !d.open);
      if (closed.length === 0) break;
      for (const d of closed) {
        // The toggle event, or a moment if the app closed the group again before it came.
        const toggled = new Promise((done) => {
          d.addEventListener("toggle", done, { once: true });
          setTimeout(done, 300);
        });
        d.open = true;
        await toggled;
        await new Promise((done) => setTimeout(done, 20));
      }
    }
    // A control's own range message is not an effect of the control on the view. (Set through
    // the CSSOM: the page's CSP forbids a <style> element.)
    for (const e of root.querySelectorAll(".error")) e.style.display = "none";
  });
}

/** Opens the export menus (`which`: all of them, or the one holding control `index`). */
function openMenus(main, which = null) {
  return main.evaluate(
    async (root, { sel, which }) => {
      const menus =
        which === null ? [...root.querySelectorAll("details.export-more")] : [root.querySelectorAll(sel)[which].closest("details")];
      for (const d of menus) d.open = true;
      await new Promise((done) => setTimeout(done, 20));
    },
    { sel: CONTROLS, which },
  );
}

async function open(page, view, query) {
  // The dark theme, so "use the current theme" in an export menu has something to change.
  await page.goto(`./?view=${view}&lang=en&theme=dark&${query}`);
  const main = page.getByTestId(`view-${view}`);
  await expect(main.locator("svg").first()).toBeVisible();
  await prepare(main);
  // Wait until the page has settled (charts drawn, the URL rewritten), so a late render is not
  // taken for the effect of the control operated next.
  let last = await state(page);
  await expect
    .poll(
      async () => {
        await page.waitForTimeout(SETTLE_MS);
        const now = await state(page);
        const same = now === last;
        last = now;
        return same;
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  return { main, fresh: last, freshParts: await fingerprint(page, true, true) };
}

/** The view's operable controls, in document order, with what the test needs to know. */
async function enumerate(main) {
  return main.evaluate((root, sel) => {
    const shown = (el) => {
      const label = el.closest("label") ?? (el.id && root.querySelector(`label[for="${el.id}"]`));
      const box = (x) => x && x.getClientRects().length > 0 && getComputedStyle(x).visibility !== "hidden";
      return box(el) || (el.matches("input[type=radio], input[type=checkbox]") && box(label));
    };
    const seen = new Map();
    return [...root.querySelectorAll(sel)].map((el, index) => {
      let name =
        el.dataset.testid ||
        el.id ||
        (el.matches("summary") && el.parentElement.dataset.testid && `${el.parentElement.dataset.testid} summary`) ||
        el.getAttribute("aria-label") ||
        el.textContent.trim().replace(/\s+/g, " ").slice(0, 50);
      const n = (seen.get(name) ?? 0) + 1;
      seen.set(name, n);
      if (n > 1) name = `${name} #${n}`;
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

/**
 * What the reader sees of the page: the URL, the text, and every diagram's drawing. With
 * `controls`, also what that does not show: every control's value, checked and disabled state,
 * and which <details> are open (an export option changes only the file). Hashed in the page.
 *
 * A diagram is read as its elements, attributes (in name order) and texts: the app patches a
 * drawing in place, which leaves out the whitespace between elements that the writer's full
 * markup has, and that whitespace is drawn nowhere.
 */
function fingerprint(page, controls = false, raw = false) {
  return page.evaluate(
    ({ sel, controls, raw }) => {
      const TEXTS = new Set(["text", "tspan", "textPath", "title", "desc", "style"]);
      const drawing = (el) => {
        const attrs = [...el.attributes].map((a) => `${a.name}=${a.value}`).sort();
        let out = `<${el.localName} ${attrs.join(" ")}>`;
        for (const n of el.childNodes) {
          if (n.nodeType === 1) out += drawing(n);
          else if (n.nodeType === 3 && (TEXTS.has(el.localName) || n.nodeValue.trim())) out += JSON.stringify(n.nodeValue);
        }
        return `${out}</>`;
      };
      const main = document.querySelector("main");
      const parts = [location.href, main.innerText, [...main.querySelectorAll("svg")].map(drawing)];
      if (controls) {
        parts.push(
          [...main.querySelectorAll(sel)].map((el) => [el.value ?? "", !!el.checked, !!el.disabled]),
          [...main.querySelectorAll("details")].map((d) => d.open),
        );
      }
      const text = JSON.stringify(parts);
      if (raw) return parts;
      // cyrb53: enough to tell two screens apart without sending them over.
      let h1 = 0xdeadbeef;
      let h2 = 0x41c6ce57;
      for (let i = 0; i < text.length; i++) {
        const ch = text.charCodeAt(i);
        h1 = Math.imul(h1 ^ ch, 2654435761);
        h2 = Math.imul(h2 ^ ch, 1597334677);
      }
      h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
      h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
      return `${text.length}:${(h2 >>> 0).toString(16)}${(h1 >>> 0).toString(16)}`;
    },
    { sel: CONTROLS, controls, raw },
  );
}

/** Where two unhashed fingerprints differ, for a failure's report. */
function explain(want, got) {
  const out = [];
  const walk = (a, b, path) => {
    if (JSON.stringify(a) === JSON.stringify(b)) return;
    if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
      a.forEach((x, i) => walk(x, b[i], `${path}[${i}]`));
      return;
    }
    const sa = JSON.stringify(a);
    const sb = JSON.stringify(b);
    let i = 0;
    while (i < sa.length && sa[i] === sb[i]) i++;
    out.push(`${path}: fresh …${sa.slice(Math.max(0, i - 80), i + 120)}… now …${sb.slice(Math.max(0, i - 80), i + 120)}…`);
  };
  walk(want, got, "page");
  return out.join("\n");
}

/** The fingerprint with the controls' own state: what a reset must restore. */
const state = (page) => fingerprint(page, true);

/** Goes to `href` as Back or Forward would (the app reads the URL on `popstate`). */
function pop(page, href) {
  return page.evaluate((href) => {
    history.replaceState(null, "", href);
    dispatchEvent(new PopStateEvent("popstate"));
  }, href);
}

/** Waits until the page's state is `want` and stays so for QUIET_MS; false after `timeout`. */
async function reaches(page, want, timeout) {
  const end = Date.now() + timeout;
  let since = null;
  for (;;) {
    const now = Date.now();
    if ((await state(page)) === want) {
      since ??= now;
      if (now - since >= QUIET_MS) return true;
    } else {
      since = null;
    }
    if (now > end) return false;
    await page.waitForTimeout(100);
  }
}

/**
 * Brings the page back to the fresh page's state `fresh` (see the top of the file); returns
 * how: "url", "view" or "load".
 */
async function reset(page, main, view, query, fresh, href, downloads) {
  const quiet = async () => {
    const seen = downloads();
    return (await reaches(page, fresh, 2000)) && downloads() === seen;
  };
  await pop(page, href);
  await prepare(main);
  if (await quiet()) return "url";
  const other = new URL(href);
  other.searchParams.set("view", view === "stack" ? "fit" : "stack");
  await pop(page, other.href);
  await expect(page.getByTestId(`view-${view}`)).toHaveCount(0);
  await pop(page, href);
  await expect(main.locator("svg").first()).toBeVisible();
  await prepare(main);
  if (await quiet()) return "view";
  const again = await open(page, view, query);
  expect(again.fresh, "a fresh page shows what the first one showed").toBe(fresh);
  return "load";
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
      await el.click({ timeout: 10_000 });
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

for (const { view, query, chunks } of VIEWS) {
  for (let chunk = 0; chunk < chunks; chunk++) {
    test(`every control of the ${view} view changes what it shows (${chunk + 1}/${chunks})`, async ({ page, context }) => {
      test.setTimeout(300_000);
      await context.grantPermissions(["clipboard-read", "clipboard-write"]);
      let downloads = 0;
      page.on("download", () => downloads++);
      const { main, fresh, freshParts } = await open(page, view, query);
      const href = page.url();
      await openMenus(main);
      const operable = (await enumerate(main)).filter((c) => c.operable);
      expect(operable.length, "controls found").toBeGreaterThan(5);
      // Every chunk-th control, so the slow ones (exports, whose status line stays) are shared.
      const list = operable.filter((_, i) => i % chunks === chunk);
      const dead = [];
      // What each reset took (after which control), for the report.
      const resets = { url: [], view: [], load: [] };
      let last = null;
      for (const c of list) {
        let changed = false;
        for (const alt of [false, true]) {
          if (last) resets[await reset(page, main, view, query, fresh, href, () => downloads)].push(last);
          if (last === null) {
            await prepare(main);
            const back = await reaches(page, fresh, 5000);
            if (!back) console.log(explain(freshParts, await fingerprint(page, true, true)));
            expect(back, "the page, after its export menus closed again").toBe(true);
          }
          last = c.name;
          if (c.exportMenu) await openMenus(main, c.index);
          // The control must be the one enumerated on the fresh page, in the same state.
          expect((await enumerate(main))[c.index], "the control, after the reset").toEqual(c);
          // An export option changes the file, not the screen: compare what Export downloads.
          const fileBefore = c.exportMenu && c.kind === "check" ? await exportOf(page, main, c) : null;
          const before = await fingerprint(page);
          const seen = downloads;
          await operate(page, main, c, alt);
          try {
            await expect
              .poll(async () => downloads > seen || (await fingerprint(page)) !== before, { timeout: EFFECT_MS })
              .toBe(true);
            changed = true;
          } catch {
            if (fileBefore !== null) changed = (await exportOf(page, main, c)) !== fileBefore;
          }
          if (changed || c.kind !== "text") break;
        }
        if (!changed) dead.push(`${c.kind} ${c.name}`);
      }
      test.info().annotations.push(
        { type: "controls", description: `${list.length} of ${operable.length} tried: ${list.map((c) => c.name).join(", ")}` },
        {
          type: "resets",
          description: `by URL ${resets.url.length}; by view ${resets.view.length} (after ${resets.view.join(", ")}); by page load ${resets.load.length} (after ${resets.load.join(", ")})`,
        },
      );
      const names = (cs) => cs.map((c) => `${c.kind} ${c.name}`);
      const pending = Object.keys(PENDING)
        .filter((k) => k.startsWith(`${view}:`))
        .map((k) => k.slice(view.length + 1));
      for (const p of pending) test.info().annotations.push({ type: "pending", description: `${p}: ${PENDING[`${view}:${p}`]}` });
      expect(dead.filter((d) => !pending.includes(d)), `controls on the ${view} view that change nothing visible`).toEqual([]);
      const mine = names(list);
      expect(pending.filter((p) => mine.includes(p) && !dead.includes(p)), "fixed: remove these from PENDING").toEqual([]);
      if (chunk === 0) {
        const known = names(operable);
        expect(pending.filter((p) => !known.includes(p)), "PENDING names no control of the view").toEqual([]);
      }
    });
  }
}
