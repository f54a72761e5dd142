/**
 * The bureau's device policy (auto-lock minutes, retention of closed cases on laptops, update feed),
 * held in a zustand store so the lock timer and the updater react when it changes. It starts as the
 * built-in default, is replaced at start-up by the copy stored on the device, and after each sync by
 * the server's answer — stored first, so a laptop that goes offline keeps following the last policy.
 *
 * Invariant: only a policy that parses is ever held; a malformed stored row or answer is ignored.
 */
import { defineStore } from './defineStore';
import { defaultDevicePolicy, devicePolicySchema, type DevicePolicy } from '../../../shared/schemas/devicePolicy';
import { getDb, type CounterDeskDb } from '../db/database';
import { ApiError, apiRequest, type ApiOptions } from '../sync/api';

const POLICY_KEY = 'devicePolicy';

interface DevicePolicyState {
  policy: DevicePolicy;
}

export const useDevicePolicy = defineStore<DevicePolicyState>(() => ({ policy: defaultDevicePolicy }));

export function getDevicePolicy(): DevicePolicy {
  return useDevicePolicy.getState().policy;
}

export function resetDevicePolicy(): void {
  useDevicePolicy.setState({ policy: defaultDevicePolicy });
}

/** Takes the policy stored on this device, if any. */
export async function loadDevicePolicy(db: CounterDeskDb = getDb()): Promise<DevicePolicy> {
  const row = await db.meta.get(POLICY_KEY);
  const parsed = devicePolicySchema.safeParse(row?.value);
  if (parsed.success) useDevicePolicy.setState({ policy: parsed.data });
  return getDevicePolicy();
}

/**
 * After a sync: asks the server for its policy and keeps it. A server without the route (404) or a
 * malformed answer leaves the held policy as it is; other failures propagate like any sync error.
 */
export async function refreshDevicePolicy(api: ApiOptions, db: CounterDeskDb = getDb()): Promise<DevicePolicy> {
  let published: DevicePolicy;
  try {
    published = await apiRequest(api, 'GET', '/v1/device-policy', devicePolicySchema);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.code === 'bad_response')) return getDevicePolicy();
    throw error;
  }
  // Written only when it changed: this runs after every sync, and a write to `meta` each time would
  // make a save at that moment wait for it.
  const held = await db.meta.get(POLICY_KEY);
  if (JSON.stringify(held?.value) !== JSON.stringify(published)) await db.meta.put({ key: POLICY_KEY, value: published });
  if (JSON.stringify(getDevicePolicy()) !== JSON.stringify(published)) useDevicePolicy.setState({ policy: published });
  return published;
}
