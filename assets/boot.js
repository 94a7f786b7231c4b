// Starts the page. An external module, not an inline script, so the page
// runs under `script-src 'self' 'wasm-unsafe-eval'`.
import init, * as losslab from "./losslab.js";

init({ module_or_path: new URL("./losslab_bg.wasm", import.meta.url) })
  .then(() => {
    // The benchmark and the end-to-end tests read these.
    window.losslab = losslab;
  })
  .catch((error) => {
    const status = document.getElementById("boot-status");
    if (status) {
      status.hidden = false;
      status.textContent = "losslab could not start: " + error;
    }
    console.error(error);
  });
