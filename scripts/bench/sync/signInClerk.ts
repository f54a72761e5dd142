import { signInResponseSchema } from '../../../shared/schemas/auth';
import { DEVICE_ID_HEADER, DEVICE_SECRET_HEADER } from '../../../shared/schemas/device';
import { demoDevice } from '../../../server/src/db/seedDemo';
import { DEMO_CLERK } from '../support/demoCounter';

/** The demo clerk's session on the demo counter: the device headers and bearer token the sync sends. */
export async function signInClerk(serverUrl: string): Promise<{ headers: Record<string, string>; token: string }> {
  const headers = { [DEVICE_ID_HEADER]: demoDevice.id, [DEVICE_SECRET_HEADER]: demoDevice.secret };
  const signIn = await fetch(new URL('/v1/auth/sign-in', serverUrl), {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ ...DEMO_CLERK, deviceId: demoDevice.id }),
  });
  const { token } = signInResponseSchema.parse(await signIn.json());
  return { headers, token };
}
