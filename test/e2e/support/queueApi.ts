import { DEVICE_ID_HEADER, DEVICE_SECRET_HEADER } from '../../../shared/schemas/device';
import { enrolmentCodeAnswerSchema, pendingEnrolmentCodesSchema } from '../../../shared/schemas/deviceAdmin';
import { callNextAnswerSchema, displaySnapshotSchema, type DisplaySnapshot, type Ticket } from '../../../shared/schemas/ticketQueue';
import { demoDevice } from '../../../server/src/db/seedDemo';

/** The staff's side of the queue through the real API, on the demo counter: what the kiosk pages' tests act and check with. */
const device = { [DEVICE_ID_HEADER]: demoDevice.id, [DEVICE_SECRET_HEADER]: demoDevice.secret };

async function signIn(serverUrl: string, username: string, password: string): Promise<Record<string, string>> {
  const response = await fetch(`${serverUrl}/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...device },
    body: JSON.stringify({ username, password, deviceId: demoDevice.id }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${username} answered ${response.status}`);
  const { token } = (await response.json()) as { token: string };
  return { authorization: `Bearer ${token}`, ...device };
}

/** A one-time enrolment code the demo administrator makes, of a kiosk or of a counter computer. */
export async function enrolmentCode(serverUrl: string, stationCode: string, kind: 'kiosk' | 'workstation'): Promise<string> {
  const headers = await signIn(serverUrl, 'admin', 'admin-demo-2026');
  const response = await fetch(`${serverUrl}/v1/admin/enrolment-codes`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ stationCode, kind }) });
  if (response.status !== 200) throw new Error(`enrolment code answered ${response.status}: ${await response.text()}`);
  return enrolmentCodeAnswerSchema.parse(await response.json()).code;
}

/** The stations whose enrolment codes are still unused. */
export async function unusedCodeStations(serverUrl: string): Promise<string[]> {
  const headers = await signIn(serverUrl, 'admin', 'admin-demo-2026');
  const response = await fetch(`${serverUrl}/v1/admin/enrolment-codes`, { headers });
  return pendingEnrolmentCodesSchema.parse(await response.json()).codes.map((code) => code.stationCode);
}

/** The demo clerk's counter (station KL01) calls the next ticket. */
export async function callNext(serverUrl: string): Promise<Ticket | null> {
  const headers = await signIn(serverUrl, 'clerk', 'clerk-demo-2026');
  const response = await fetch(`${serverUrl}/v1/queue/call-next`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{}' });
  if (response.status !== 200) throw new Error(`call-next answered ${response.status}: ${await response.text()}`);
  return callNextAnswerSchema.parse(await response.json()).ticket;
}

export async function displaySnapshot(serverUrl: string): Promise<DisplaySnapshot> {
  return displaySnapshotSchema.parse(await (await fetch(`${serverUrl}/v1/queue/display`)).json());
}
