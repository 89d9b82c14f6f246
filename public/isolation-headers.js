// Cross-origin isolation on any static host, for llama.cpp's threads (they share a SharedArrayBuffer,
// which a browser allows only on an isolated page). Workbox's service worker (vite.config.ts) imports
// this before it registers its own fetch handlers; whatever they answer for a page or a worker's
// script, the answer gets the two headers. `credentialless` keeps CORS model downloads working.
// Hosts that send public/_headers, and the dev and preview servers, send the same headers anyway.
const ISOLATION_HEADERS = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'credentialless' };
// A dedicated worker of an isolated page must be isolated too, or the browser refuses its script.
const ISOLATED_DESTINATIONS = new Set(['document', 'worker', 'sharedworker']);

function isolated(response) {
  // An opaque or failed response has no headers to add to; the browser handles it as it came.
  if (!response || response.type === 'opaque' || response.type === 'opaqueredirect' || response.status === 0) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

// Workbox answers through FetchEvent.respondWith; wrapping it reaches every answer it gives.
const respondWith = FetchEvent.prototype.respondWith;
FetchEvent.prototype.respondWith = function (response) {
  if (!ISOLATED_DESTINATIONS.has(this.request.destination)) return respondWith.call(this, response);
  return respondWith.call(this, Promise.resolve(response).then(isolated));
};
