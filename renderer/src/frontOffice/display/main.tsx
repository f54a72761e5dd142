import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HallDisplay } from './HallDisplay';
import '../frontOffice.css';
import './display.css';

const root = document.getElementById('root');
if (!root) throw new Error('display.html has no #root');
createRoot(root).render(
  <StrictMode>
    <HallDisplay origin={location.origin} />
  </StrictMode>,
);
