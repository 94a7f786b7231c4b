// The page benchmark: full-redraw time, refit of every fit, slider-to-frame
// latency (10, 100 and 1 000 points, and the imbalanced data set's 400), startup (navigation to the first full render and its phases,
// over fresh loads) and download sizes of the release build. Then three
// ratios, each measured in one run of one browser, so that the machine's
// speed cancels out:
// - redraw overhead: a full redraw of every figure ÷ replaying the canvas
//   calls it made (recorded once, as a list) from plain JavaScript; beside
//   it, the same redraw with every canvas call doing nothing (the module's
//   own share, apart from the canvas);
// - start-up overhead: navigation → every figure drawn ÷ navigation → load
//   of the same page with its module missing (its stills only); beside it,
//   that page's first paint and the live page's phases;
// - (phone) the same start-up on a phone-class profile, served with gzip:
//   slow 4G (150 ms round trip, 1.44 Mbit/s down) and a 4× slower CPU, as
//   Lighthouse's mobile emulation sets them, where the module's download
//   is most of the wait (Chromium only: the DevTools protocol throttles);
//   and how long the page keeps from answering input after its first paint,
//   as Lighthouse counts it (each long task's part over 50 ms, summed over
//   the 3 s after the first figure is drawn), with its longest task;
// - memory: the renderer's memory (and the GPU process's) after
//   LOSSLAB_BENCH_PLAY_S seconds (600 unless set) of sweeps and scrolling ÷
//   the same page without its module, at DPR 2, both read at the page's top;
//   its growth over the second half, and what the page itself holds (module
//   memory, JavaScript heap, elements) as it is seen, halfway and at the end.
// Prints JSON. Run by scripts/bench after a release build.
import { readFile } from "node:fs/promises";
import { sleep } from "./lib/engines/common.js";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { serve } from "./lib/server.js";
import { launch, open, settle } from "./lib/browser.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const REDRAWS = Number(process.env.LOSSLAB_BENCH_REDRAWS ?? 300);
const PLAY_S = Number(process.env.LOSSLAB_BENCH_PLAY_S ?? 600);
const LOADS = Number(process.env.LOSSLAB_BENCH_LOADS ?? 15);
// LOSSLAB_BENCH_ONLY picks parts (comma-separated): absolute, redraw, startup, phone, memory.
const ONLY = process.env.LOSSLAB_BENCH_ONLY?.split(",");
const runs = (part) => !ONLY || ONLY.includes(part);

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
  const marks = { boot: "losslab-boot", module_ready: "losslab-module-ready", mounted: "losslab-mounted", first_figure: "losslab-first-render" };
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

/// The page's whole height at `width`: a viewport this tall has every figure
/// near it, so every figure is drawn (the page draws only what is near).
async function pageHeight(browser, url, width) {
  const { page } = await open(browser, url, { width });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.close();
  return Math.min(height, 16000);
}

/// A full redraw of every figure ÷ replaying its canvas calls from plain
/// JavaScript: every method call and property set on the 2D contexts during
/// one redraw, recorded, then replayed on the same canvases.
async function redrawOverhead(browser, url, height) {
  const { page, log } = await open(browser, url, { width: 1100, height });
  const r = await page.evaluate(async (redraws) => {
    const proto = CanvasRenderingContext2D.prototype;
    // Replaces every method of the 2D context but `kept` (`method(key, f)`
    // gives the stand-in for `f`) and every property's setter
    // (`setter(key, set)`); returns how to put them back.
    const replace = (method, setter, kept = []) => {
      const undo = [];
      for (const key of Object.getOwnPropertyNames(proto)) {
        const d = Object.getOwnPropertyDescriptor(proto, key);
        if (typeof d.value === "function" && key !== "constructor" && !kept.includes(key)) {
          Object.defineProperty(proto, key, { ...d, value: method(key, d.value) });
        } else if (d.set) {
          Object.defineProperty(proto, key, { ...d, set: setter(key, d.set) });
        } else continue;
        undo.push(() => Object.defineProperty(proto, key, d));
      }
      return () => undo.forEach((f) => f());
    };
    const calls = [];
    const restore = replace(
      (key, f) => function (...args) {
        // An image's cells are a view of the module's memory, which may
        // grow (and be detached) before the replay: the replay keeps a copy.
        const own = args.map((a) => (a instanceof ImageData ? new ImageData(new Uint8ClampedArray(a.data), a.width, a.height) : a));
        calls.push([this, key, own, false]);
        return f.apply(this, args);
      },
      (key, set) => function (v) {
        calls.push([this, key, v, true]);
        set.call(this, v);
      },
    );
    window.losslab.redraw_all_now();
    restore();
    const figures = new Set(calls.map(([ctx]) => ctx.canvas.dataset.figure)).size;
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    // Timed five at a time: a redraw takes a few milliseconds, and the
    // page's clock ticks in tenths of one.
    const batch = 5;
    const full = [];
    const replay = [];
    for (let i = 0; i < redraws; i++) {
      let t0 = performance.now();
      for (let j = 0; j < batch; j++) window.losslab.redraw_all_now();
      full.push((performance.now() - t0) / batch);
      t0 = performance.now();
      for (let j = 0; j < batch; j++) {
        for (const [ctx, key, args, set] of calls) {
          if (set) ctx[key] = args;
          else ctx[key](...args);
        }
      }
      replay.push((performance.now() - t0) / batch);
      if (i % 4 === 0) await new Promise((r) => requestAnimationFrame(r));
    }
    // The module's own share: the same redraws with every call on a 2D
    // context made to do nothing (reading text and pixels excepted), so that
    // what is left is the module and the replay of its painting. Measured
    // last: the stubs are taken away after, but the page is not reused.
    const unstub = replace(() => function () {}, () => function () {}, ["measureText", "getImageData", "createImageData"]);
    const alone = [];
    for (let i = 0; i < redraws; i++) {
      const t0 = performance.now();
      for (let j = 0; j < batch; j++) window.losslab.redraw_all_now();
      alone.push((performance.now() - t0) / batch);
    }
    unstub();
    return { figures, calls: calls.length, full: median(full), replay: median(replay), alone: median(alone) };
  }, Math.max(30, Math.round(REDRAWS / 3)));
  await page.close();
  if (log.errors.length) throw new Error(`console errors: ${log.errors.join("; ")}`);
  return {
    ratio: +(r.full / r.replay).toFixed(2),
    full_redraw_median_ms: +r.full.toFixed(3),
    replay_median_ms: +r.replay.toFixed(3),
    module_alone_median_ms: +r.alone.toFixed(3),
    figures: r.figures,
    canvas_calls: r.calls,
  };
}

/// Navigation → every figure drawn (live) ÷ navigation → load (module
/// missing), alternating, over `LOADS` loads each. Beside the ratio, where
/// the live page's time went (its first paint, after which the module's
/// download begins; the module ready; the page open) and when the page
/// without its module first paints: in a window that holds every figure,
/// its load comes before its first paint, and the live page can begin
/// its download only after its own.
async function startupOverhead(browser, live, still, height) {
  const phases = { first_contentful_paint: [], module_download_start: [], module_ready: [], mounted: [], all_figures_drawn: [] };
  const loaded = [];
  const stillPaint = [];
  for (let i = 0; i < LOADS; i++) {
    const a = await open(browser, live, { width: 1100, height });
    await a.page.waitFor(() => performance.getEntriesByName("losslab-all-drawn").length > 0, null, { timeout: 30000 });
    const at = await a.page.evaluate(() => {
      const first = (name) => performance.getEntriesByName(name)[0]?.startTime;
      return {
        first_contentful_paint: first("first-contentful-paint"),
        module_download_start: performance.getEntriesByType("resource").find((e) => e.name.endsWith(".wasm"))?.startTime,
        module_ready: first("losslab-module-ready"),
        mounted: first("losslab-mounted"),
        all_figures_drawn: first("losslab-all-drawn"),
      };
    });
    for (const [key, value] of Object.entries(at)) phases[key].push(value ?? NaN);
    await a.page.close();
    const b = await open(browser, still, { width: 1100, height, live: false });
    // (An engine that keeps no paint timing reports no first paint.)
    await b.page.waitFor(() => performance.getEntriesByType("navigation")[0]?.loadEventEnd > 0 &&
      (performance.getEntriesByName("first-contentful-paint").length > 0 || !PerformanceObserver.supportedEntryTypes?.includes("paint")),
      null, { timeout: 30000 });
    const [load, paint] = await b.page.evaluate(() =>
      [performance.getEntriesByType("navigation")[0].loadEventEnd, performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN]);
    loaded.push(load);
    stillPaint.push(paint);
    await b.page.close();
  }
  const d = quantile(phases.all_figures_drawn, 0.5);
  const l = quantile(loaded, 0.5);
  return {
    ratio: +(d / l).toFixed(2),
    all_figures_drawn: stats(phases.all_figures_drawn),
    load_without_module: stats(loaded),
    first_paint_without_module: stats(stillPaint),
    live_phases: Object.fromEntries(Object.entries(phases).filter(([key]) => key !== "all_figures_drawn").map(([key, xs]) => [key, stats(xs)])),
  };
}

/// Navigation → first contentful paint, the module's download, module
/// ready and page open, on a phone-class profile (see the top), over
/// `LOADS` loads of `url` (served with gzip).
async function phoneStartup(browser, url) {
  const times = {
    first_contentful_paint: [], module_download_start: [], module_download_end: [], module_ready: [], mounted: [],
    first_render: [], blocking_after_first_paint: [], longest_task_after_first_paint: [],
  };
  for (let i = 0; i < LOADS; i++) {
    const { page, log } = await open(browser, "about:blank", { width: 412, height: 823, dpr: 1.75, touch: true, live: false });
    const session = await page.page.createCDPSession();
    await session.send("Network.enable");
    await session.send("Network.setCacheDisabled", { cacheDisabled: true });
    const kbit = 1024 / 8;
    await session.send("Network.emulateNetworkConditions", {
      offline: false, latency: 150, downloadThroughput: 1.6 * 1024 * kbit * 0.9, uploadThroughput: 750 * kbit * 0.9,
    });
    await session.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await page.goto(url);
    await page.waitFor(() => performance.getEntriesByName("losslab-first-render").length > 0, null, { timeout: 60000 });
    // The figures near the screen are drawn in the tasks that follow.
    await sleep(3000);
    const at = await page.evaluate(async () => {
      const first = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
      const wasm = performance.getEntriesByType("resource").find((e) => e.name.endsWith(".wasm"));
      const fcp = first("first-contentful-paint");
      // The long tasks (over 50 ms) since the first paint, as Lighthouse
      // counts them for its total blocking time: the part of each over 50 ms.
      const tasks = await new Promise((resolve) => {
        setTimeout(() => resolve([]), 500);
        new PerformanceObserver((list) => resolve(list.getEntries())).observe({ type: "longtask", buffered: true });
      });
      const after = tasks
        .filter((t) => t.startTime + t.duration > fcp)
        .map((t) => t.startTime + t.duration - Math.max(t.startTime, fcp));
      return {
        first_contentful_paint: fcp,
        module_download_start: wasm?.startTime ?? NaN,
        module_download_end: wasm?.responseEnd ?? NaN,
        module_ready: first("losslab-module-ready"),
        mounted: first("losslab-mounted"),
        first_render: first("losslab-first-render"),
        blocking_after_first_paint: after.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
        longest_task_after_first_paint: Math.max(0, ...after),
      };
    });
    await page.close();
    if (log.errors.length) throw new Error(`console errors: ${log.errors.join("; ")}`);
    for (const [key, value] of Object.entries(at)) times[key].push(value);
  }
  return Object.fromEntries(Object.entries(times).map(([key, xs]) => [key, stats(xs)]));
}

/// The memory of the browser's renderers and GPU process (their
/// proportional set sizes), after a garbage collection in the page.
async function rendererBytes(browser, page) {
  const session = await page.page.createCDPSession();
  await session.send("HeapProfiler.collectGarbage");
  await session.detach();
  await sleep(500);
  const { processInfo } = await browser.cdp.send("SystemInfo.getProcessInfo");
  let kb = 0;
  for (const p of processInfo.filter((p) => p.type === "renderer" || p.type === "GPU")) {
    const text = await readFile(`/proc/${p.id}/smaps_rollup`, "utf8").catch(() => "");
    kb += Number(text.match(/^Pss:\s+(\d+)/m)?.[1] ?? 0);
  }
  return kb * 1024;
}

/// Scrolls the page through, top to bottom, each figure in turn in view,
/// and back to the top.
async function scrollThrough(page) {
  await page.evaluate(async () => {
    for (const box of document.querySelectorAll("[data-slot] .canvas-box")) {
      box.scrollIntoView({ block: "center", behavior: "instant" });
      for (let i = 0; i < 4; i++) await new Promise((r) => requestAnimationFrame(r));
    }
    scrollTo(0, 0);
  });
}

/// The renderer's memory with the page at its top, where every reading is
/// taken (the figures a page keeps drawn are those near the view, so a
/// reading elsewhere would weigh other canvases): the median of three,
/// a second apart.
async function atTop(browser, page) {
  await page.evaluate(async () => {
    scrollTo(0, 0);
    for (let i = 0; i < 10; i++) await new Promise((r) => requestAnimationFrame(r));
  });
  const bytes = [];
  for (let i = 0; i < 3; i++) {
    bytes.push(await rendererBytes(browser, page));
    await sleep(1000);
  }
  return quantile(bytes, 0.5);
}

/// What the page itself holds (its module's linear memory, the JavaScript
/// heap in use, its elements and canvases): the part of the renderer's
/// memory that would grow if the page leaked.
async function held(page) {
  const session = await page.page.createCDPSession();
  try {
    await session.send("HeapProfiler.collectGarbage");
    const { usedSize } = await session.send("Runtime.getHeapUsage");
    // The module's memory, found among the page's objects by its prototype.
    const { result: proto } = await session.send("Runtime.evaluate", { expression: "WebAssembly.Memory.prototype" });
    const { objects } = await session.send("Runtime.queryObjects", { prototypeObjectId: proto.objectId });
    const { result } = await session.send("Runtime.callFunctionOn", {
      objectId: objects.objectId,
      functionDeclaration: "function () { return this.reduce((sum, m) => sum + m.buffer.byteLength, 0); }",
      returnByValue: true,
    });
    const [elements, canvases] = await page.evaluate(() => [document.getElementsByTagName("*").length, document.querySelectorAll("canvas").length]);
    const mb = (b) => +(b / 2 ** 20).toFixed(2);
    return { wasm_mb: mb(result.value), js_heap_mb: mb(usedSize), elements, canvases };
  } finally {
    await session.detach();
  }
}

/// Renderer memory with the module after `PLAY_S` seconds of play ÷ the same
/// page without it, each in a browser of its own, at DPR 2, each read at the
/// page's top; and what the page itself holds, seen, halfway and at the end.
async function memoryRatio(live, still) {
  const options = { width: 1100, height: 900, dpr: 2 };
  let browser = await launch();
  let without;
  try {
    const { page } = await open(browser, still, { ...options, live: false });
    await scrollThrough(page);
    without = await atTop(browser, page);
  } finally {
    await browser.close();
  }
  browser = await launch();
  try {
    const { page, log } = await open(browser, live, options);
    await scrollThrough(page);
    const seen = await atTop(browser, page);
    const heldSeen = await held(page);
    // Slider after slider, scrolling between them, in calls of at most 30 s
    // each (a call into the page may last no longer than the driver waits);
    // each call goes on from the slider the last one stopped at.
    let next = 0;
    const sweep = async (seconds) => {
      for (let left = seconds; left > 0; left -= 30) {
        next = await page.evaluate(sweepFor, { ms: Math.min(left, 30) * 1000, from: next });
      }
    };
    const sweepFor = async ({ ms, from }) => {
      const sliders = [...document.querySelectorAll('input[type="range"][data-control]')];
      const slots = [...document.querySelectorAll("[data-slot] .canvas-box")];
      const end = performance.now() + ms;
      let i = from;
      for (; performance.now() < end; i++) {
        const slider = sliders[i % sliders.length];
        slider.closest("section")?.scrollIntoView({ block: "start", behavior: "instant" });
        const [min, max] = [Number(slider.min), Number(slider.max)];
        for (let j = 0; j <= 20; j++) {
          slider.value = String(min + ((max - min) * j) / 20);
          slider.dispatchEvent(new Event("input", { bubbles: true }));
          await new Promise((r) => requestAnimationFrame(r));
        }
        slider.dispatchEvent(new Event("change", { bubbles: true }));
        slots[(i * 7) % slots.length].scrollIntoView({ block: "center", behavior: "instant" });
        await new Promise((r) => requestAnimationFrame(r));
      }
      return i;
    };
    await sweep(PLAY_S / 2);
    const half = await atTop(browser, page);
    const heldHalf = await held(page);
    await sweep(PLAY_S / 2);
    const played = await atTop(browser, page);
    const heldPlayed = await held(page);
    if (log.errors.length) throw new Error(`console errors: ${log.errors.join("; ")}`);
    const mb = (b) => +(b / 2 ** 20).toFixed(1);
    return {
      ratio: +(played / without).toFixed(2),
      without_module_mb: mb(without),
      every_figure_seen_mb: mb(seen),
      after_half_mb: mb(half),
      after_play_mb: mb(played),
      growth_second_half: +(played / half).toFixed(3),
      page_held: { seen: heldSeen, half: heldHalf, played: heldPlayed },
      sliders_swept: next,
      play_s: PLAY_S,
      dpr: 2,
    };
  } finally {
    await browser.close();
  }
}

// LOSSLAB_DIST names another build to measure (an older one, to compare).
const dist = process.env.LOSSLAB_DIST ?? `${root}dist`;
const { server, url } = await serve(dist);
const missing = await serve(dist, { refuse: /^losslab(_bg\.wasm|\.js)$/ });
const zipped = await serve(dist, { gzip: true });
const browser = await launch();
try {
  const report = { redraw_all_figures: {}, refit: {}, slider_to_frame: {}, startup_ms: null, sizes_gzip_bytes: {}, ratios: {} };
  if (runs("absolute")) {
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
    for (const file of ["losslab_bg.wasm", "losslab.js", "index.html"]) {
      const bytes = await readFile(`${dist}/${file}`);
      report.sizes_gzip_bytes[file] = gzipSync(bytes, { level: 9 }).length;
    }
  }
  const height = await pageHeight(browser, url, 1100);
  if (runs("redraw")) report.ratios.redraw_overhead = await redrawOverhead(browser, url, height);
  if (runs("startup")) report.ratios.startup_overhead = await startupOverhead(browser, url, missing.url, height);
  if (runs("phone") && browser.cdp) report.phone_startup_ms = await phoneStartup(browser, zipped.url);
  if (runs("memory")) report.ratios.memory = await memoryRatio(url, missing.url);
  console.log(JSON.stringify(report, null, 2));
} finally {
  await browser.close();
  server.close();
  missing.server.close();
  zipped.server.close();
}
