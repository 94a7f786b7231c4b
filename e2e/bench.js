// The page benchmark: full-redraw time, slider-to-frame latency, first full
// render and download sizes of the release build, with 10, 100 and 1 000
// points. Prints JSON. Run by scripts/bench after a release build.
import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { serve } from "./lib/server.js";
import { launch, open, settle } from "./lib/browser.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const REDRAWS = Number(process.env.LOSSLAB_BENCH_REDRAWS ?? 300);

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const stats = (xs) => ({ median_ms: +quantile(xs, 0.5).toFixed(3), p95_ms: +quantile(xs, 0.95).toFixed(3), n: xs.length });

/// n points spread over the article's range, labels mostly by side with some noise.
function points(n) {
  const pts = [];
  for (let i = 0; i < n; i++) {
    const x = -3 + (8 * i) / Math.max(1, n - 1);
    const green = (i * 7919) % 10 < 3 ? x < 0.5 : x >= 0.5;
    pts.push(`${x.toFixed(3)}:${green ? 1 : 0}`);
  }
  return pts.join(",");
}

async function measure(browser, url) {
  const { context, page, log } = await open(browser, url);
  const result = await page.evaluate(async (redraws) => {
    const times = [];
    for (let i = 0; i < redraws; i++) {
      const t0 = performance.now();
      window.losslab.redraw_all_now();
      times.push(performance.now() - t0);
    }
    const refit = [];
    for (let i = 0; i < 50; i++) {
      const t0 = performance.now();
      window.losslab.refit_now();
      refit.push(performance.now() - t0);
    }
    // Slider event → the frame that shows it: from the input event to the end
    // of the app's frame (which runs before this rAF callback).
    const latency = [];
    const slider = document.querySelector('[data-control="gamma"]');
    for (let i = 0; i < 60; i++) {
      const t0 = performance.now();
      slider.value = String((i % 50) / 10);
      slider.dispatchEvent(new Event("input", { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(r));
      latency.push(performance.now() - t0);
    }
    const first = performance.getEntriesByName("losslab-first-render")[0]?.startTime ?? NaN;
    return { times, refit, latency, first };
  }, REDRAWS);
  await settle(page);
  await context.close();
  if (log.errors.length) throw new Error(`console errors: ${log.errors.join("; ")}`);
  return result;
}

const { server, url } = await serve(`${root}dist`);
const browser = await launch();
try {
  const report = { redraw_all_figures: {}, refit: {}, slider_to_frame: null, first_full_render_ms: null, sizes_gzip_bytes: {} };
  for (const n of [10, 100, 1000]) {
    const query = n === 10 ? "" : `?pts=${points(n)}`;
    const r = await measure(browser, url + query);
    report.redraw_all_figures[`${n}_points`] = stats(r.times);
    report.refit[`${n}_points`] = stats(r.refit);
    if (n === 10) {
      report.slider_to_frame = stats(r.latency);
      report.first_full_render_ms = +r.first.toFixed(1);
    }
  }
  for (const file of ["losslab_bg.wasm", "losslab.js"]) {
    const bytes = await readFile(`${root}dist/${file}`);
    report.sizes_gzip_bytes[file] = gzipSync(bytes, { level: 9 }).length;
  }
  console.log(JSON.stringify(report, null, 2));
} finally {
  await browser.close();
  server.close();
}
