/**
 * The kiosk's service worker (/kiosk-sw.js, scope /kiosk): keeps the kiosk page and its files so that
 * the kiosk starts and prints from its own series when the server cannot be reached. The page is
 * asked from the network first (an update shows at once) and taken from the cache when the network
 * fails; the built files, whose names change with their content, from the cache first. The API is
 * never cached: the kiosk's tickets go through its own pending list (pendingTickets.ts).
 */
import { KIOSK_OFFLINE_FILES_PATH, KIOSK_PAGE_PATH, kioskOfflineFilesSchema } from '../../../../shared/schemas/frontOfficePages';

// The DOM library types `self` as a window; these are the few service-worker members used here.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ServiceWorkerScope {
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void> };
  readonly location: Location;
}

const worker = self as unknown as ServiceWorkerScope;
const CACHE = 'counterdesk-kiosk';
/** A server slower than this is taken as away: the citizen is waiting at the screen. */
const PAGE_TIMEOUT_MS = 3_000;

async function precache(): Promise<void> {
  const response = await fetch(KIOSK_OFFLINE_FILES_PATH, { cache: 'no-store' });
  const { files } = kioskOfflineFilesSchema.parse(await response.json());
  const cache = await caches.open(CACHE);
  await cache.addAll([KIOSK_PAGE_PATH, ...files]);
  // Files of an earlier build are no longer loaded by the page: drop them.
  const keep = new Set([KIOSK_PAGE_PATH, ...files].map((path) => new URL(path, worker.location.origin).href));
  for (const request of await cache.keys()) if (!keep.has(request.url)) await cache.delete(request);
}

async function pageFromNetworkFirst(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request, { signal: AbortSignal.timeout(PAGE_TIMEOUT_MS) });
    if (response.ok) await cache.put(KIOSK_PAGE_PATH, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(KIOSK_PAGE_PATH, { ignoreVary: true });
    if (cached) return cached;
    throw error;
  }
}

async function fileFromCacheFirst(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  // The server varies its answers on Origin (CORS) and the page asks for its scripts with one: the
  // file is the same whoever asks, so the cached copy answers either way.
  const cached = await cache.match(request, { ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

worker.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => worker.skipWaiting()));
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(worker.clients.claim());
});

worker.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (url.origin !== worker.location.origin || event.request.method !== 'GET') return;
  if (url.pathname === KIOSK_PAGE_PATH && event.request.mode === 'navigate') event.respondWith(pageFromNetworkFirst(event.request));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(fileFromCacheFirst(event.request));
});
