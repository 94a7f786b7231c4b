// Offline: after one visit the page works with the network gone, from its
// sub-folder and under the strict policy; a new build is picked up on the
// next visit; a development build's worker removes itself.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { servedSite, lacks, root } from "../lib/harness.js";
import { canvasInk, open, readout, settle } from "../lib/browser.js";
import { serve } from "../lib/server.js";
import { FIGURES } from "../lib/figures.js";

const site = servedSite();

/// Waits until the page is controlled by a worker whose cache holds every
/// file its script lists; returns the cache's name.
async function cached(page) {
  await page.waitFor(() => navigator.serviceWorker?.controller != null, null, { timeout: 30000 });
  return page.evaluate(async () => {
    const keys = await caches.keys();
    const name = keys.find((k) => k.startsWith("losslab-"));
    return { name, files: (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname) };
  });
}

async function loaded(page) {
  await page.waitFor(() => document.querySelectorAll("canvas[data-figure]").length > 0 && document.querySelector('[data-readout="bce"]')?.textContent !== "", null, { timeout: 30000 });
  await settle(page);
}

/// A copy of dist/ to change, as a new deployment would.
async function copyOfDist() {
  const dir = await mkdtemp(join(tmpdir(), "losslab-dist-"));
  await cp(`${root}dist`, dir, { recursive: true });
  return dir;
}

/// Writes the copy's service worker as a build does (release or not).
function writeWorker(dir, profile) {
  execFileSync("sh", [`${root}scripts/service-worker`], {
    env: { ...process.env, TRUNK_STAGING_DIR: dir, TRUNK_SOURCE_DIR: root, TRUNK_PROFILE: profile },
  });
}

test("after one visit the whole page works offline, in English and in Chinese", async (t) => {
  // The network goes: the host stops listening, in every engine, and the
  // browser is put offline where its driver can (Chromium).
  const { server, url } = await serve(`${root}dist`);
  t.after(() => server.close());
  const offlineMode = !lacks(site, "offline");
  const { page, log } = await open(site.browser, url);
  const { name, files } = await cached(page);
  const worker = await readFile(`${root}dist/sw.js`, "utf8");
  assert.equal(name, `losslab-${worker.match(/const VERSION = "([0-9a-f]{16})";/)[1]}`);
  for (const file of ["index.html", "losslab.js", "losslab_bg.wasm", "boot.js", "style.css", "favicon.svg", "i18n/en.json", "i18n/zh.json"]) {
    assert.ok(files.includes(`/course/losslab/${file}`), `${file} is kept`);
  }
  server.close();
  server.closeAllConnections();
  if (offlineMode) await page.setOffline(true);
  await page.goto(`${url}?gamma=3`);
  await loaded(page);
  for (const fig of await canvasInk(page)) {
    if (FIGURES.includes(fig.name)) assert.ok(fig.ink > 0.005, `${fig.name} drawn offline`);
  }
  assert.equal(await readout(page, "bce"), "0.3329");
  assert.equal(await readout(page, "gamma-value"), "3.0");
  assert.equal(await page.evaluate(() => document.querySelector('[data-readout="bce-keras"]').textContent), "11.522857");
  // The other language's words come from the cache too.
  await page.select('[data-control="lang"]', "zh");
  await page.waitFor(() => document.documentElement.lang === "zh-CN", null, { timeout: 10000 });
  assert.equal(await page.text("#bce-title"), "二元交叉熵（binary_crossentropy）");
  if (offlineMode) await page.setOffline(false);
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.foreign, []);
  await page.close();
});

test("the worker answers for every still, in every form and both languages", async (t) => {
  // Every engine here has a worker, offline mode or not. Once it has the
  // build, the host stops serving the stills: each still a page asks for
  // as its width, colour scheme or language changes comes from the worker,
  // whole, or not at all.
  const stillsGone = { gone: false, test(path) { return this.gone && /(^|\/)figures\//.test(path); } };
  const { server, url } = await serve(`${root}dist`, { refuse: stillsGone });
  // Closed however the test ends: an open server would keep the run alive.
  t.after(() => server.close());
  const { page, log } = await open(site.browser, url);
  const { files } = await cached(page);
  const stills = files.filter((f) => /\/figures\/[^/]+\.svg$/.test(f));
  assert.equal(stills.length, 2 * 4 * FIGURES.length, "every figure's four stills in both languages are kept");
  stillsGone.gone = true;
  const failed = await page.evaluate(async (stills) => {
    const loaded = async (path) => {
      const image = new Image();
      image.src = path;
      return image.decode().then(() => image.naturalWidth > 0, () => false);
    };
    return (await Promise.all(stills.map(async (path) => ((await loaded(path)) ? null : path)))).filter(Boolean);
  }, stills);
  assert.deepEqual(failed, []);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test("a new build is picked up on the next visit, all of one build", async (t) => {
  const dir = await copyOfDist();
  const { server, url } = await serve(dir);
  // Closed however the test ends: an open server would keep the run alive.
  t.after(() => server.close());
  const { page, log } = await open(site.browser, url);
  const first = await cached(page);
  // A new build is deployed: another page, and a worker of another version.
  const html = await readFile(join(dir, "index.html"), "utf8");
  await writeFile(join(dir, "index.html"), html.replace('<html lang="en">', '<html lang="en" data-build="new">'));
  writeWorker(dir, "release");
  // The visit that finds it still shows the old build, whole; its new worker takes over.
  await page.goto(url);
  await loaded(page);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.build ?? null), null);
  await page.waitFor((old) => caches.keys().then((keys) => keys.length === 1 && keys[0] !== old), first.name, { timeout: 30000 });
  // The next visit shows the new one.
  await page.goto(url);
  await loaded(page);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.build), "new");
  assert.deepEqual(log.errors, []);
  await page.close();
  await rm(dir, { recursive: true, force: true });
});

test("a development build's worker removes itself and its cache", async (t) => {
  const dir = await copyOfDist();
  const { server, url } = await serve(dir);
  // Closed however the test ends: an open server would keep the run alive.
  t.after(() => server.close());
  const { page, log } = await open(site.browser, url);
  await cached(page);
  writeWorker(dir, "debug");
  await page.goto(url);
  await loaded(page);
  await page.waitFor(async () => (await navigator.serviceWorker.getRegistrations()).length === 0 && (await caches.keys()).length === 0, null, { timeout: 30000 });
  // From now on the page comes from the network: a change shows at once.
  const html = await readFile(join(dir, "index.html"), "utf8");
  await writeFile(join(dir, "index.html"), html.replace('<html lang="en">', '<html lang="en" data-build="rebuilt">'));
  await page.goto(url);
  await loaded(page);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.build), "rebuilt");
  assert.deepEqual(log.errors, []);
  await page.close();
  await rm(dir, { recursive: true, force: true });
});
