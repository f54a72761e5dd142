import type { IpcErrorCode } from '../../../shared/ipc/contract';

/** An expected failure as data: the router and every handler group answer with this shape, never a throw. */
export function ipcFailure(code: IpcErrorCode, message: string): { ok: false; code: IpcErrorCode; message: string } {
  return { ok: false, code, message };
}
