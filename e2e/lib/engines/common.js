// What the engines of the harness share.

/// A feature the engine does not have; `supports` on the browser says which.
export class Unsupported extends Error {}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/// A request the page makes to anything but its own origin (data: and blob:
/// URLs are the page's own).
export function isForeign(url, origin) {
  return !url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:") && !url.startsWith("about:");
}

/// Pointer coordinates inside the viewport: engines that refuse a move
/// outside it get the nearest point on its edge.
export function clampToViewport(x, y, size) {
  if (!size) return [x, y];
  const clamp = (v, max) => Math.min(Math.max(0, Math.round(v)), max - 1);
  return [clamp(x, size.width), clamp(y, size.height)];
}

/// What every engine's page does the same way, through `evaluate` and
/// `waitFor` (which each engine provides).
export class BasePage {
  /// The text of the first element `selector` matches, once there is one,
  /// as a reader reads it: its unbreakable spaces (which keep a formula on
  /// one line) as spaces.
  async text(selector) {
    await this.waitFor((s) => document.querySelector(s) !== null, selector, { timeout: 30000 });
    return (await this.evaluate((s) => document.querySelector(s).textContent, selector)).replace(/\u00a0/g, " ");
  }

  /// Playwright's sense of visible: a non-empty box and not visibility:hidden.
  visible(selector, { nth = 0 } = {}) {
    return this.evaluate(isVisibleInPage, { selector, nth });
  }

  count(selector, { visible = false } = {}) {
    return this.evaluate(({ selector, visible }) => {
      const isVisible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden"; };
      return [...document.querySelectorAll(selector)].filter((el) => !visible || isVisible(el)).length;
    }, { selector, visible });
  }

  /// The box of the `nth` match (of the visible ones, with `visible`), in
  /// viewport CSS pixels; null if there is none or it has no box.
  box(selector, { nth = 0, visible = false } = {}) {
    return this.evaluate(({ selector, nth, visible }) => {
      const isVisible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden"; };
      const el = [...document.querySelectorAll(selector)].filter((e) => !visible || isVisible(e))[nth];
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
    }, { selector, nth, visible });
  }

  async scrollIntoView(selector) {
    await this.evaluate((s) => document.querySelector(s).scrollIntoView({ block: "nearest", inline: "nearest" }), selector);
  }

  /// Picks an option of a <select> by value or `{ index }`, and fires the
  /// events a person's choice fires.
  async select(selector, choice) {
    await this.evaluate(({ selector, choice }) => {
      const el = document.querySelector(selector);
      if (typeof choice === "object") el.selectedIndex = choice.index;
      else el.value = choice;
      el.dispatchEvent(new Event("input", { bubbles: true }));
      el.dispatchEvent(new Event("change", { bubbles: true }));
    }, { selector, choice });
  }

  async drag(from, to, { steps = 3 } = {}) {
    await this.mouse.move(from.x, from.y);
    await this.mouse.down();
    await this.mouse.move(to.x, to.y, { steps });
    await this.mouse.up();
  }

  wait(ms) {
    return sleep(ms);
  }
}

function isVisibleInPage({ selector, nth }) {
  const el = document.querySelectorAll(selector)[nth];
  if (!el) return false;
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden";
}
