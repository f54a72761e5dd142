import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { loadDevicePolicy } from './state/devicePolicy';
import { loadReferenceData } from './lib/referenceData';
import './app/styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
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
