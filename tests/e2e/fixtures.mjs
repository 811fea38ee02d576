// The shared test fixture: every test fails on a console error or warning, an uncaught
// exception, or any request to another origin (Skyscale must work offline, from a USB stick).
import { test as base, expect } from "@playwright/test";

export const test = base.extend({
  page: async ({ page, baseURL }, use) => {
    const origin = new URL(baseURL).origin;
    const problems = [];
    page.on("console", (msg) => {
      if (msg.type() === "error" || msg.type() === "warning") {
        problems.push(`console ${msg.type()}: ${msg.text()}`);
      }
    });
    page.on("pageerror", (err) => problems.push(`uncaught: ${err.message}`));
    page.on("request", (req) => {
      const url = req.url();
      if (url.startsWith("data:") || url.startsWith("blob:")) return;
      if (new URL(url).origin !== origin) problems.push(`request to another origin: ${url}`);
    });
    await use(page);
    expect(problems, "console errors, exceptions or foreign requests").toEqual([]);
  },
});

export { expect };

/** The nine layer names, top to bottom, as the page must show them. */
export const LAYERS = {
  en: ["Applications", "Data", "Runtime", "Middleware", "O/S", "Virtualization", "Servers", "Storage", "Networking"],
  ko: ["애플리케이션", "데이터", "런타임", "미들웨어", "운영체제(O/S)", "가상화", "서버", "스토리지", "네트워킹"],
};

/** A small page object for the responsibility stack view. */
export class StackPage {
  constructor(page) {
    this.page = page;
    this.diagram = page.getByTestId("stack-diagram");
    this.toggle = page.getByTestId("lang-toggle");
    this.exportButton = page.getByTestId("export-stack");
  }

  async open(query = "") {
    await this.page.goto(query ? `./?${query}` : "./");
    await expect(this.diagram.locator("svg")).toBeVisible();
  }

  /** The visible text of every <text> in the on-screen diagram. */
  async diagramTexts() {
    return this.diagram.locator("svg text").allTextContents();
  }

  /** Parses SVG text in the browser's XML parser; returns its <text> contents or throws. */
  async parseSvg(svgText) {
    return this.page.evaluate((src) => {
      const doc = new DOMParser().parseFromString(src, "image/svg+xml");
      const err = doc.querySelector("parsererror");
      if (err) throw new Error(`not well-formed XML: ${err.textContent}`);
      const root = doc.documentElement;
      return {
        root: root.localName,
        ns: root.namespaceURI,
        viewBox: root.getAttribute("viewBox"),
        title: root.querySelector(":scope > title")?.textContent ?? null,
        desc: root.querySelector(":scope > desc")?.textContent ?? null,
        fontFamily: root.getAttribute("font-family"),
        texts: [...doc.querySelectorAll("text")].map((t) =>
          [...t.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join(""),
        ),
      };
    }, svgText);
  }
}
