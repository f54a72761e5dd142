import type { ServerConfig } from '../context/config';

/** The phone page's address printed in the ticket's QR code: the public base URL, the id and its verifier. */
export function followUrlOf(config: Pick<ServerConfig, 'notifications'>, ticketId: string, verifier: string): string {
  return `${config.notifications.publicBaseUrl.replace(/\/+$/, '')}/t/${encodeURIComponent(ticketId)}?v=${encodeURIComponent(verifier)}`;
}
