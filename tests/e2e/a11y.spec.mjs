// Accessibility: axe-core finds zero violations on every view, in both languages and both
// themes, and the reduced-motion preference stops every animation and transition.
import AxeBuilder from "@axe-core/playwright";
import { test, expect } from "./fixtures.mjs";

/**
 * Every view and the element that shows it has finished drawing. Adding a view to the axe
 * sweep is one line here, e.g. `{ name: "scaling", ready: "[data-testid=view-scaling] svg" }`.
 */
const VIEWS = [
  { name: "stack", ready: "[data-testid=stack-diagram] svg" },
  { name: "scaling", ready: "[data-testid=lanes-diagram] svg" },
  { name: "msa", ready: "[data-testid=view-msa] svg" },
  { name: "fit", ready: "[data-testid=view-fit] h2", noDiagram: true },
];
const LANGS = ["en", "ko"];
const THEMES = ["light", "dark"];

/** WCAG 2.0/2.1/2.2 A and AA, plus axe's best practices (landmarks, headings, …). */
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

async function openView(page, view, query) {
  await page.goto(`./?view=${view.name}&${query}`);
  await expect(page.locator(view.ready).first()).toBeVisible();
}

/** One line per failing node: rule, impact, selector and axe's own summary of the fix. */
function describe(violations) {
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}) at ${n.target.join(" ")}: ${n.failureSummary.replace(/\s+/g, " ")}`),
  );
}

for (const view of VIEWS) {
  for (const lang of LANGS) {
    for (const theme of THEMES) {
      test(`axe: no violations on ${view.name} (${lang}, ${theme})`, async ({ page }) => {
        await openView(page, view, `lang=${lang}&theme=${theme}`);
        await expect(page.locator("html")).toHaveAttribute("lang", lang);
        await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
        const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        expect(describe(results.violations), `axe violations on ${page.url()}`).toEqual([]);
        // axe really looked at the page (and not at an empty shell).
        expect(results.passes.length).toBeGreaterThan(10);
      });
    }
  }
}

/**
 * WCAG 2.5.3 Label in Name (level A): a control's accessible name contains the words it shows,
 * so a voice-control user can say what they see ("click 한국어"). axe ships the rule
 * (`label-content-name-mismatch`) switched off as experimental, so it runs here on its own, on
 * every view in both languages and in an embedded view (whose bar has a link of its own).
 */
const LABEL_IN_NAME = "label-content-name-mismatch";
for (const view of [...VIEWS, { ...VIEWS[1], embed: true }]) {
  for (const lang of LANGS) {
    const where = `${view.name}${view.embed ? " embedded" : ""} (${lang})`;
    test(`axe: every control's name holds its visible label on ${where}`, async ({ page }) => {
      await openView(page, view, `lang=${lang}${view.embed ? "&embed=1" : ""}`);
      const results = await new AxeBuilder({ page }).withRules([LABEL_IN_NAME]).analyze();
      expect(describe(results.violations), `label-in-name violations on ${page.url()}`).toEqual([]);
      const outcomes = [...results.passes, ...results.incomplete, ...results.inapplicable];
      expect(outcomes.map((r) => r.id), "the rule ran").toContain(LABEL_IN_NAME);
      // The language toggle is named by the word it shows, in the other language.
      if (!view.embed) {
        const toggle = page.getByTestId("lang-toggle");
        await expect(toggle).toHaveAccessibleName(lang === "en" ? "한국어" : "English");
        await expect(page.getByRole("button", { name: lang === "en" ? "한국어" : "English", exact: true })).toHaveCount(1);
      }
    });
  }
}

/**
 * axe leaves colour contrast "incomplete" for SVG text (it cannot tell what lies under it), so
 * diagrams get their own AA check: each <text>'s fill against the shapes painted beneath its
 * centre, blended in paint order over the page background. 4.5:1, or 3:1 for large text
 * (≥ 24 px, or ≥ 18.66 px bold, as rendered).
 */
async function svgContrastFailures(page) {
  return page.evaluate(() => {
    const rgba = (css) => {
      const m = css.match(/rgba?\(([^)]+)\)/);
      if (!m) return null;
      const [r, g, b, a = 1] = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
      return { r, g, b, a };
    };
    const over = (top, under) => {
      const a = top.a;
      return { r: top.r * a + under.r * (1 - a), g: top.g * a + under.g * (1 - a), b: top.b * a + under.b * (1 - a), a: 1 };
    };
    const lum = ({ r, g, b }) => {
      const c = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * c(r) + 0.7152 * c(g) + 0.0722 * c(b);
    };
    const ratio = (x, y) => {
      const [hi, lo] = [lum(x), lum(y)].sort((p, q) => q - p);
      return (hi + 0.05) / (lo + 0.05);
    };
    const paint = (el) => {
      const style = getComputedStyle(el);
      const fill = rgba(style.fill);
      if (!fill || style.fill === "none" || style.visibility === "hidden") return null;
      fill.a *= Number(style.fillOpacity) * Number(style.opacity);
      return fill;
    };
    const pageBg = rgba(getComputedStyle(document.body).backgroundColor);
    const base = pageBg && pageBg.a > 0 ? pageBg : rgba(getComputedStyle(document.documentElement).backgroundColor);
    const failures = [];
    for (const svg of document.querySelectorAll("svg")) {
      const shapes = [...svg.querySelectorAll("rect, circle, ellipse, path, polygon")];
      // Whether a screen point lies inside a shape's painted fill (exact for paths too).
      const inside = (shape, x, y) => {
        const ctm = shape.getScreenCTM();
        if (!ctm || typeof shape.isPointInFill !== "function") return false;
        const p = new DOMPoint(x, y).matrixTransform(ctm.inverse());
        return shape.isPointInFill(p);
      };
      const scale = svg.getScreenCTM()?.a ?? 1;
      for (const text of svg.querySelectorAll("text")) {
        if (!text.textContent.trim()) continue;
        const fg = paint(text);
        if (!fg) continue;
        const box = text.getBoundingClientRect();
        const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
        let bg = base;
        for (const shape of shapes) {
          // Shapes after the text in document order paint over it, not under it.
          if (text.compareDocumentPosition(shape) & Node.DOCUMENT_POSITION_FOLLOWING) break;
          const p = paint(shape);
          if (p && inside(shape, x, y)) bg = over(p, bg);
        }
        const style = getComputedStyle(text);
        const px = parseFloat(style.fontSize) * scale;
        const bold = Number(style.fontWeight) >= 700 || style.fontWeight === "bold";
        const needed = px >= 24 || (bold && px >= 18.66) ? 3 : 4.5;
        const got = ratio(over(fg, bg), bg);
        if (got < needed) {
          const id = text.id ? `#${text.id}` : `${text.closest("[id]")?.id ?? "svg"} text "${text.textContent.trim().slice(0, 30)}"`;
          failures.push(`${id}: ${got.toFixed(2)}:1 < ${needed}:1 (${style.fill} on rgb(${[bg.r, bg.g, bg.b].map(Math.round)}))`);
        }
      }
    }
    return failures;
  });
}

for (const view of VIEWS.filter((v) => !v.noDiagram)) {
  for (const theme of THEMES) {
    test(`diagram text meets AA contrast on ${view.name} (${theme})`, async ({ page }) => {
      await openView(page, view, `lang=en&theme=${theme}`);
      expect(await page.locator("svg text").count()).toBeGreaterThan(0);
      expect(await svgContrastFailures(page), "SVG text below AA contrast").toEqual([]);
    });
  }
}

test.describe("with prefers-reduced-motion: reduce", () => {
  test.use({ reducedMotion: "reduce" });

  for (const view of VIEWS) {
    test(`nothing animates or transitions on ${view.name}`, async ({ page }) => {
      await openView(page, view, "lang=en");
      expect(await page.evaluate(() => matchMedia("(prefers-reduced-motion: reduce)").matches)).toBe(true);
      // Hover and focus a control too: transitions often hide in :hover / :focus rules.
      const control = page.locator("button, select, input").first();
      await control.hover();
      await control.focus();
      const moving = await page.evaluate(() => {
        const seconds = (list) =>
          Math.max(...list.split(",").map((d) => (d.trim().endsWith("ms") ? parseFloat(d) / 1000 : parseFloat(d)) || 0));
        const found = [];
        for (const el of document.querySelectorAll("*")) {
          for (const pseudo of [null, "::before", "::after"]) {
            const style = getComputedStyle(el, pseudo);
            const animation = style.animationName !== "none" ? seconds(style.animationDuration) : 0;
            const transition = seconds(style.transitionDuration);
            if (animation > 0 || transition > 0) {
              const name = `${el.localName}${el.id ? "#" + el.id : ""}${el.classList.length ? "." + [...el.classList].join(".") : ""}${pseudo ?? ""}`;
              found.push(`${name}: animation ${style.animationDuration}, transition ${style.transitionDuration}`);
            }
          }
        }
        // A scroll-driven animation (the "Scroll sideways →" cue) follows the scroll position,
        // not time: it is no motion.
        const running = document
          .getAnimations()
          .filter((a) => a.playState === "running" && !(a.timeline instanceof ScrollTimeline));
        return { found, running: running.length };
      });
      expect(moving.found, "elements that still animate or transition").toEqual([]);
      expect(moving.running, "running Web Animations").toBe(0);
    });
  }
});

// The lecturer walkthrough (issue 15): the first Tab stop said "Skip to the diagram" and went
// to the view's start. It says where it goes, in both languages, and goes there.
for (const [lang, text] of [["en", "Skip to the view"], ["ko", "본문으로 건너뛰기"]]) {
  test(`the skip link says where it goes and goes there (${lang})`, async ({ page }) => {
    await page.goto(`./?view=scaling&lang=${lang}`);
    await expect(page.getByTestId("lanes-diagram").locator("svg")).toBeVisible();
    await page.keyboard.press("Tab");
    await expect(page.locator(":focus")).toHaveText(text);
    await page.keyboard.press("Enter");
    await expect(page.locator("main#main")).toBeFocused();
  });
}
