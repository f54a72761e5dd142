import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { KioskApp } from './KioskApp';
import { registerKioskServiceWorker } from './registerServiceWorker';
import '../frontOffice.css';
import './kiosk.css';

const root = document.getElementById('root');
if (!root) throw new Error('kiosk.html has no #root');
registerKioskServiceWorker();
createRoot(root).render(
  <StrictMode>
    <KioskApp storage={localStorage} origin={location.origin} />
  </StrictMode>,
);
