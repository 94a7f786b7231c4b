// Each test file: dist/ served under the strict CSP and one Chromium, for the
// whole file. `site.base` and `site.browser` are set before the first test.
import { before, after } from "node:test";
import { fileURLToPath } from "node:url";
import { serve } from "./server.js";
import { launch } from "./browser.js";

export const root = fileURLToPath(new URL("../..", import.meta.url));

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
