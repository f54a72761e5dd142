import { z } from 'zod';
import { isoDateTimeSchema } from '../../../shared/schemas/primitives';
import { getHost } from '../host/host';

/**
 * The link between the clerk's window and the customer-facing display turned towards the citizen.
 * The renderer sees only `CustomerDisplayLink`. Opening goes through the host
 * (`window:open-customer-display`): Electron's main process opens this app at `#/customer` full screen
 * on the second display, the browser host in a named pop-up. Both windows are this renderer on one
 * origin, so they talk over a BroadcastChannel. That holds in Electron too: app:// is registered as a
 * standard, secure scheme, so app://counterdesk is a real (not opaque) origin, and both windows use the
 * default session, so they share the storage partition BroadcastChannel is scoped to.
 * Messages are parsed on receipt: another window is outside this one's type system.
 */

export const CUSTOMER_CHANNEL = 'counterdesk-customer-display';
export { CUSTOMER_HASH } from '../host/customerWindow';

const lineSchema = z.object({ label: z.string(), value: z.string() });

export const customerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('idle') }),
  /** What the clerk has entered so far, for the citizen to check. */
  z.object({
    type: z.literal('confirm'),
    locale: z.enum(['zh-TW', 'en']),
    title: z.string(),
    lines: z.array(lineSchema).max(40),
    documents: z.array(z.object({ document: z.string(), state: z.enum(['provided', 'missing', 'waived']) })).max(100),
  }),
  /** After the receipt printed: ask for the 1–5 rating. */
  z.object({ type: z.literal('feedback'), locale: z.enum(['zh-TW', 'en']), caseId: z.string(), caseNo: z.string() }),
  /**
   * From the display back to the clerk: the display names the rating and its moment when the citizen
   * sends it, so the clerk's windows store it once however many hear it (db/feedbackStore.ts).
   */
  z.object({
    type: z.literal('rating'),
    ratingId: z.uuid(),
    caseId: z.string(),
    caseNo: z.string(),
    score: z.number().int().min(1).max(5),
    comment: z.string().max(500).optional(),
    ratedAt: isoDateTimeSchema,
  }),
  /** The display announces itself so the clerk's window can resend the current screen. */
  z.object({ type: z.literal('hello') }),
]);
export type CustomerMessage = z.infer<typeof customerMessageSchema>;

export interface CustomerDisplayLink {
  /** Opens (or focuses) the display; false when the host could not open it. */
  open: () => Promise<boolean>;
  send: (message: CustomerMessage) => void;
  subscribe: (listener: (message: CustomerMessage) => void) => () => void;
}

/** Asks the host to open the display window. */
async function openThroughHost(): Promise<boolean> {
  const result = await getHost()['window:open-customer-display']({});
  return result.ok && result.value.opened;
}

/** The link: the host opens the window, a BroadcastChannel carries the messages. */
export function createCustomerDisplayLink(openDisplay: () => Promise<boolean> = openThroughHost): CustomerDisplayLink {
  const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(CUSTOMER_CHANNEL);
  // A display opened (or reloaded) late says hello and gets the current screen again.
  let last: CustomerMessage | undefined;
  channel?.addEventListener('message', (event: MessageEvent) => {
    const parsed = customerMessageSchema.safeParse(event.data);
    if (parsed.success && parsed.data.type === 'hello' && last) channel.postMessage(last);
  });
  return {
    open: openDisplay,
    send: (message) => {
      if (message.type !== 'rating' && message.type !== 'hello') last = message;
      channel?.postMessage(message);
    },
    subscribe: (listener) => {
      if (!channel) return () => undefined;
      const handler = (event: MessageEvent) => {
        const parsed = customerMessageSchema.safeParse(event.data);
        if (parsed.success) listener(parsed.data);
      };
      channel.addEventListener('message', handler);
      return () => channel.removeEventListener('message', handler);
    },
  };
}

let link: CustomerDisplayLink | undefined;

/** The link for this window, made on first use. */
export function getCustomerDisplay(): CustomerDisplayLink {
  link ??= createCustomerDisplayLink();
  return link;
}
