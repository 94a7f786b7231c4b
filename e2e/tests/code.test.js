// Code twins: every "Show code" opens code whose last line is the value
// the page shows beside it, in English and in Chinese, and follows the
// page when a control moves; the copy button copies the code, with the
// Clipboard API and without it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { servedSite, root } from "../lib/harness.js";
import { open, readout, setControl, settle } from "../lib/browser.js";

const site = servedSite();

const PRINTS = { en: "# prints ", zh: "# 打印 " };
const REFUSED = { en: /^# The page shows no .*? value for this call: (.*)$/, zh: /^# 页面上没有这次调用的 .*? 结果：(.*)$/ };

/// Opens every "Show code" disclosure as a reader does, by its summary.
async function openAll(page) {
  for (const summary of await page.locator("details[data-code-for] > summary").all()) {
    await summary.click();
  }
  await settle(page);
  for (const code of await page.locator("[data-code]").all()) assert.ok(await code.isVisible());
}

/// Each twin's name and its last line.
async function lastLines(page) {
  const twins = await page.$$eval("[data-code]", (els) => els.map((el) => [el.dataset.code, el.textContent]));
  return Object.fromEntries(twins.map(([name, text]) => [name, text.trimEnd().split("\n").at(-1)]));
}

/// The value the page shows for each twin: the calculators' rows, the
/// fit's w, b and BCE, the focal loss.
async function shown(page) {
  const values = {};
  for (const calc of ["bce", "cce"]) {
    for (const framework of ["keras", "keras3", "torch"]) {
      const value = await readout(page, `${calc}-${framework}`);
      const why = await page.locator(`[data-results="${calc}"] tr[data-semantics="${framework}"] td:nth-child(3)`).textContent();
      values[`${calc}-${framework}`] = value === "—" ? { refused: why } : { value };
    }
  }
  values["fit-sklearn"] = { value: [await readout(page, "coef"), await readout(page, "intercept"), await readout(page, "bce")].join(" ") };
  for (const framework of ["keras", "keras3", "torch"]) values[`focal-${framework}`] = { value: await readout(page, "focal") };
  return values;
}

async function twinsMatchThePage(page, lang) {
  const lines = await lastLines(page);
  const expected = await shown(page);
  assert.deepEqual(Object.keys(lines).sort(), Object.keys(expected).sort());
  for (const [name, want] of Object.entries(expected)) {
    const line = lines[name];
    if (want.value !== undefined) {
      assert.equal(line, PRINTS[lang] + want.value, `${name} in ${lang}`);
    } else {
      assert.equal(line.match(REFUSED[lang])?.[1], want.refused, `${name} in ${lang}: ${line}`);
    }
  }
}

for (const lang of ["en", "zh"]) {
  test(`each code twin ends with the value the page shows (${lang})`, async () => {
    const { context, page, log } = await open(site.browser, `${site.base}?lang=${lang}`);
    await openAll(page);
    await twinsMatchThePage(page, lang);
    const keras = await page.locator('[data-code="bce-keras"]').textContent();
    assert.match(keras, /y_true = np\.array\(\[0\.0, 0\.0, 1\.0, 1\.0\], dtype="float32"\)/);
    assert.equal(keras.trimEnd().split("\n").at(-1), `${PRINTS[lang]}11.522857`);

    // The twins follow the controls.
    await setControl(page, "gamma", 3.5);
    await setControl(page, "class-balancing", true);
    await setControl(page, "smoothing", 0.2);
    await page.fill('[data-control="cce-sample-weight"]', "[0.3, 0.7]");
    await page.fill('[data-control="bce-y-pred"]', "[-1.5, 0.25, 3, 1e-3]");
    await setControl(page, "bce-from-logits", true);
    await settle(page);
    await twinsMatchThePage(page, lang);
    const torch = await page.locator('[data-code="cce-torch"]').textContent();
    assert.match(torch, /reduction="none"\) \* weight/, "torch's cross_entropy weighted by hand");
    assert.match(await page.locator('[data-code="focal-torch"]').textContent(), /alpha=0\.25, gamma=3\.5/);
    assert.match(await page.locator('[data-code="fit-sklearn"]').textContent(), /^ls = 0\.2$/m);

    await mkdir(`${root}target/screenshots`, { recursive: true });
    await page.locator("#keras").screenshot({ path: `${root}target/screenshots/code-keras-${lang}.png` });
    assert.deepEqual(log.errors, []);
    await context.close();
  });
}

test("the copy button copies the code and says so politely", async () => {
  const { context, page, log } = await open(site.browser, site.base);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await openAll(page);
  const status = page.locator('[data-code-status="cce-torch"]');
  assert.equal(await status.getAttribute("aria-live"), "polite");
  await page.click('[data-copy-code="cce-torch"]');
  await page.waitForFunction(() => document.querySelector('[data-code-status="cce-torch"]').textContent !== "");
  assert.equal(await status.textContent(), "Copied");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, await page.locator('[data-code="cce-torch"]').textContent());
  // The status clears after a moment.
  await page.waitForFunction(() => document.querySelector('[data-code-status="cce-torch"]').textContent === "", null, { timeout: 5000 });
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("without the Clipboard API the copy command copies the code (Chinese status)", async () => {
  const { context, page, log } = await open(site.browser, `${site.base}?lang=zh`);
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined, configurable: true });
    document.addEventListener("copy", (event) => {
      window.copiedText = event.target.value ?? String(getSelection());
    }, true);
  });
  await page.reload();
  await page.waitForFunction(() => document.querySelector('[data-readout="bce"]')?.textContent !== "");
  assert.equal(await page.evaluate(() => navigator.clipboard), undefined);
  await openAll(page);
  const button = page.locator('[data-copy-code="fit-sklearn"]');
  await button.click();
  await page.waitForFunction(() => document.querySelector('[data-code-status="fit-sklearn"]').textContent !== "");
  assert.equal(await page.locator('[data-code-status="fit-sklearn"]').textContent(), "已复制");
  assert.equal(await page.evaluate(() => window.copiedText), await page.locator('[data-code="fit-sklearn"]').textContent());
  assert.equal(await page.evaluate(() => document.activeElement.dataset.copyCode), "fit-sklearn", "the focus goes back to the button");
  assert.equal(await page.locator("textarea.sr-only").count(), 0, "the text area is gone");
  assert.deepEqual(log.errors, []);
  await context.close();
});
