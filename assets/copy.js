// Copies text for the page (src/app/text.rs): by the Clipboard API, else
// (a page served over plain HTTP, an older browser, a refusal) by the copy
// command on an unseen, selected text area. Then says so in `target` for a
// moment — a code twin's polite status, or the button that asked — and
// puts back what it said before.

const saying = new WeakMap(); // target → [its own text, the timer that restores it]

function say(target, text) {
  const [own, timer] = saying.get(target) ?? [target.textContent];
  clearTimeout(timer);
  target.textContent = text;
  saying.set(target, [own, setTimeout(() => {
    target.textContent = own;
    saying.delete(target);
  }, 2000)]);
}

function command(text) {
  const area = document.createElement("textarea");
  area.value = text;
  area.readOnly = true;
  area.className = "sr-only";
  const focused = document.activeElement;
  document.body.append(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand("copy");
  } catch {
    copied = false;
  }
  area.remove();
  focused?.focus?.();
  return copied;
}

export function copy(text, target, done, failed) {
  const report = (copied) => say(target, copied ? done : failed);
  if (navigator.clipboard?.writeText) {
    navigator.clipboard.writeText(text).then(() => report(true), () => report(command(text)));
  } else {
    report(command(text));
  }
}
