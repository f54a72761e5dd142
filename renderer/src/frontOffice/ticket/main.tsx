import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { TicketPage } from './TicketPage';
import '../frontOffice.css';
import './ticket.css';

const root = document.getElementById('root');
if (!root) throw new Error('ticket.html has no #root');
createRoot(root).render(
  <StrictMode>
    <TicketPage origin={location.origin} location={location} />
  </StrictMode>,
);
