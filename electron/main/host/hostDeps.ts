import type { AppDeps } from '../app/appHandlers';
import type { FilesDeps } from '../files/filesHandlers';
import type { KeysDeps } from '../keys/keysHandlers';
import type { PrintDeps } from '../print/printHandlers';
import type { WindowDeps } from '../window/windowHandlers';

/**
 * Everything the host handlers need from Electron, as the sum of what each channel group declares
 * beside its handlers (print/printHandlers.ts and so on). electronHostDeps.ts builds it from Electron's
 * objects; tests build it from fakes. `S` is the sender's webContents.
 */
export interface HostDeps<S> extends AppDeps, PrintDeps<S>, FilesDeps<S>, KeysDeps, WindowDeps {}
