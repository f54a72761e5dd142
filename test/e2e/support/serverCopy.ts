import { DEVICE_ID_HEADER, DEVICE_SECRET_HEADER } from '../../../shared/schemas/device';
import { PROTOCOL_HEADER, PROTOCOL_VERSION, pullResponseSchema } from '../../../shared/sync/protocol';
import type { ServerCase } from '../../../shared/sync/protocol';
import { demoDevice } from '../../../server/src/db/seedDemo';

const device = { [DEVICE_ID_HEADER]: demoDevice.id, [DEVICE_SECRET_HEADER]: demoDevice.secret };

/** The case as the server holds it, read through the pull as the demo supervisor: what a test checks a screen's step by. */
export async function serverCopy(serverUrl: string, caseNo: string): Promise<ServerCase | undefined> {
  const signIn = await fetch(`${serverUrl}/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...device },
    body: JSON.stringify({ username: 'supervisor', password: 'supervisor-demo-2026', deviceId: demoDevice.id }),
  });
  const { token } = (await signIn.json()) as { token: string };
  const pulled = await fetch(`${serverUrl}/v1/sync/pull?cursor=0&limit=1000`, { headers: { authorization: `Bearer ${token}`, [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), ...device } });
  if (pulled.status !== 200) throw new Error(`pull answered ${pulled.status}`);
  const { changes } = pullResponseSchema.parse(await pulled.json());
  return changes.flatMap((change) => (change.kind === 'case' && change.data.caseNo === caseNo ? [change.data] : [])).at(-1);
}
