import { KIOSK_PAGE_PATH, KIOSK_SERVICE_WORKER_PATH } from '../../../../shared/schemas/frontOfficePages';

/**
 * Installs the kiosk's service worker (serviceWorker.ts). Browsers offer service workers only on a
 * secure origin (HTTPS, or localhost): over plain HTTP on the office network the kiosk still prints
 * offline while its page is open, but cannot start again without the server (docs/FRONT_OFFICE.md).
 */
export function registerKioskServiceWorker(nav: Navigator = navigator): void {
  if (!('serviceWorker' in nav)) {
    console.warn('kiosk: no service worker on this origin (needs HTTPS or localhost); the page is not kept for offline starts');
    return;
  }
  nav.serviceWorker.register(KIOSK_SERVICE_WORKER_PATH, { scope: KIOSK_PAGE_PATH, type: 'module' }).catch((error: unknown) => console.warn('kiosk: service worker not installed', error));
}
