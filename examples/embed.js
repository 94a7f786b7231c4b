// Drives an embedded losslab figure through its API (docs/EMBED.md): the
// page's buttons send `losslab:set`, and every message the figure sends is
// listed. losslab is expected next to this page (../losslab/); another
// address can be given as ?losslab=<address>.
const page = new URL(location.href);
const losslab = new URL(page.searchParams.get("losslab") ?? "../losslab/", page);
const frame = document.getElementById("figure");

// The figure, its question, the API, and this page named as the only one
// that may hear its state and drive it.
const src = new URL(losslab);
src.search = new URLSearchParams({ embed: "focal-points", ask: "focal-share", api: "1", origin: location.origin });
frame.src = src.href;

function send(state) {
  frame.contentWindow.postMessage({ type: "losslab:set", state }, losslab.origin);
}

for (const button of document.querySelectorAll("[data-gamma]")) {
  button.addEventListener("click", () => send({ gamma: Number(button.dataset.gamma) }));
}
for (const button of document.querySelectorAll("[data-lang]")) {
  button.addEventListener("click", () => send({ lang: button.dataset.lang }));
}

addEventListener("message", (event) => {
  if (event.source !== frame.contentWindow || event.origin !== losslab.origin) return;
  const message = event.data;
  const item = document.createElement("li");
  item.textContent = JSON.stringify(message);
  document.getElementById("log").append(item);
  if (message.type === "losslab:ready") {
    for (const button of document.querySelectorAll("button[disabled]")) button.disabled = false;
  }
  if (message.type === "losslab:resize") frame.height = message.height;
  if (message.state) document.getElementById("gamma").textContent = String(message.state.gamma);
});
