// The page's service worker: after a first visit, the page works with the
// network gone. It serves the build's files (the page whatever its query,
// its module, script, style, words and favicon) from a cache, and nothing
// else: every other request goes to the network as usual.
//
// The build writes VERSION and FILES (scripts/service-worker, a Trunk hook
// after each build). VERSION is a hash of every file of the build, so each
// build has a cache of its own. The browser checks this script on every
// visit; when a new build is deployed, the visit that finds it installs the
// new worker, which fetches the whole new build, takes over and drops the old
// cache: the next visit shows the new page, all of one build. A build that
// is not a release (`trunk serve`) writes no files: its worker removes
// itself and any cache, so a developer never sees a stale page.
const VERSION = "dev";
const FILES = [];

const CACHE = `losslab-${VERSION}`;
const SCOPE = new URL("./", self.location.href);

self.addEventListener("install", (event) => {
  const files = FILES.map((file) => new Request(new URL(file, SCOPE), { cache: "reload" }));
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(files))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("losslab-") && (name !== CACHE || FILES.length === 0)) await caches.delete(name);
      }
      if (FILES.length === 0) {
        await self.registration.unregister();
      } else {
        await self.clients.claim();
      }
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (FILES.length === 0 || request.method !== "GET" || !request.url.startsWith(SCOPE.href)) return;
  const path = new URL(request.url).pathname.slice(SCOPE.pathname.length);
  // A page (the English one, or the Chinese one in zh/) is its folder's
  // index.html whatever its query; the other files by their path.
  const folder = request.mode === "navigate" && (path === "" || path.endsWith("/"));
  const file = folder ? `${path}index.html` : path;
  if (!FILES.includes(file)) return;
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(new URL(file, SCOPE).href))
      .then((cached) => cached ?? fetch(request)),
  );
});
