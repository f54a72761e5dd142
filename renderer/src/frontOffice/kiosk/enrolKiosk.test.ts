import { afterEach, describe, expect, it, vi } from 'vitest';
import { enrolFailure, enrolInputErrors } from './enrolErrors';
import { enrolKiosk, NotAKioskCode } from './kioskApi';

const SERVER = 'http://kiosk.test';
const answered = (status: number, body: unknown) => vi.stubGlobal('fetch', () => Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })));
const enrolled = { deviceId: 'kiosk-0a1b2c3d4e', deviceSecret: 's'.repeat(43), name: 'Entrance', stationCode: 'KIOSK' };

describe('enrolling the kiosk', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('keeps the credential and the kiosk number of a kiosk code', async () => {
    answered(200, { ...enrolled, kind: 'kiosk', kioskNo: 2 });
    expect(await enrolKiosk(SERVER, { code: 'ABCD-EFGH', name: 'Entrance' })).toEqual({ deviceId: enrolled.deviceId, deviceSecret: enrolled.deviceSecret, name: 'Entrance', kioskNo: 2 });
  });

  it('enrols as a kiosk, so that the server refuses a counter computer\'s code and leaves it unused', async () => {
    const sent: unknown[] = [];
    vi.stubGlobal('fetch', (_url: URL, init: RequestInit) => {
      sent.push(JSON.parse(String(init.body)));
      const body = { error: { code: 'validation_failed', message: 'The enrolment code is for another kind of device', issues: [{ path: 'kind', message: 'this code enrols a counter PC or laptop, not a ticket kiosk' }] } };
      return Promise.resolve(new Response(JSON.stringify(body), { status: 400, headers: { 'content-type': 'application/json' } }));
    });
    const refusal = await enrolKiosk(SERVER, { code: 'ABCD-EFGH', name: 'Entrance' }).catch((error: unknown) => error);
    expect(sent).toEqual([{ code: 'ABCD-EFGH', name: 'Entrance', kind: 'kiosk' }]);
    expect(refusal).toBeInstanceOf(NotAKioskCode);
    expect(enrolFailure(refusal).code?.zh).toContain('這組註冊碼仍可在櫃台電腦上使用');
  });

  it("refuses an answer that is not a kiosk's, and says so next to the code", async () => {
    answered(200, { ...enrolled, kind: 'workstation', kioskNo: null });
    const refusal = await enrolKiosk(SERVER, { code: 'ABCD-EFGH', name: 'Entrance' }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(NotAKioskCode);
    expect(enrolFailure(refusal).code?.en).toContain("counter computer's code");
    // An older server says no kind: its codes are all workstations'.
    answered(200, enrolled);
    await expect(enrolKiosk(SERVER, { code: 'ABCD-EFGH', name: 'Entrance' })).rejects.toBeInstanceOf(NotAKioskCode);
  });

  it('puts a wrong code next to the field, and a full set of kiosk numbers or the network on the form', async () => {
    answered(401, { error: { code: 'unauthorized', message: 'The enrolment code is wrong' } });
    expect(enrolFailure(await enrolKiosk(SERVER, { code: 'x', name: 'y' }).catch((e: unknown) => e))).toEqual({ code: { zh: expect.stringContaining('註冊碼錯誤') as unknown, en: expect.stringContaining('wrong, used already or expired') as unknown } });
    answered(409, { error: { code: 'conflict', message: 'All 9 kiosk numbers are in use' } });
    expect(enrolFailure(await enrolKiosk(SERVER, { code: 'x', name: 'y' }).catch((e: unknown) => e)).form?.en).toContain('All 9 kiosk numbers');
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('fetch failed')));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(enrolFailure(await enrolKiosk(SERVER, { code: 'x', name: 'y' }).catch((e: unknown) => e)).form?.en).toContain('cannot be reached');
  });

  it('asks for what is missing before sending anything', () => {
    expect(enrolInputErrors({ code: ' ', name: '' })).toEqual({
      code: { zh: '請輸入註冊碼。', en: 'Enter the enrolment code.' },
      name: { zh: '請為叫號機命名。', en: 'Give this kiosk a name.' },
    });
    expect(enrolInputErrors({ code: 'ABCD', name: 'Entrance' })).toEqual({});
  });
});
