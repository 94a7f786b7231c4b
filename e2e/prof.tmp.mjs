import { serve } from "./lib/server.js";
import { launch, open } from "./lib/browser.js";
import puppeteer from "puppeteer-core";
const server = await serve(new URL("../dist", import.meta.url).pathname);
const browser = await launch();
const { page } = await open(browser, server.url, { width: 1100, height: 16000 });
const raw = page.page ?? page.raw ?? page;
const cdp = await raw.createCDPSession();
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
await page.evaluate(() => { for (let i = 0; i < 200; i++) window.losslab.redraw_all_now(); });
await page.evaluate(() => {
  const proto = CanvasRenderingContext2D.prototype; const calls = []; const undo = [];
  for (const key of Object.getOwnPropertyNames(proto)) {
    const d = Object.getOwnPropertyDescriptor(proto, key);
    if (typeof d.value === "function" && key !== "constructor") Object.defineProperty(proto, key, { ...d, value: function (...a) { calls.push([this, key, a, false]); return d.value.apply(this, a); } });
    else if (d.set) Object.defineProperty(proto, key, { ...d, set: function (v) { calls.push([this, key, v, true]); d.set.call(this, v); } });
    else continue;
    undo.push(() => Object.defineProperty(proto, key, d));
  }
  window.losslab.redraw_all_now(); undo.forEach((f) => f()); window.__calls = calls;
});
const mode = process.env.MODE ?? "full";
await cdp.send("Profiler.start");
const ms = await page.evaluate((mode) => {
  const t0 = performance.now();
  for (let i = 0; i < 1000; i++) {
    if (mode === "full") window.losslab.redraw_all_now();
    else for (const [ctx, key, args, set] of window.__calls) { if (set) ctx[key] = args; else ctx[key](...args); }
  }
  return (performance.now() - t0) / 1000;
}, mode);
console.log(mode, "ms per redraw", ms.toFixed(3));
const { profile } = await cdp.send("Profiler.stop");
const self = new Map();
const dt = profile.timeDeltas; const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const counts = new Map();
for (const s of profile.samples) counts.set(s, (counts.get(s) ?? 0) + 1);
let total = 0;
for (const [id, c] of counts) { const n = byId.get(id); const key = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").pop()}`; self.set(key, (self.get(key) ?? 0) + c); total += c; }
const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
for (const [k, c] of rows) console.log((100 * c / total).toFixed(1).padStart(5), k);
const wasm = [...self].filter(([k]) => /wasm|^\$|\.wasm/.test(k)).reduce((a, [, c]) => a + c, 0);
console.log("wasm total %", (100 * wasm / total).toFixed(1));
const cat = {}; for (const [k, c] of self) { const name = k.split(" ")[0]; const c2 = /wasm/.test(k) ? "wasm" : /paint\.js|losslab\.js/.test(k) ? "js-module" : /pptr/.test(k) ? "js-replay" : ["(idle)", "(program)", "(garbage"].some((x) => k.startsWith(x)) ? k.split(" ")[0] : (k.endsWith(" ") ? "native" : "other:" + k); cat[c2] = (cat[c2] ?? 0) + c; }
console.log(Object.entries(cat).sort((a, b) => b[1] - a[1]).map(([k, c]) => `${k} ${(100 * c / total).toFixed(1)}`).join(" | "));
await page.close(); await browser.close(); server.server.close();
