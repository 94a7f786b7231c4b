// A small client of classic WebDriver (W3C, JSON over HTTP): the commands the
// WebKit engine of the harness uses, nothing more. No dependency.

/// Key names (as the tests write them) to WebDriver's key code points.
export const KEYS = {
  ArrowLeft: "\uE012", ArrowUp: "\uE013", ArrowRight: "\uE014", ArrowDown: "\uE015",
  Space: " ", Enter: "\uE007", Delete: "\uE017", Escape: "\uE00C", Tab: "\uE004", Backspace: "\uE003",
  Home: "\uE011", End: "\uE010", PageUp: "\uE00E", PageDown: "\uE00F",
  Shift: "\uE008", Control: "\uE009", Alt: "\uE00A", Meta: "\uE03D",
};

export class WebDriverError extends Error {
  constructor(command, value) {
    super(`${command}: ${value?.error ?? "error"}: ${value?.message ?? JSON.stringify(value)}`);
    this.code = value?.error;
  }
}

export class Session {
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  static async create(base, capabilities, { timeout = 30000 } = {}) {
    const value = await command(base, "POST", "/session", { capabilities: { alwaysMatch: capabilities } }, timeout);
    return new Session(base, value.sessionId);
  }

  send(method, path, body) {
    return command(this.base, method, `/session/${this.id}${path}`, body);
  }

  delete() {
    return this.send("DELETE", "");
  }

  /// Runs `fn(arg)` in the page (an async function is awaited) and returns
  /// its JSON value; an exception in the page is thrown here. Given a
  /// script's text instead of a function, runs that script.
  async evaluate(fn, arg) {
    if (typeof fn === "string") {
      // A script's text (a library to load, say): run as it is, in the page.
      await this.send("POST", "/execute/sync", { script: `${fn}\n;return null;`, args: [] });
      return null;
    }
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve().then(() => (${fn.toString()})(arguments[0]))
        .then((value) => done({ value: value === undefined ? null : value }), (error) => done({ error: String(error && error.stack || error) }));`;
    const result = await this.send("POST", "/execute/async", { script, args: [arg ?? null] });
    if (result && "error" in result) throw new Error(`in the page: ${result.error}`);
    return result?.value;
  }

  async elements(selector) {
    const found = await this.send("POST", "/elements", { using: "css selector", value: selector });
    return found.map((e) => Object.values(e)[0]);
  }

  actions(sources) {
    return this.send("POST", "/actions", { actions: sources });
  }
}

/// One command; none takes longer than `timeout` (the page-load and script
/// timeouts the session is given are shorter).
async function command(base, method, path, body, timeout = 90000) {
  const name = `${method} ${path.replace(/^\/session\/[^/]+/, "")}`;
  let response;
  try {
    response = await fetch(base + path, {
      method,
      headers: { "content-type": "application/json; charset=utf-8" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeout),
    });
  } catch (error) {
    throw new Error(`${name}: ${error.cause?.message ?? error.message}`, { cause: error });
  }
  const { value } = await response.json();
  if (!response.ok) throw new WebDriverError(name, value);
  return value;
}
