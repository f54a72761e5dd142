import { z } from 'zod';

/**
 * GET /v1/device-policy: what the bureau decides for every device, rather than each station.
 * Devices keep the last answer they took, so the policy also holds offline.
 */
export const UPDATE_CHANNELS = ['latest', 'beta'] as const;

export const devicePolicySchema = z.object({
  /** Minutes without input after which the app locks and asks for the user's password again. */
  autoLockMinutes: z.number().int().min(1).max(240),
  /** Days a case the server confirms closed stays on a field laptop before its local copy is purged. */
  closedCaseRetentionDays: z.number().int().min(0).max(3650),
  /** Where the desktop app looks for updates (electron-updater's generic provider); null: no updates. */
  update: z
    .object({
      channel: z.enum(UPDATE_CHANNELS),
      url: z.url({ protocol: /^https?$/ }),
    })
    .nullable(),
});
export type DevicePolicy = z.infer<typeof devicePolicySchema>;

/** What a device assumes before it has ever heard from the server. */
export const defaultDevicePolicy: DevicePolicy = {
  autoLockMinutes: 10,
  closedCaseRetentionDays: 30,
  update: null,
};
