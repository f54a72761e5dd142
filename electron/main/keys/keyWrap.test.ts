import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFakeSafeStorage } from '../../testing/fakeSafeStorage';
import { createKeyWrapper, keyWrapStatus } from './keyWrap';

const dataKey = () => randomBytes(32).toString('base64');

describe('data key wrapping with safeStorage', () => {
  it('wraps and unwraps the key with the OS key store, never handing the key back in the wrapping', () => {
    const safeStorage = createFakeSafeStorage();
    const wrapper = createKeyWrapper(safeStorage, 'linux');
    const key = dataKey();
    const wrapped = wrapper.wrap(key);
    expect(wrapped).toMatchObject({ ok: true, value: { backend: 'gnome_libsecret', protectsAtRest: true } });
    if (!wrapped.ok || !wrapped.value.wrapped) throw new Error('expected a wrapping');
    expect(Buffer.from(wrapped.value.wrapped, 'base64').toString('latin1')).not.toContain(key);
    expect(wrapper.unwrap(wrapped.value.wrapped)).toEqual({ ok: true, value: { key } });
  });

  it('refuses to wrap with basic_text, saying the disk is not protected', () => {
    const safeStorage = createFakeSafeStorage({ backend: 'basic_text' });
    const wrapper = createKeyWrapper(safeStorage, 'linux');
    expect(wrapper.status()).toEqual({ backend: 'basic_text', protectsAtRest: false });
    expect(wrapper.wrap(dataKey())).toEqual({ ok: true, value: { backend: 'basic_text', protectsAtRest: false } });
    expect(safeStorage.calls).toEqual([]);
    expect(wrapper.unwrap('AAAA').ok).toBe(false);
  });

  it('reports no protection when encryption is unavailable, and names DPAPI and the Keychain on their platforms', () => {
    expect(keyWrapStatus(createFakeSafeStorage({ available: false }), 'win32')).toEqual({ backend: 'dpapi', protectsAtRest: false });
    expect(keyWrapStatus(createFakeSafeStorage(), 'win32')).toEqual({ backend: 'dpapi', protectsAtRest: true });
    expect(keyWrapStatus(createFakeSafeStorage(), 'darwin')).toEqual({ backend: 'keychain', protectsAtRest: true });
  });

  it('fails as data when the wrapping belongs to another OS user, or is not a key', () => {
    const mine = createKeyWrapper(createFakeSafeStorage(), 'linux');
    const theirs = createKeyWrapper(createFakeSafeStorage(), 'linux');
    const wrapped = theirs.wrap(dataKey());
    if (!wrapped.ok || !wrapped.value.wrapped) throw new Error('expected a wrapping');
    expect(mine.unwrap(wrapped.value.wrapped)).toMatchObject({ ok: false, code: 'internal_error' });
    expect(mine.wrap('not a key')).toMatchObject({ ok: false, code: 'invalid_request' });
    const notAKey = createFakeSafeStorage();
    const wrapper = createKeyWrapper(notAKey, 'linux');
    expect(wrapper.unwrap(notAKey.encryptString('hello').toString('base64'))).toMatchObject({ ok: false, code: 'internal_error' });
  });
});
