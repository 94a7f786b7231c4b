// Each test file: dist/ served under the strict CSP and one browser of the
// engine LOSSLAB_ENGINE names, for the whole file. `site.base` and
// `site.browser` are set before the first test.
import { before, after } from "node:test";
import { fileURLToPath } from "node:url";
import { serve } from "./server.js";
import { launch, ENGINE } from "./browser.js";

export const root = fileURLToPath(new URL("../..", import.meta.url));
export { ENGINE };

/// Where a test writes its screenshots: one folder per engine.
export const shots = `${root}target/screenshots/${ENGINE}`;

export function servedSite() {
  const site = { base: null, browser: null, server: null };
  before(async () => {
    ({ server: site.server, url: site.base } = await serve(`${root}dist`));
    site.browser = await launch();
  });
  after(async () => {
    await site.browser?.close();
    site.server?.close();
  });
  return site;
}

/// Why this engine cannot run what needs `feature`, or null if it can.
const LACKS = {
  dprChange: "changing the pixel ratio of an open page",
  touch: "touch input",
  touchScroll: "scrolling the page by a synthesized swipe",
  coarsePointer: "a touch screen the page's media queries see",
  noScript: "turning JavaScript off",
  offline: "an offline mode",
  clipboard: "reading the clipboard",
  downloads: "downloads",
  iframes: "iframes",
  crossOrigin: "a second origin to serve a page from",
};
export function lacks(site, feature) {
  return site.browser.supports[feature] ? null : `${ENGINE} lacks ${LACKS[feature]} here`;
}
