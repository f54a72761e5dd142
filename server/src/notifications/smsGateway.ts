/**
 * The SMS gateway adapter: one HTTP POST per message to a configurable URL, with bearer credentials
 * and the message's idempotency key in the `Idempotency-Key` header (and the body), which the gateway
 * honours by delivering a key at most once. The adapter decides only what a failure means:
 * - timeouts, network errors, 408, 429 and 5xx are retryable (the message may or may not have gone;
 *   the idempotency key makes the retry safe);
 * - any other 4xx is permanent (bad number, bad credentials): retrying would not help.
 */
import { z } from 'zod';

export interface SmsMessage {
  /** National mobile digits, 09xxxxxxxx. */
  to: string;
  body: string;
  idempotencyKey: string;
}

export type SmsSendResult = { ok: true; messageId: string } | { ok: false; retryable: boolean; error: string };

export interface SmsGateway {
  send(message: SmsMessage): Promise<SmsSendResult>;
}

export interface HttpSmsGatewayOptions {
  url: string;
  /** Sent as `Authorization: Bearer …`; empty for a gateway without credentials. */
  token: string;
  timeoutMs: number;
}

const acceptedSchema = z.object({ messageId: z.string().min(1).max(200) });

export function createHttpSmsGateway(options: HttpSmsGatewayOptions): SmsGateway {
  return {
    async send(message) {
      let response: Response;
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': message.idempotencyKey,
            ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          },
          body: JSON.stringify({ to: message.to, body: message.body, idempotencyKey: message.idempotencyKey }),
          signal: AbortSignal.timeout(options.timeoutMs),
        });
      } catch (error) {
        const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
        return { ok: false, retryable: true, error: timedOut ? `gateway timed out after ${options.timeoutMs} ms` : `gateway unreachable: ${String(error)}` };
      }
      const text = await response.text().catch(() => '');
      if (response.ok) {
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        const parsed = acceptedSchema.safeParse(json);
        // Accepted but unreadable: the message went; keep the key as its reference rather than resend.
        return { ok: true, messageId: parsed.success ? parsed.data.messageId : `accepted:${message.idempotencyKey}` };
      }
      const retryable = response.status === 408 || response.status === 429 || response.status >= 500;
      return { ok: false, retryable, error: `gateway answered HTTP ${response.status}: ${text.slice(0, 200)}` };
    },
  };
}
