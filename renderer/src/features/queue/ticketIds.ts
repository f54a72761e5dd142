import { v7 as uuidv7 } from 'uuid';

/**
 * A ticket's id and its verifier are made by whoever issues it (shared/schemas/ticketQueue.ts), so a
 * retried issue is recognised by its id; the verifier is the phone page's secret (16 random bytes).
 */
export function newTicketId(): string {
  return uuidv7();
}

export function ticketVerifier(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}
