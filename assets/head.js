// Runs in the head, before anything is painted (a classic script, written
// for any browser, so that even one too old for the page can say so).
//
// The page is built twice with its article written in: in English here and
// in Chinese in zh/. A link's `lang` picks the one that shows, so a link to
// the Chinese page never shows English first; a link without one (or with
// one the page does not have) shows the page it names. Read as the module
// reads it (src/page/url.rs, `read_address`): the last `lang`, its key and
// value percent-decoded, the value ignoring case and spaces around it.
(function () {
  var decode = function (text) {
    try {
      return decodeURIComponent(text.replace(/\+/g, " "));
    } catch (error) {
      return text;
    }
  };
  var named = "";
  var pairs = location.search.slice(1).split("&");
  for (var i = 0; i < pairs.length; i++) {
    var at = pairs[i].indexOf("=");
    if (at < 0) at = pairs[i].length;
    if (decode(pairs[i].slice(0, at)) === "lang") {
      named = decode(pairs[i].slice(at + 1)).replace(/^\s+|\s+$/g, "").toLowerCase();
    }
  }
  var here = document.documentElement.lang.indexOf("zh") === 0;
  var zh = named === "zh" || (named !== "en" && here);
  if (zh !== here) {
    // Nothing of this page is shown while the other one loads.
    document.documentElement.hidden = true;
    location.replace((zh ? "zh/" : "../") + location.search + location.hash);
    return;
  }
  // The page may write its address into the other language's folder (so
  // that a copied link opens that page directly); the icon's address is
  // made whole now, so that it still names the file there.
  var icon = document.querySelector('link[rel="icon"]');
  if (icon) icon.href = icon.href;
  // An embed shows only its figures: the module picks them; until it runs
  // the page's chrome is hidden and its article unseen, so that nothing
  // moves when the module lays the embed out.
  if (/(?:^|[?&])embed=[^&]/.test(location.search)) document.documentElement.className += " embed";
  // A browser without JavaScript modules never runs the page's module:
  // the article stays as it is, and says why the figures do not move.
  if (!("noModule" in document.createElement("script"))) {
    document.addEventListener("DOMContentLoaded", function () {
      var status = document.getElementById("boot-status");
      var line = status && status.querySelector('[data-boot="old"]');
      if (line) {
        line.hidden = false;
        status.hidden = false;
      }
    });
  }
})();
