import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { loadDevicePolicy } from './state/devicePolicy';
import { loadReferenceData } from './lib/referenceData';
import { keepDeviceClock } from './state/deviceClock';
import { followServerClock } from './state/serverClockFollower';
import { ensurePersistentStorage } from './state/storagePersistence';
import './app/styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
// Asked once, at the first start; a refusal is shown to IT on the device screen.
void ensurePersistentStorage(navigator.storage, localStorage).catch((error: unknown) => console.warn('persistent storage not asked', error));
keepDeviceClock();
followServerClock();
// The catalogue, calendar and device policy this device last received, before the first screen reads
// them; the built-in versions stay in use when the local store cannot be read.
void Promise.all([loadReferenceData(), loadDevicePolicy()])
  .catch((error: unknown) => console.warn('reference data not loaded from the device store', error))
  .finally(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
