/**
 * A ticket's id and verifier, made by the kiosk so that a retry or a ticket printed offline is
 * recognised by the server. From `crypto.getRandomValues`, which (unlike `crypto.randomUUID`) also
 * works where the kiosk reaches the server over plain HTTP on the office network.
 */
type RandomSource = Pick<Crypto, 'getRandomValues'>;

function hex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A random (version 4) UUID. */
export function newTicketId(random: RandomSource = crypto): string {
  const bytes = random.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const h = hex(bytes);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** 24 random bytes in base64url: 32 characters, the secret the phone page must show to read the ticket. */
export function newTicketVerifier(random: RandomSource = crypto): string {
  const bytes = random.getRandomValues(new Uint8Array(24));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}
