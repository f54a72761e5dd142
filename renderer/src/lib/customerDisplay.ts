import { z } from 'zod';

/**
 * The link between the clerk's window and the customer-facing display turned towards the citizen.
 * The renderer sees only `CustomerDisplayLink`; the browser host opens the display with `window.open`
 * of this app at `#/customer` and talks over a BroadcastChannel (same origin only). In Electron the
 * main process will open the same URL on the second display (channel `window:open-customer-display`);
 * the messages stay the same because both windows are this renderer.
 * Messages are parsed on receipt: another window is outside this one's type system.
 */

export const CUSTOMER_CHANNEL = 'counterdesk-customer-display';
export const CUSTOMER_HASH = '#/customer';

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
  /** From the display back to the clerk. */
  z.object({ type: z.literal('rating'), caseId: z.string(), caseNo: z.string(), score: z.number().int().min(1).max(5), comment: z.string().max(500).optional() }),
  /** The display announces itself so the clerk's window can resend the current screen. */
  z.object({ type: z.literal('hello') }),
]);
export type CustomerMessage = z.infer<typeof customerMessageSchema>;

export interface CustomerDisplayLink {
  /** Opens (or focuses) the display; false when the host could not open it. */
  open: () => boolean;
  send: (message: CustomerMessage) => void;
  subscribe: (listener: (message: CustomerMessage) => void) => () => void;
}

/** The browser host's link: a named window and a BroadcastChannel. */
export function browserCustomerDisplay(win: Window = window): CustomerDisplayLink {
  const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(CUSTOMER_CHANNEL);
  // A display opened (or reloaded) late says hello and gets the current screen again.
  let last: CustomerMessage | undefined;
  channel?.addEventListener('message', (event: MessageEvent) => {
    const parsed = customerMessageSchema.safeParse(event.data);
    if (parsed.success && parsed.data.type === 'hello' && last) channel.postMessage(last);
  });
  return {
    open: () => {
      const url = new URL(win.location.href);
      url.hash = CUSTOMER_HASH;
      const opened = win.open(url.toString(), 'counterdesk-customer', 'popup,width=1024,height=768');
      return opened !== null;
    },
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
  link ??= browserCustomerDisplay();
  return link;
}
