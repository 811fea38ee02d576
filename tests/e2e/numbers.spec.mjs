// The numbers add up on screen as they do in the core: one total per model in "show the
// math", the same bill in the math, the month table, the lane and the CLI; lane counts that
// add up; sparse traffic that starts cold, and the keep-warm ping control that stops it; lane
// texts inside their lanes at the extremes (measured by the browser's own text layout); one
// rule for a model that cannot run.
import { execFileSync } from "node:child_process";
import { test, expect } from "./fixtures.mjs";

async function open(page, query) {
  await page.goto(`./?view=scaling&${query}`);
  await expect(page.getByTestId("lanes-diagram").locator("svg")).toBeVisible();
}

async function openMath(page) {
  await page.getByTestId("show-math").locator("summary").click();
  await expect(page.getByTestId("math-faas")).toBeVisible();
}

/** `$143.02` → 143.02 (the first amount in a text). */
function amount(text) {
  const m = text.match(/[$₩]([0-9,]+(?:\.[0-9]+)?)/);
  return m ? Number(m[1].replace(/,/g, "")) : NaN;
}

test("the functions' math has one total and it is the bill everywhere", async ({ page }) => {
  await open(page, "lang=en&pc=10&quota=50");
  await openMath(page);
  const lines = (await page.getByTestId("math-faas").locator("pre").innerText()).split("\n");
  const totals = lines.filter((l) => l.startsWith("Total:"));
  expect(totals).toHaveLength(1);
  // The GB-seconds the requests ran: not "= 0 GB-s" although they ran on provisioned ones.
  const gbs = lines.find((l) => l.startsWith("GB-seconds:"));
  expect(gbs).not.toMatch(/= 0 GB-s/);
  const total = totals[0].split("= ").pop();
  const parts = totals[0].slice("Total: ".length).split(" = ")[0].split(" + ").map(amount);
  expect(parts).toHaveLength(4);
  expect(Math.round(parts.reduce((a, b) => a + b, 0) * 100)).toBe(Math.round(amount(total) * 100));
  await expect(page.getByTestId("month-faas")).toHaveText(total);
  await expect(page.locator("#lane-faas .lane-month")).toContainText(total);
  if (process.env.SKYSCALE_CLI) {
    const cli = execFileSync(process.env.SKYSCALE_CLI, ["simulate", "--scenario", "pc=10&quota=50"], {
      encoding: "utf8",
    });
    const cliTotals = cli.split("\n").filter((l) => l.trim().startsWith("Total:"));
    expect(cliTotals).toContain(`  ${totals[0]}`);
    const json = JSON.parse(
      execFileSync(process.env.SKYSCALE_CLI, ["simulate", "--scenario", "pc=10&quota=50", "--json"], {
        encoding: "utf8",
      }),
    );
    expect(json.models.faas.cost_usd).toBeCloseTo(amount(total), 6);
  }
});

test("lane counts add up to what they count during a flash spike", async ({ page }) => {
  await open(page, "lang=en&pat=flash&peak=2000&t=1125");
  for (const code of ["onprem", "vm-fixed", "vm-auto", "container", "faas"]) {
    const lane = page.locator(`#lane-${code}`);
    // Functions' count is the minute's average, marked "≈".
    const count = Number((await lane.locator(".lane-count").textContent()).split(" ")[0].replace(/[≈,]/g, ""));
    const parts = await lane.locator(".lane-n").allTextContents();
    expect(parts).toHaveLength(3);
    const sum = parts.map((p) => Number(p.replace(/,/g, ""))).reduce((a, b) => a + b, 0);
    expect(Math.abs(sum - count), `${code}: ${parts.join(" + ")} vs ${count}`).toBeLessThan(1e-9);
  }
});

test("the month says how it is built and which numbers are the peak day's", async ({ page }) => {
  await open(page, "lang=en&pat=flash&peak=2000");
  await openMath(page);
  await expect(page.getByTestId("math-plan")).toContainText("1 spike day + 29 ordinary days = 30 days");
  await expect(page.getByTestId("math-faas")).toContainText("Requests served: 1 spike day × ");
  await expect(page.getByTestId("month-bill")).toContainText("peak day");
});

test("sparse traffic starts cold, and a keep-warm ping stops it at a price", async ({ page }) => {
  await open(page, "lang=en&pat=steady&peak=0.001&rt=java");
  // A rate this small reads per hour, not "0 requests/s".
  await expect(page.locator("#lanes-clock")).toContainText("requests/h");
  // An expected count, marked as one (≈), of more than a thousand cold starts a month.
  const coldText = await page.getByTestId("cold-faas").textContent();
  expect(coldText).toMatch(/^≈/);
  const cold = Number(coldText.replace(/[≈,\s]/g, ""));
  expect(cold).toBeGreaterThan(1000);
  // The p95 is a cold request's: Java's 2 s start-up on top of the run.
  await expect(page.getByTestId("bill-faas").locator("td", { hasText: /^2,\d{3} ms$/ })).toHaveCount(1);
  await expect(page.locator("#lane-faas .lane-n-serving")).toHaveText("0");
  await expect(page.locator("#lane-faas")).toContainText("Quota used");
  await openMath(page);
  await expect(page.getByTestId("math-faas")).toContainText("A keep-warm ping every 5 min would stop");
  await expect(page.getByTestId("math-faas")).toContainText("Provisioned concurrency for 1 environment would stop all");
  // The ping is a setting: in the URL, and it stops the cold starts after idle spells.
  const ping = page.locator("#ctl-ping");
  await ping.fill("5");
  await ping.press("Tab");
  await expect(page).toHaveURL(/[?&]ping=5(&|$)/);
  await expect(page.getByTestId("cold-faas")).toHaveText("0");
  await expect(page.getByTestId("math-faas")).toContainText("Keep-warm pings, one every 5 min: 30 days × 288 a day = 8,640");
});

test("lane texts stay inside their lanes with every value at its maximum", async ({ page }) => {
  const max =
    "pat=flash&peak=1000000&cpu=600000&dur=3600000&mem=10240&head=500&cores=1&n=100000&max=100000" +
    "&cmax=100000&min=100000&cmin=100000&quota=1000000&pc=100000&krw=100000&cur=krw&p_vm=1000000" +
    "&p_srv=1000000&p_ops=1000000&p_vcpu=1000000&p_gbh=1000000&p_req=1000000&p_gbs=1000000";
  for (const lang of ["en", "ko"]) {
    await open(page, `lang=${lang}&${max}`);
    const outside = await page.evaluate(() => {
      const bad = [];
      for (const lane of document.querySelectorAll("[data-testid=lanes-diagram] svg .lane")) {
        const bg = lane.querySelector("rect").getBBox();
        for (const t of lane.querySelectorAll("text")) {
          const b = t.getBBox();
          if (b.width > 0 && (b.x < bg.x || b.x + b.width > bg.x + bg.width)) {
            bad.push(`${t.textContent} (${Math.round(b.x)}–${Math.round(b.x + b.width)} in ${Math.round(bg.x)}–${Math.round(bg.x + bg.width)})`);
          }
        }
      }
      return bad;
    });
    expect(outside, lang).toEqual([]);
    // And no float noise in the won: 15 significant digits at most.
    const bill = await page.getByTestId("month-vm-fixed").textContent();
    expect(bill.replace(/[^0-9]/g, "").replace(/0+$/, "").length).toBeLessThanOrEqual(15);
  }
});

test("a model that cannot run shows no bill, wherever it is", async ({ page }) => {
  await open(page, "lang=en&mem=20000");
  await expect(page.getByTestId("month-faas")).toHaveText("— cannot run");
  await expect(page.locator("#lane-faas")).not.toContainText("$");
  await openMath(page);
  await expect(page.getByTestId("math-faas")).toContainText("No bill");
  await expect(page.getByTestId("math-faas")).not.toContainText("$");
  // The fit view's counter-example that keeps state on local disk: no bill either.
  await page.goto("./?view=fit&lang=en&pat=steady&peak=5&cpu=300&dur=2000&mem=2048");
  const row = page.locator("tr[data-model=faas]");
  await expect(row).toContainText("cannot run");
  // One cell across the bill and lost-share columns says why; no amount in the row.
  await expect(row.locator("td").first()).toHaveText(/^cannot run: /);
  await expect(row).not.toContainText("$");
});
