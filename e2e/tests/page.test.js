// The built page (dist/), served from a sub-folder under the strict CSP, in
// the engine LOSSLAB_ENGINE names: it loads clean, draws every figure, and
// its numbers move.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { servedSite, shots, lacks } from "../lib/harness.js";
import { open, canvasInk, readout, setControl, settle } from "../lib/browser.js";
import { FIGURES } from "../lib/figures.js";

const site = servedSite();
before(() => mkdir(shots, { recursive: true }));

function assertAllDrawn(ink, names = FIGURES) {
  for (const name of names) {
    const fig = ink.find((f) => f.name === name);
    assert.ok(fig, `figure ${name} is on the page`);
    assert.ok(fig.visible, `figure ${name} is visible`);
    assert.ok(fig.ink > 0.005, `figure ${name} is drawn (${(fig.ink * 100).toFixed(2)} % ink)`);
  }
}

test("loads clean, draws every figure, shows the article's numbers", async () => {
  const { page, log } = await open(site.browser, site.base);
  assertAllDrawn(await canvasInk(page));
  assert.equal(await readout(page, "bce"), "0.3329");
  assert.equal(await readout(page, "logit-gap"), "3.3322");
  assert.equal((await page.text('[data-results="bce"] [data-readout="bce-keras"]')), "11.522857");
  assert.equal((await page.text('[data-results="cce"] [data-readout="cce-keras"]')), "1.1769392");
  // With a mouse and no touch screen, the hints under the points speak of the mouse only.
  const hints = await page.evaluate(() =>
    [...document.querySelectorAll(".mouse-hint, .touch-hint")].map((hint) => [hint.className, hint.getClientRects().length > 0]));
  assert.deepEqual(hints, [["mouse-hint", true], ["touch-hint", false], ["mouse-hint", true], ["touch-hint", false]]);
  await page.screenshot(`${shots}/page-light-dpr1.png`, { fullPage: true });
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.foreign, []);
  await page.close();
});

test("the smoothing slider and the regularisation control move the loss", async () => {
  const { page, log } = await open(site.browser, site.base);
  await setControl(page, "smoothing", 0.2);
  assert.notEqual(await readout(page, "bce"), "0.3329");
  await setControl(page, "smoothing", 0);
  assert.equal(await readout(page, "bce"), "0.3329");
  await page.select('[data-control="regularization"]', "off");
  await settle(page);
  assert.equal(await readout(page, "bce"), "0.3052");
  assert.match(await page.url(), /reg=off/);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test("a long slider drag keeps the address current, within the history writes browsers allow", async () => {
  const { page, log } = await open(site.browser, site.base);
  const drag = await page.evaluate(async () => {
    let writes = 0;
    const replace = history.replaceState;
    history.replaceState = function (...args) {
      writes++;
      return replace.apply(this, args);
    };
    // 300 steps, each drawn: more than the 100 (WebKit) or 200 history
    // writes in 10 s browsers allow a page before they ignore or refuse them.
    const slider = document.querySelector('[data-control="gamma"]');
    for (let i = 1; i <= 300; i++) {
      slider.value = i === 300 ? "3.7" : String((i % 40) / 10);
      slider.dispatchEvent(new Event("input", { bubbles: true }));
      window.losslab.render_now();
    }
    const during = writes;
    await new Promise((resolve) => setTimeout(resolve, 400));
    history.replaceState = replace;
    return { during, after: writes, gamma: new URLSearchParams(location.search).get("gamma") };
  });
  assert.ok(drag.during <= 2, `the drag replaced the address ${drag.during} times`);
  assert.equal(drag.gamma, "3.7", "the address ends where the drag did");
  assert.ok(drag.after <= 3, `${drag.after} writes in all`);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test("a held arrow key on a slider is one step back, not one per repeat", async () => {
  const { page, log } = await open(site.browser, site.base);
  const held = await page.evaluate(async () => {
    const before = history.length;
    const slider = document.querySelector('[data-control="gamma"]');
    // Key repeats come some 30 ms apart, each an input and a finished change.
    for (let i = 0; i < 12; i++) {
      slider.stepUp();
      slider.dispatchEvent(new Event("input", { bubbles: true }));
      slider.dispatchEvent(new Event("change", { bubbles: true }));
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    await new Promise((resolve) => setTimeout(resolve, 400));
    return { steps: history.length - before, gamma: new URLSearchParams(location.search).get("gamma"), slider: slider.value };
  });
  assert.equal(held.steps, 1, "twelve repeats, one step");
  assert.equal(held.gamma, held.slider, "the address ends where the key left the slider");
  assert.deepEqual(log.errors, []);
  await page.close();
});

test("crisp at DPR 2, dark and narrow", async () => {
  for (const [name, options] of [
    ["page-light-dpr2", { dpr: 2 }],
    ["page-dark-dpr1", { colorScheme: "dark" }],
    ["page-narrow-dpr2", { width: 360, height: 800, dpr: 2 }],
  ]) {
    const { page, log } = await open(site.browser, site.base, options);
    const ink = await canvasInk(page);
    assertAllDrawn(ink);
    for (const fig of ink) {
      assert.equal(fig.width, Math.round(fig.cssWidth * (options.dpr ?? 1)), `${fig.name} backing store = CSS size × DPR`);
    }
    await page.screenshot(`${shots}/${name}.png`, { fullPage: true });
    assert.deepEqual(log.errors, [], name);
    await page.close();
  }
});

test("nothing is wider than the page on a 320 px phone, and every formula shows whole, in English and in Chinese", async () => {
  for (const query of ["", "?lang=zh"]) {
    for (const width of [320, 360, 1100]) {
      const { page, log } = await open(site.browser, site.base + query, { width, height: 700 });
      const { scroll, client, widest, cut } = await page.evaluate(() => {
        const root = document.documentElement;
        // What sticks out, where the page scrolls sideways: an element wider
        // than its box (a word it cannot hold), outside the code listings,
        // which scroll in their own box.
        const widest = [...document.querySelectorAll("main *")]
          .filter((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === "visible" && !e.closest("pre"))
          .map((e) => `${e.tagName.toLowerCase()}#${e.id} ${e.textContent.trim().slice(0, 60)}`);
        // A formula scrolls sideways only: its ink above and below the line
        // stays inside its box.
        const cut = [...document.querySelectorAll(".formula")]
          .filter((f) => f.scrollHeight > f.clientHeight)
          .map((f) => `${f.textContent.trim().slice(0, 40)}: ${f.scrollHeight} px in ${f.clientHeight}`);
        // Nor, on a phone as on a desk, does it hide any of its width.
        cut.push(...[...document.querySelectorAll(".formula")]
          .filter((f) => f.scrollWidth > f.clientWidth + 1)
          .map((f) => `${f.textContent.trim().slice(0, 40)}: ${f.scrollWidth} px wide in ${f.clientWidth}`));
        return { scroll: root.scrollWidth, client: root.clientWidth, widest, cut };
      });
      const where = `${query || "English"} at ${width} px`;
      assert.ok(scroll <= client, `${where}: the page is ${scroll} px wide on a ${client} px screen: ${widest.join("; ")}`);
      assert.deepEqual(cut, [], `${where}: formulas taller or wider than their box`);
      assert.deepEqual(log.errors, []);
      await page.close();
    }
  }
});

test("every formula sets log apart from a letter or a closing bracket beside it, as TeX does, on a desk and on a phone", async () => {
  for (const width of [1100, 360]) {
    const { page, log } = await open(site.browser, site.base, { width, height: 700 });
    // MathML Core gives the function application (U+2061) no space, and
    // only Firefox adds TeX's thin space after a function's name on its own:
    // without spaces of their own, two engines set "y log p" as "ylogp".
    const tight = await page.evaluate(() => {
      const found = [];
      // The formulas shown at this width (the widest has a form on two lines
      // for a phone).
      for (const math of [...document.querySelectorAll(".formula math")].filter((m) => m.getClientRects().length)) {
        // The tokens that show, in reading order: the invisible operators
        // (function application, times) set nothing.
        const ink = [...math.querySelectorAll("mi, mn, mo")].filter((t) => !/^[\u2061\u2062]$/.test(t.textContent));
        ink.forEach((t, i) => {
          if (t.localName !== "mi" || t.textContent !== "log") return;
          const em = parseFloat(getComputedStyle(t).fontSize);
          const box = t.getBoundingClientRect();
          const [before, after] = [ink[i - 1], ink[i + 1]];
          // An operator before it (=, +, [) or a bracket after it keeps its
          // own spacing; a letter, a number or a closing bracket does not.
          if (before && !(before.localName === "mo" && before.textContent !== ")")) {
            const gap = box.left - before.getBoundingClientRect().right;
            if (gap < 0.1 * em) found.push(`"${before.textContent}log" in ${math.textContent.replace(/[\s\u2061\u2062]+/g, "").slice(0, 30)}: ${gap.toFixed(1)} px`);
          }
          if (after && after.localName !== "mo") {
            const gap = after.getBoundingClientRect().left - box.right;
            if (gap < 0.1 * em) found.push(`"log${after.textContent}" in ${math.textContent.replace(/[\s\u2061\u2062]+/g, "").slice(0, 30)}: ${gap.toFixed(1)} px`);
          }
        });
      }
      return found;
    });
    assert.deepEqual(tight, [], `at ${width} px: log set tight against its neighbour (a thin space is 1/6 em)`);
    assert.deepEqual(log.errors, []);
    await page.close();
  }
});

/// Every figure drawn, each backing store CSS size × `dpr`.
async function assertCrisp(page, dpr, when) {
  const ink = await canvasInk(page);
  assertAllDrawn(ink);
  for (const fig of ink) {
    assert.equal(fig.width, Math.round(fig.cssWidth * dpr), `${fig.name} backing store = CSS size × DPR ${when}`);
  }
}

test("a quick scroll down the page and back leaves drawings only near the view", async () => {
  const { page, log } = await open(site.browser, site.base, { dpr: 2 });
  // Each figure in view for one frame, then the top: the regions around
  // the view report on their own, in any order.
  const drawnFar = await page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    for (const box of document.querySelectorAll("[data-slot] .canvas-box")) {
      box.scrollIntoView({ block: "center", behavior: "instant" });
      await frame();
    }
    scrollTo(0, 0);
    for (let i = 0; i < 20; i++) await frame();
    // Kept: within two screens below the view. A figure never drawn still
    // shows its still (its canvas was never given pixels); one drawn and
    // let go has a canvas of no size.
    const drawn = (c) => c.width > 0 && !c.closest(".canvas-box").querySelector(".still");
    return [...document.querySelectorAll("canvas[data-figure]")]
      .filter((c) => drawn(c) && c.getBoundingClientRect().top > 3 * innerHeight)
      .map((c) => c.dataset.figure);
  });
  assert.deepEqual(drawnFar, [], "figures far below the view keep no pixels");
  assert.deepEqual(log.errors, []);
  await page.close();
});

test("a resize redraws every figure at its new size", async () => {
  const { page, log } = await open(site.browser, site.base);
  await page.setViewport({ width: 480, height: 900 });
  await settle(page);
  await assertCrisp(page, 1, "after narrowing the window");
  assert.deepEqual(log.errors, []);
  await page.close();
});

test("a new pixel ratio redraws every figure at its new size", async (t) => {
  const why = lacks(site, "dprChange");
  if (why) return t.skip(why);
  const { page, log } = await open(site.browser, site.base);
  await page.setViewport({ width: 480, height: 900 });
  await settle(page);
  await page.setViewport({ width: 1300, height: 900, dpr: 2 });
  await settle(page);
  await assertCrisp(page, 2, "after moving to a denser screen");
  assert.deepEqual(log.errors, []);
  await page.close();
});

test("a canvas given back blank after its context was lost is drawn again", async () => {
  const { page, log } = await open(site.browser, site.base);
  // What the browser does when it gives a lost context back: the canvas's
  // pixels are gone, and it says so to the canvas.
  const [blank, redrawn] = await page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    const c = document.querySelector('canvas[data-figure="fit"]');
    c.scrollIntoView({ block: "center", behavior: "instant" });
    for (let i = 0; i < 5; i++) await frame();
    const ink = () => {
      const data = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
      return data.some((v, i) => i % 4 === 3 && v > 0);
    };
    c.width = c.width; // a canvas's size set, even to its own, clears it
    const blank = !ink();
    c.dispatchEvent(new Event("contextrestored"));
    for (let i = 0; i < 5; i++) await frame();
    return [blank, ink()];
  });
  assert.ok(blank, "the canvas was cleared");
  assert.ok(redrawn, "and drawn again");
  assert.deepEqual(log.errors, []);
  await page.close();
});

test("an embed link shows one drawn figure and nothing else", async () => {
  const { page, log } = await open(site.browser, `${site.base}?embed=focal-curves&gamma=2`);
  const ink = (await canvasInk(page)).filter((f) => f.visible);
  assert.deepEqual(ink.map((f) => f.name), ["focal-curves"]);
  assert.ok(ink[0].ink > 0.005);
  assert.equal(await page.count("h2", { visible: true }), 0, "no page chrome");
  assert.ok(await page.visible('[data-control="gamma"]'), "its controls are shown");
  await page.screenshot(`${shots}/embed-focal-curves.png`);
  assert.deepEqual(log.errors, []);
  await page.close();
  // controls=0: the figure alone, even where its controls are a calculator.
  for (const figure of ["focal-curves", "cce"]) {
    const bare = await open(site.browser, `${site.base}?embed=${figure}&controls=0`);
    const shown = (await canvasInk(bare.page)).filter((f) => f.visible).map((f) => f.name);
    assert.deepEqual(shown, [figure]);
    assert.equal(await bare.page.count(".controls, .calculator", { visible: true }), 0, `${figure}: no controls`);
    assert.deepEqual(bare.log.errors, []);
    await bare.page.close();
  }
});

test("a figure whose drawing fails says why, greys its still and draws again once it can", async () => {
  const { page, log } = await open(site.browser, site.base);
  // The fit's canvas refuses to fill a rectangle, as a canvas out of memory might.
  await page.evaluate(() => {
    const fill = CanvasRenderingContext2D.prototype.fillRect;
    window.restoreFill = () => (CanvasRenderingContext2D.prototype.fillRect = fill);
    CanvasRenderingContext2D.prototype.fillRect = function (...args) {
      if (this.canvas.dataset.figure === "fit") throw new Error("no ink left");
      return fill.apply(this, args);
    };
  });
  const state = () => page.evaluate(() => {
    const figure = document.querySelector('canvas[data-figure="fit"]').closest("figure");
    return { failed: figure.hasAttribute("data-failed"), caption: figure.querySelector(".fig-error").textContent };
  });
  const heard = async (n) => {
    for (let i = 0; i < 50 && log.errors.length < n; i++) await new Promise((r) => setTimeout(r, 100));
  };
  await setControl(page, "C", 2);
  await heard(1);
  assert.deepEqual(await state(), {
    failed: true,
    caption: "This figure could not be drawn (Error: no ink left). Reload the page to draw it again: everything you set is kept in its address.",
  });
  assert.equal(log.errors.length, 1, log.errors.join("\n"));
  assert.match(log.errors[0], /^figure fit: Error: no ink left/);
  const others = (await canvasInk(page)).filter((f) => f.visible && f.name !== "fit");
  assert.ok(others.length > 0 && others.every((f) => f.ink > 0.005), "the other figures draw on");
  // Asked to draw again while the canvas still refuses (any resize asks a
  // failed figure again): the same failure is not told twice.
  await page.evaluate(() => window.losslab.redraw_all_now());
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(log.errors.length, 1, log.errors.join("\n"));
  // Once the canvas fills again, the next change draws the figure.
  await page.evaluate(() => window.restoreFill());
  await setControl(page, "C", 1);
  assert.deepEqual(await state(), { failed: false, caption: "" });
  assert.ok((await canvasInk(page)).find((f) => f.name === "fit").ink > 0.005, "the fit is drawn again");
  await heard(2);
  assert.equal(log.errors.length, 1, "the failure is told once");
  await page.close();
});

test("a dashed line is dashed by the canvas, and drawn solid where the engine has no dashes", async () => {
  const { page, log } = await open(site.browser, site.base);
  // The dashes the canvases are given in one redraw, with the positive
  // points' bars on the screen; and whether that figure failed.
  const dashes = () => page.evaluate(async () => {
    document.querySelector('canvas[data-figure="green-bars"]').scrollIntoView({ block: "center", behavior: "instant" });
    for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(r));
    const proto = CanvasRenderingContext2D.prototype;
    const own = proto.setLineDash;
    const seen = [];
    if (own) proto.setLineDash = function (pattern) { seen.push(pattern.join(" ")); return own.call(this, pattern); };
    window.losslab.redraw_all_now();
    if (own) proto.setLineDash = own;
    const figure = document.querySelector('canvas[data-figure="green-bars"]').closest("figure");
    return { seen, failed: figure.hasAttribute("data-failed") };
  });
  // The curve the bars reach up to: dashed 5 px on, 4 off, then solid again.
  const dashed = await dashes();
  assert.ok(dashed.seen.includes("5 4") && dashed.seen.at(-1) === "", JSON.stringify(dashed.seen));
  // An engine without setLineDash draws the same curve solid, and the figure is drawn.
  await page.evaluate(() => delete CanvasRenderingContext2D.prototype.setLineDash);
  assert.deepEqual(await dashes(), { seen: [], failed: false });
  assert.ok((await canvasInk(page)).find((f) => f.name === "green-bars").ink > 0.005, "the bars are drawn");
  assert.deepEqual(log.errors, []);
  await page.close();
});

test("the data lists say when the points are the reader's own, and a set chosen there draws its points again", async () => {
  const { page, log } = await open(site.browser, `${site.base}?pts=-2:0,-1:0,0:1,1:1,2:1&softmax-pts=0:0:0,1:0:0,3:3:1,4:4:2`);
  const lists = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('[data-control="data"], [data-control="softmax-data"]')].map((s) => [
        s.value,
        s.selectedOptions[0]?.textContent,
      ]),
    );
  const own = ["own", "your own points"];
  assert.deepEqual(await lists(), [own, own, own]);
  assert.match(await readout(page, "data-summary"), /^5 points/);
  await page.select('[data-control="data"]', "article");
  await settle(page);
  assert.match(await readout(page, "data-summary"), /^10 points/);
  assert.equal(await readout(page, "bce"), "0.3329", "the article's points and fit again");
  await page.select('[data-control="softmax-data"]', "blobs");
  await settle(page);
  assert.deepEqual(await lists(), [
    ["article", "the article's ten points"],
    ["blobs", "blobs"],
    ["article", "the article's ten points"],
  ]);
  assert.doesNotMatch(await page.url(), /pts=/);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test("garbage in the URL is clamped and explained, never a blank page", async () => {
  const { page, log } = await open(site.browser, `${site.base}?gamma=NaN&C=1e308&K=9999&pts=zzz&lang=xx&gamma=7`);
  assertAllDrawn(await canvasInk(page));
  assert.ok(await page.visible("#notices"));
  assert.equal(await readout(page, "gamma-value"), "5.0");
  const english = await page.text("#notices");
  await page.select('[data-control="lang"]', "zh");
  await page.waitFor(() => /[\u4e00-\u9fff]/.test(document.querySelector("#notices").textContent));
  const chinese = await page.text("#notices");
  assert.notEqual(chinese, english, "the notice follows the language");
  assert.match(chinese, /[\u4e00-\u9fff]/);
  assert.deepEqual(log.errors, []);
  await page.close();
});
