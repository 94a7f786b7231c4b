// axe-core (pinned in package.json) finds no violation on the page: light,
// dark, in Chinese, an embed, and with each of its dialogs open.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { servedSite, root } from "../lib/harness.js";
import { open, canvasInk, settle } from "../lib/browser.js";

const site = servedSite();
let axe = "";
before(async () => {
  axe = await readFile(`${root}e2e/node_modules/axe-core/axe.min.js`, "utf8");
});

/// axe's violations on the page as it is: one line each, rule and where.
async function violations(page) {
  await page.evaluate(axe);
  const found = await page.evaluate(async () => {
    const { violations } = await window.axe.run(document, { resultTypes: ["violations"] });
    return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 4).map((n) => n.target.join(" ")).join(", ")}${v.nodes.length > 4 ? ` and ${v.nodes.length - 4} more` : ""}`);
  });
  return found;
}

for (const [what, query, options] of [
  ["light", "", {}],
  ["dark", "", { colorScheme: "dark" }],
  ["Chinese", "?lang=zh", {}],
  ["an embed", "?embed=focal-curves&gamma=2", {}],
  ["an embed without controls", "?embed=fit&controls=0", {}],
]) {
  test(`no axe violation: ${what}`, async () => {
    const { page, log } = await open(site.browser, site.base + query, options);
    // As it opens (the figures far from view still their stills), then with
    // every figure drawn.
    assert.deepEqual(await violations(page), [], "as the page opens");
    await canvasInk(page);
    assert.deepEqual(await violations(page), [], "every figure drawn");
    assert.deepEqual(log.errors, []);
    await page.close();
  });
}

test("no axe violation with each dialog open", async () => {
  const { page, log } = await open(site.browser, site.base);
  const dialogs = await page.evaluate(() => [...document.querySelectorAll("dialog")].map((d, i) => d.id || `dialog ${i}`));
  for (let i = 0; i < dialogs.length; i++) {
    await page.evaluate((i) => document.querySelectorAll("dialog")[i].showModal(), i);
    await settle(page);
    assert.deepEqual(await violations(page), [], dialogs[i]);
    await page.evaluate((i) => document.querySelectorAll("dialog")[i].close(), i);
  }
  // The page's figures' buttons name what they show: their visible word is in their name.
  const names = await page.evaluate(() =>
    [...document.querySelectorAll(".fig-tools button")].slice(0, 3).map((b) => [b.textContent.trim(), b.getAttribute("aria-labelledby")]),
  );
  assert.equal(names.length, 3);
  for (const [text, labelledBy] of names) {
    const name = await page.evaluate((ids) => ids.split(" ").map((id) => document.getElementById(id).textContent.trim()).join(" "), labelledBy);
    assert.ok(name.startsWith(text), `"${name}" says "${text}"`);
  }
  assert.deepEqual(log.errors, []);
  await page.close();
});
