// Starts the page. An external module, not an inline script, so the page
// runs under `script-src 'self' 'wasm-unsafe-eval'`.
import init, * as losslab from "./losslab.js";

// Startup phases, for the page benchmark.
performance.mark("losslab-boot");

// Each language's words are fetched once, the first time the page shows it.
const words = {};
const load = (lang) =>
  (words[lang] ??= fetch(new URL(`./i18n/${lang}.json`, import.meta.url)).then((response) =>
    response.ok ? response.json() : Promise.reject(new Error(`HTTP ${response.status}`))));

function fail(error) {
  const status = document.getElementById("boot-status");
  if (status) {
    status.hidden = false;
    status.textContent = "losslab could not start: " + error;
  }
  console.error(error);
}

// The words of the address's language travel while the module compiles
// (the module reads `lang` ignoring case, and so does this).
load(new URLSearchParams(location.search).get("lang")?.toLowerCase() === "zh" ? "zh" : "en").catch(fail);

init({ module_or_path: new URL("./losslab_bg.wasm", import.meta.url) })
  .then(() => {
    performance.mark("losslab-module-ready");
    losslab.open(load);
    // The benchmark and the end-to-end tests read these.
    window.losslab = losslab;
  })
  .catch(fail);

// Offline after the first visit (sw.js says how a new build replaces an old
// one). Registered once the page has loaded, so that the worker's downloads
// never compete with the page's own.
if ("serviceWorker" in navigator) {
  addEventListener("load", () => {
    navigator.serviceWorker.register(new URL("./sw.js", import.meta.url)).catch((error) => {
      console.warn("losslab works online only here:", error);
    });
  });
}
