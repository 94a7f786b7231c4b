// Starts the page. An external module, not an inline script, so the page
// runs under `script-src 'self' 'wasm-unsafe-eval'`.
//
// The page arrives whole (its article and a still picture of each figure
// are written into it when it is built); the module then draws each figure
// over its still and makes the page live. If it cannot, the article stays
// and one line, in the page's language, says what is missing.

// Startup phases, for the page benchmark.
performance.mark("losslab-boot");

// Each language's words are fetched once, the first time the page shows it
// (again only if that fetch failed).
const words = {};
const load = (lang) =>
  (words[lang] ??= fetch(new URL(`./i18n/${lang}.json`, import.meta.url))
    .then((response) => (response.ok ? response.json() : Promise.reject(new Missing(response.url))))
    .catch((error) => {
      delete words[lang];
      throw error;
    }));

/// A file of the page that could not be fetched.
class Missing extends Error {}

/// Shows the line of `#boot-status` for `reason` (its words are written
/// into the page in its language), `{what}` filled in.
function fail(reason, what) {
  const status = document.getElementById("boot-status");
  if (!status) return;
  for (const line of status.querySelectorAll("[data-boot]")) {
    line.hidden = line.dataset.boot !== reason;
    if (!line.hidden) line.textContent = line.textContent.replace("{what}", what);
  }
  status.hidden = false;
}

/// Why the module could not start: no WebAssembly at all, WebAssembly
/// refused by the page's Content-Security-Policy, a file that did not
/// arrive, or an error of the page itself.
function explain(error) {
  console.error("losslab could not start:", error);
  if (typeof WebAssembly !== "object") return fail("no-wasm", "");
  // The file's name says what is missing; the browser's own words are for the console.
  const name = (url) => String(url).split(/[?#]/)[0].split("/").pop();
  if (error instanceof Missing) return fail("missing", name(error.message));
  if (/wasm-unsafe-eval/.test(String(error?.message ?? error))) return fail("blocked", "");
  try {
    // The smallest module there is: compiling and instantiating it fails
    // only where WebAssembly is forbidden (WebKit refuses at instantiation).
    new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])));
  } catch {
    return fail("blocked", "");
  }
  if (error instanceof TypeError && /fetch|import|load|network/i.test(error.message)) {
    return fail("missing", name(error.message.match(/\S+\.(?:js|wasm|json)\b/)?.[0] ?? "losslab.js"));
  }
  fail("failed", String(error?.message ?? error));
}

const lang = document.documentElement.lang.startsWith("zh") ? "zh" : "en";

/// Resolves once the page's first contentful paint is on the screen: where
/// the browser says so, or once a frame that held the article's beginning
/// has been drawn and the next one begun (the browser's word comes late
/// while it lays out the rest of the article: on a phone-class profile,
/// up to a second after the paint); or a while after the document is
/// parsed where nothing paints, as in a hidden tab.
const painted = () =>
  new Promise((resolve) => {
    if (performance.getEntriesByName("first-contentful-paint").length > 0) return resolve();
    parsed().then(() => setTimeout(resolve, 1500));
    const frame = () =>
      requestAnimationFrame(() =>
        document.querySelector("main") ? requestAnimationFrame(() => setTimeout(resolve)) : frame());
    frame();
    if (!PerformanceObserver.supportedEntryTypes?.includes("paint")) return;
    new PerformanceObserver((list, observer) => {
      if (list.getEntriesByName("first-contentful-paint").length === 0) return;
      observer.disconnect();
      resolve();
    }).observe({ type: "paint", buffered: true });
  });

/// Resolves once the whole document is parsed: this script runs as soon as
/// it arrives (it is `async`), so that the module's downloads can begin at
/// the first paint, not after a phone has laid out the whole article; the
/// module opens onto the whole document, and a line saying why it could not
/// goes into it.
const parsed = () =>
  document.readyState === "loading"
    ? new Promise((resolve) => document.addEventListener("DOMContentLoaded", resolve, { once: true }))
    : Promise.resolve();

async function start() {
  if (typeof WebAssembly !== "object") throw new Error("no WebAssembly");
  // The article is painted first: the module's downloads begin after its
  // first contentful paint, never before, even where the load event comes
  // first (a tall window with every still in view). A download begun before
  // that paint shares the line with what it shows, and a phone-class
  // profile (Lighthouse's) counts the paint as waiting for it: 3.9 s
  // instead of 1.9 s for the Chinese page's largest paint.
  await painted();
  // The words, the glue and the module travel side by side.
  const wordsOfPage = load(lang);
  const glue = import("./losslab.js");
  const wasm = fetch(new URL("./losslab_bg.wasm", import.meta.url)).then((response) =>
    response.ok ? response : Promise.reject(new Missing(response.url)));
  // Whichever fails first is the one reported; the others are not left unheard.
  wasm.catch(() => {});
  wordsOfPage.catch(() => {});
  const losslab = await glue;
  await losslab.default({ module_or_path: wasm });
  performance.mark("losslab-module-ready");
  await wordsOfPage;
  await parsed();
  // The page answers input between compiling the module and opening it.
  await new Promise((resolve) => setTimeout(resolve));
  losslab.open(load);
  // The benchmark and the end-to-end tests read these.
  window.losslab = losslab;
}

// Offline after the first visit (sw.js says how a new build replaces an old
// one). The worker's install fetches a copy of the whole build, so it is
// registered only once the page's first figure is drawn (or the module could
// not start) and the page is idle: it never competes with the page's start.
const drawn = () =>
  new Promise((resolve) => {
    const done = () => performance.getEntriesByName("losslab-first-render").length > 0;
    if (done() || !PerformanceObserver.supportedEntryTypes?.includes("mark")) return resolve();
    new PerformanceObserver((_, observer) => {
      if (!done()) return;
      observer.disconnect();
      resolve();
    }).observe({ type: "mark" });
  });

function keepOffline() {
  if (!("serviceWorker" in navigator)) return;
  const idle = globalThis.requestIdleCallback ?? ((then) => setTimeout(then, 200));
  idle(() =>
    navigator.serviceWorker.register(new URL("./sw.js", import.meta.url)).catch((error) => {
      console.warn("losslab works online only here:", error);
    }),
  );
}

// A reader who leaves before the module is up (back, another link) cuts its
// downloads short: that is no failure to report. Some engines cut them as
// soon as the navigation begins (WebKit), before the page hears `pagehide`;
// the listeners live only while the module starts. Brought back from the
// browser's cache, such a page loads afresh (a module whose download failed
// stays failed for the document).
function run() {
  let leaving = false;
  const leave = () => {
    leaving = true;
  };
  const events = ["beforeunload", "pagehide"];
  events.forEach((event) => addEventListener(event, leave));
  start()
    .then(
      () => true,
      (error) =>
        parsed().then(() => {
          if (leaving) addEventListener("pageshow", (event) => event.persisted && location.reload());
          else explain(error);
          return false;
        }),
    )
    .finally(() => events.forEach((event) => removeEventListener(event, leave)))
    .then((started) => started && drawn())
    .then(keepOffline);
}

// A page that head.js is taking to the other language's copy (it hides the
// page as it leaves) starts nothing.
if (!document.documentElement.hidden) run();
