// Code twins: every "Show code" opens code whose last line is the value
// the page shows beside it, in English and in Chinese, and follows the
// page when a control moves; the copy button copies the code, with the
// Clipboard API and without it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { servedSite, lacks, shots } from "../lib/harness.js";
import { open, readout, setControl, settle } from "../lib/browser.js";

const site = servedSite();

const PRINTS = { en: "# prints ", zh: "# 打印 " };
const REFUSED_START = { en: "# The page shows no ", zh: "# 页面上没有" };
const REFUSED = { en: /^# The page shows no .*? value for this call: (.*)$/, zh: /^# 页面上没有这次调用的 .*? 结果：(.*)$/ };

/// How many code twins a reader sees (a closed disclosure hides its code
/// from rendering, not from layout queries: checkVisibility tells).
function shownTwins(page) {
  return page.evaluate(() => [...document.querySelectorAll("[data-code]")]
    .filter((el) => el.closest("details").open && (el.checkVisibility?.() ?? true)).length);
}

/// Opens every "Show code" disclosure as a reader does, by its summary.
async function openAll(page) {
  const summaries = "details[data-code-for] > summary";
  assert.equal(await shownTwins(page), 0, "closed at first");
  for (let nth = 0; nth < (await page.count(summaries)); nth++) await page.click(summaries, { nth });
  await settle(page);
  assert.equal(await shownTwins(page), await page.count("[data-code]"));
}

function code(page, name) {
  return page.text(`[data-code="${name}"]`);
}

/// Each twin's name and its closing comment: its last line, or the lines
/// of a reason broken at spaces, joined.
async function lastLines(page) {
  const twins = await page.evaluate(() => [...document.querySelectorAll("[data-code]")].map((el) => [el.dataset.code, el.textContent]));
  return Object.fromEntries(twins.map(([name, text]) => {
    const lines = text.trimEnd().split("\n");
    const start = lines.findLastIndex((line) => Object.values(REFUSED_START).some((s) => line.startsWith(s)));
    return [name, start < 0 ? lines.at(-1) : "# " + lines.slice(start).map((line) => line.slice(2)).join(" ")];
  }));
}

/// The value the page shows for each twin: the calculators' rows, the
/// fit's w, b and BCE, the focal loss.
async function shown(page) {
  const values = {};
  for (const calc of ["bce", "cce"]) {
    for (const framework of ["keras", "keras3", "torch"]) {
      const value = await readout(page, `${calc}-${framework}`);
      const why = await page.text(`[data-results="${calc}"] tr[data-semantics="${framework}"] td:nth-child(3)`);
      values[`${calc}-${framework}`] = value === "—" ? { refused: why } : { value };
    }
  }
  values["fit-sklearn"] = { value: [await readout(page, "coef"), await readout(page, "intercept"), await readout(page, "bce")].join(" ") };
  values["softmax-sklearn"] = { value: [await readout(page, "softmax-loss"), await readout(page, "softmax-accuracy")].join(" ") };
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
    const { page, log } = await open(site.browser, `${site.base}?lang=${lang}`);
    await openAll(page);
    await twinsMatchThePage(page, lang);
    const keras = await code(page, "bce-keras");
    assert.match(keras, /y_true = np\.array\(\[0\.0, 0\.0, 1\.0, 1\.0\], dtype="float32"\)/);
    assert.equal(keras.trimEnd().split("\n").at(-1), `${PRINTS[lang]}11.522857`);

    // The twins follow the controls.
    await setControl(page, "gamma", 3.5);
    await setControl(page, "class-balancing", true);
    await setControl(page, "smoothing", 0.2);
    await setControl(page, "cce-sample-weight", "[0.3, 0.7]");
    await setControl(page, "bce-y-pred", "[-1.5, 0.25, 3, 1e-3]");
    await setControl(page, "bce-from-logits", true);
    await twinsMatchThePage(page, lang);
    assert.match(await code(page, "cce-torch"), /reduction="none"\) \* weight/, "torch's cross_entropy weighted by hand");
    assert.match(await code(page, "focal-torch"), /alpha=0\.25, gamma=3\.5/);
    assert.match(await code(page, "fit-sklearn"), /^eps = 0\.2  # ε/m);
    assert.match(await code(page, "bce-keras3"), /y_pred = np\.array\(\[-1\.5, 0\.25, 3\.0, 0\.001\], dtype="float32"\)/);

    // Each twin keeps to black's 88 columns, a refusal's reason too, and
    // its box shows 88 in the page's widest column: nothing scrolls sideways.
    const wide = await page.evaluate(() => [...document.querySelectorAll("[data-code]")]
      .map((el) => [el.dataset.code, el.closest("pre")])
      .filter(([, pre]) => pre.scrollWidth > pre.clientWidth)
      .map(([name, pre]) => `${name}: ${pre.scrollWidth} px in ${pre.clientWidth}`));
    assert.deepEqual(wide, [], "no twin scrolls sideways at 1 100 px");

    await mkdir(shots, { recursive: true });
    await page.scrollIntoView('details[data-code-for="cce"]');
    await page.screenshot(`${shots}/code-cce-${lang}.png`);
    assert.deepEqual(log.errors, []);
    await page.close();
  });
}

test("the copy button copies the code and says so politely", async (t) => {
  const why = lacks(site, "clipboard");
  if (why) return t.skip(why);
  const { page, log } = await open(site.browser, site.base);
  await page.grantClipboard();
  await openAll(page);
  const status = '[data-code-status="cce-torch"]';
  assert.equal(await page.evaluate((s) => document.querySelector(s).getAttribute("aria-live"), status), "polite");
  await page.click('[data-copy-code="cce-torch"]');
  await page.waitFor((s) => document.querySelector(s).textContent !== "", status);
  assert.equal(await page.text(status), "Copied");
  assert.equal(await page.clipboardText(), await code(page, "cce-torch"));
  // The status clears after a moment.
  await page.waitFor((s) => document.querySelector(s).textContent === "", status, { timeout: 5000 });
  assert.deepEqual(log.errors, []);
  await page.close();
});

test("without the Clipboard API the copy command copies the code (Chinese status)", async () => {
  const { page, log } = await open(site.browser, `${site.base}?lang=zh`);
  await page.evaluate(() => {
    Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined, configurable: true });
    document.addEventListener("copy", (event) => {
      window.copiedText = event.target.value ?? String(getSelection());
    }, true);
  });
  assert.equal(await page.evaluate(() => navigator.clipboard === undefined), true, "no Clipboard API");
  await openAll(page);
  const status = '[data-code-status="fit-sklearn"]';
  await page.click('[data-copy-code="fit-sklearn"]');
  await page.waitFor((s) => document.querySelector(s).textContent !== "", status);
  assert.equal(await page.text(status), "已复制");
  assert.equal(await page.evaluate(() => window.copiedText), await code(page, "fit-sklearn"));
  assert.equal(await page.evaluate(() => document.activeElement.dataset.copyCode), "fit-sklearn", "the focus goes back to the button");
  assert.equal(await page.count("textarea.sr-only"), 0, "the text area is gone");
  assert.deepEqual(log.errors, []);
  await page.close();
});
