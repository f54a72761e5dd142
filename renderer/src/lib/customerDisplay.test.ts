import { afterEach, describe, expect, it } from 'vitest';
import { CUSTOMER_CHANNEL, createCustomerDisplayLink, type CustomerMessage } from './customerDisplay';

// Two links on one BroadcastChannel name play the clerk's window and the customer display, as the two
// windows of one origin do (Node has the same BroadcastChannel as the browser).

const channels: BroadcastChannel[] = [];
afterEach(() => {
  for (const channel of channels.splice(0)) channel.close();
});

function received(link: ReturnType<typeof createCustomerDisplayLink>): CustomerMessage[] {
  const messages: CustomerMessage[] = [];
  link.subscribe((message) => messages.push(message));
  return messages;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
const confirm: CustomerMessage = { type: 'confirm', locale: 'zh-TW', title: '地址變更', lines: [{ label: '姓名', value: '王○明' }], documents: [] };

describe('the customer display link', () => {
  it('opens the display through the host it is given', async () => {
    let asked = 0;
    const link = createCustomerDisplayLink(async () => {
      asked += 1;
      return true;
    });
    expect(await link.open()).toBe(true);
    expect(asked).toBe(1);
  });

  it('carries the clerk’s screen to the display, resends it to a display that opens late, and the rating back', async () => {
    const clerk = createCustomerDisplayLink(async () => true);
    const toClerk = received(clerk);
    clerk.send(confirm);

    const display = createCustomerDisplayLink(async () => false);
    const toDisplay = received(display);
    display.send({ type: 'hello' });
    await settle();
    expect(toDisplay).toEqual([confirm]);

    const rating = { type: 'rating', ratingId: '0b5e1d3c-4a0e-4d5f-9a37-6f2c1e8d9b10', caseId: 'c1', caseNo: '115-KL01-000001-X', score: 5, ratedAt: '2026-03-02T09:30:00.000Z' } as const;
    display.send(rating);
    await settle();
    expect(toClerk).toContainEqual(rating);
  });

  it('ignores messages outside the schema, from whatever else posts on the channel', async () => {
    const display = createCustomerDisplayLink(async () => false);
    const toDisplay = received(display);
    const stranger = new BroadcastChannel(CUSTOMER_CHANNEL);
    channels.push(stranger);
    stranger.postMessage({ type: 'rating', caseId: 'c1', caseNo: 'x', score: 9 });
    stranger.postMessage('<script>');
    await settle();
    expect(toDisplay).toEqual([]);
  });
});
