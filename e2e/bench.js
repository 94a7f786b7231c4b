// The page benchmark: full-redraw time, refit of every fit, slider-to-frame
// latency (10, 100 and 1 000 points, and the imbalanced data set's 400), startup (navigation to the first full render and its phases,
// over fresh loads) and download sizes of the release build. Prints JSON.
// Run by scripts/bench after a release build.
import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { serve } from "./lib/server.js";
import { launch, open, settle } from "./lib/browser.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const REDRAWS = Number(process.env.LOSSLAB_BENCH_REDRAWS ?? 300);
const LOADS = Number(process.env.LOSSLAB_BENCH_LOADS ?? 15);

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const stats = (xs) => ({ median_ms: +quantile(xs, 0.5).toFixed(1), p95_ms: +quantile(xs, 0.95).toFixed(1), n: xs.length });

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

/// Navigation to each startup mark, in one fresh browser context per load
/// (nothing cached, nothing compiled), over `LOADS` loads.
async function startup(browser, url) {
  const marks = { boot: "losslab-boot", module_ready: "losslab-module-ready", mounted: "losslab-mounted", first_full_render: "losslab-first-render" };
  const phases = Object.fromEntries(Object.keys(marks).map((phase) => [phase, []]));
  for (let i = 0; i < LOADS; i++) {
    const { page, log } = await open(browser, url);
    const at = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType("mark").map((m) => [m.name, m.startTime])));
    await page.close();
    if (log.errors.length) throw new Error(`console errors: ${log.errors.join("; ")}`);
    for (const [phase, mark] of Object.entries(marks)) phases[phase].push(at[mark] ?? NaN);
  }
  return Object.fromEntries(Object.entries(phases).map(([phase, times]) => [phase, stats(times)]));
}

async function measure(browser, url, sliderName = "gamma") {
  const { page, log } = await open(browser, url);
  const result = await page.evaluate(async ([redraws, sliderName]) => {
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
    const slider = document.querySelector(`[data-control="${sliderName}"]`);
    const max = Number(slider.max);
    for (let i = 0; i < 60; i++) {
      const t0 = performance.now();
      slider.value = String(((i % 50) / 50) * max);
      slider.dispatchEvent(new Event("input", { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(r));
      latency.push(performance.now() - t0);
    }
    return { times, refit, latency };
  }, [REDRAWS, sliderName]);
  await settle(page);
  await page.close();
  if (log.errors.length) throw new Error(`console errors: ${log.errors.join("; ")}`);
  return result;
}

const { server, url } = await serve(`${root}dist`);
const browser = await launch();
try {
  const report = { redraw_all_figures: {}, refit: {}, slider_to_frame: {}, startup_ms: null, sizes_gzip_bytes: {} };
  for (const n of [10, 100, 1000]) {
    const query = n === 10 ? "" : `?pts=${points(n)}`;
    const r = await measure(browser, url + query);
    report.redraw_all_figures[`${n}_points`] = stats(r.times);
    report.refit[`${n}_points`] = stats(r.refit);
    if (n === 10) report.slider_to_frame["10_points_gamma"] = stats(r.latency);
  }
  // A data set of 400 points (280 fitted): the smoothing slider refits every
  // fit of the page, each from its last optimum, as a dragged point does.
  const imbalanced = await measure(browser, `${url}?data=imbalanced&seed=1`, "smoothing");
  report.redraw_all_figures.imbalanced_400_points = stats(imbalanced.times);
  report.refit.imbalanced_400_points = stats(imbalanced.refit);
  report.slider_to_frame["400_points_smoothing"] = stats(imbalanced.latency);
  report.startup_ms = await startup(browser, url);
  for (const file of ["losslab_bg.wasm", "losslab.js"]) {
    const bytes = await readFile(`${root}dist/${file}`);
    report.sizes_gzip_bytes[file] = gzipSync(bytes, { level: 9 }).length;
  }
  console.log(JSON.stringify(report, null, 2));
} finally {
  await browser.close();
  server.close();
}
