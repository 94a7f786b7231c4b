// Lighthouse (pinned in this folder's package.json) against the built page,
// served with gzip from a sub-folder under the strict CSP, in Debian's
// Chromium with Lighthouse's mobile emulation (a mid-range phone: 4× slower
// CPU, slow 4G, simulated). Prints JSON: for each page, the median over
// LOSSLAB_LIGHTHOUSE_RUNS runs (default 3) of the scores and metrics.
// Run by scripts/bench after a release build.
import { fileURLToPath } from "node:url";
import { existsSync } from "node:fs";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { serve } from "../lib/server.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const RUNS = Number(process.env.LOSSLAB_LIGHTHOUSE_RUNS ?? 3);
// The English page, the Chinese page as the page links to it, and a link
// that names the language only (the English page takes its reader there).
const PAGES = (process.env.LOSSLAB_LIGHTHOUSE_PAGES ?? ",zh/?lang=zh,?lang=zh").split(",");
const chromePath =
  process.env.CHROME_PATH ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

/// One Lighthouse run of `url` in a fresh Chromium: the figures the budget names.
async function once(url) {
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  try {
    const { lhr } = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
    });
    if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const score = (c) => Math.round(lhr.categories[c].score * 100);
    const metric = (id) => lhr.audits[id].numericValue;
    const failing = Object.values(lhr.categories)
      .filter((c) => c.id !== "performance")
      .flatMap((c) => c.auditRefs.filter((r) => r.weight > 0 && lhr.audits[r.id].score !== null && lhr.audits[r.id].score < 1).map((r) => `${c.id}: ${r.id}`));
    // How much of the long tasks Lighthouse lays at the page's own scripts'
    // door (the module's glue among them) is over 50 ms: the blocking the
    // page's code decides, apart from the browser's work on the article
    // (style, layout, pictures). The total counts only what follows the
    // first paint; this counts every such task.
    const own = /\/(losslab|boot|head)\.js$/;
    const scripts = (lhr.audits["long-tasks"].details?.items ?? [])
      .filter((task) => own.test(task.url))
      .reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0);
    return {
      performance: score("performance"),
      cls: metric("cumulative-layout-shift"),
      lcp_ms: metric("largest-contentful-paint"),
      fcp_ms: metric("first-contentful-paint"),
      tbt_ms: metric("total-blocking-time"),
      scripts_ms: scripts,
      si_ms: metric("speed-index"),
      accessibility: score("accessibility"),
      best_practices: score("best-practices"),
      seo: score("seo"),
      failing,
    };
  } finally {
    await chrome.kill();
  }
}

// LOSSLAB_DIST names another build to measure (an older one, to compare).
const { server, url } = await serve(process.env.LOSSLAB_DIST ?? `${root}dist`, { gzip: true });
try {
  const report = {};
  for (const query of PAGES) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await once(url + query));
    const pick = (key) => median(runs.map((r) => r[key]));
    report[query || "(default)"] = {
      performance: pick("performance"),
      cumulative_layout_shift: +pick("cls").toFixed(3),
      largest_contentful_paint_ms: Math.round(pick("lcp_ms")),
      first_contentful_paint_ms: Math.round(pick("fcp_ms")),
      total_blocking_time_ms: Math.round(pick("tbt_ms")),
      total_blocking_time_each: runs.map((r) => Math.round(r.tbt_ms)),
      blocking_in_own_scripts_ms: Math.round(pick("scripts_ms")),
      speed_index_ms: Math.round(pick("si_ms")),
      accessibility: pick("accessibility"),
      best_practices: pick("best_practices"),
      seo: pick("seo"),
      runs: runs.length,
      performance_each: runs.map((r) => r.performance),
      failing_audits: [...new Set(runs.flatMap((r) => r.failing))],
    };
  }
  console.log(JSON.stringify({ lighthouse: report }, null, 2));
} finally {
  server.close();
}
