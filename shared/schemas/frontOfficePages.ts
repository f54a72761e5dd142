/**
 * The front office's public pages as the central server serves them (docs/decisions/0039): their
 * addresses, and the list of files the kiosk's service worker keeps for when the server is away.
 */
import { z } from 'zod';

export const KIOSK_PAGE_PATH = '/kiosk';
export const DISPLAY_PAGE_PATH = '/display';
/** The kiosk's service worker, at the site's root so that its scope may be /kiosk. */
export const KIOSK_SERVICE_WORKER_PATH = '/kiosk-sw.js';
export const KIOSK_OFFLINE_FILES_PATH = '/kiosk/offline-files';

/** GET /kiosk/offline-files: the built files the kiosk page loads (its script, styles and their chunks). */
export const kioskOfflineFilesSchema = z.object({
  files: z.array(z.string().regex(/^\/assets\/[A-Za-z0-9._-]+$/)).max(200),
});
export type KioskOfflineFiles = z.infer<typeof kioskOfflineFilesSchema>;
