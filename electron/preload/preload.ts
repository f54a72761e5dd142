// The preload runs sandboxed: it may only require `electron`, so everything it needs is bundled in.
import { contextBridge, ipcRenderer } from 'electron';
import { z } from 'zod';
import { BRIDGE_GLOBAL } from '../../shared/ipc/contract';
import { createPreloadBridge } from './bridge';

// Without this zod probes `new Function` once, which the page's CSP reports as a violation.
z.config({ jitless: true });

contextBridge.exposeInMainWorld(
  BRIDGE_GLOBAL,
  createPreloadBridge((channel, request) => ipcRenderer.invoke(channel, request)),
);
