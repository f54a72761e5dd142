import { BRIDGE_GLOBAL, type HostBridge } from '../../../shared/ipc/contract';
import { browserHost } from './browserHost';

/** The bridge the preload exposed when running in Electron, else the browser implementation. */
export function getHost(): HostBridge {
  const exposed = (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL];
  return (exposed as HostBridge | undefined) ?? browserHost;
}
