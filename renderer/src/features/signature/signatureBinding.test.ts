import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, checkSignature, contentSha256, type JsonValue } from './signatureBinding';
import { signatureKind, signedContentHash } from '../documents/signatureKind';

const content = { title: '房屋稅籍證明', lines: [{ label: '申請人', value: '王小明' }], documents: [{ document: '申請書', state: 'provided' }] };

describe('signature binding', () => {
  it('hashes canonical JSON with SHA-256', async () => {
    const expected = createHash('sha256').update(canonicalJson(content)).digest('hex');
    expect(await contentSha256(content)).toBe(expected);
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: undefined })).toBe('{"a":[true,null,"x"],"b":1}');
  });

  it('does not depend on key order', async () => {
    expect(await contentSha256({ a: 1, b: { d: 2, c: 3 } })).toBe(await contentSha256({ b: { c: 3, d: 2 }, a: 1 }));
  });

  it('covers the content it signed and flags a later change', async () => {
    const signed = await contentSha256(content);
    expect(await checkSignature(signed, structuredClone(content))).toEqual({ state: 'covers' });
    const changed = { ...content, lines: [{ label: '申請人', value: '王小名' }] };
    expect(await checkSignature(signed, changed)).toMatchObject({ state: 'changed', signedHash: signed });
  });

  it('survives a JSON round trip for any content', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const json = value as JsonValue;
        expect(await contentSha256(JSON.parse(JSON.stringify(json)) as JsonValue)).toBe(await contentSha256(json));
      }),
      { numRuns: 50 },
    );
  });

  it('records the hash in the document kind and reads it back', async () => {
    const hash = await contentSha256(content);
    expect(signedContentHash(signatureKind(hash))).toBe(hash);
    expect(signedContentHash('申請書')).toBeUndefined();
    expect(signatureKind(hash).length).toBeLessThanOrEqual(300);
  });
});
