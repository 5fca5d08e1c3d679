// The service worker: keeps the app's shell (index.html, the script, the style sheet) so that /app/ opens with no
// network. build.mjs writes it to dist/sw.js with the names of the build's files filled in, so each build
// has its own cache and the old one is dropped once the new one is in place. The API is never cached here: the
// app keeps what it needs (drafts, templates) in IndexedDB.
const version = SHELL_VERSION;
const files = SHELL_FILES;
const shell = '/app/';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(version)
      .then((cache) => cache.addAll([shell, ...files]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name !== version).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== location.origin || !url.pathname.startsWith(shell)) {
    return;
  }
  // Every screen's address is index.html (the script reads the address); the cached copy comes first, since on
  // a slow link waiting for the network is what people cannot do. A new build brings a new service worker.
  const cached = event.request.mode === 'navigate' ? caches.match(shell) : caches.match(event.request);
  event.respondWith(cached.then((response) => response ?? fetch(event.request)));
});
