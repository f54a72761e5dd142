/**
 * GET /v1/device-policy: the bureau's settings every enrolled device follows (auto-lock minutes,
 * how long closed cases stay on field laptops, the update channel and feed URL). Device-level, like
 * the reference data, so a laptop takes it before anyone signs in.
 */
import type { FastifyInstance } from 'fastify';
import type { DevicePolicy } from '../../../shared/schemas/devicePolicy';
import type { AppContext } from '../context/appContext';

export function registerDevicePolicyRoutes(app: FastifyInstance, context: AppContext): void {
  app.get('/v1/device-policy', { config: { action: 'device' } }, async (): Promise<DevicePolicy> => context.config.devicePolicy);
}
