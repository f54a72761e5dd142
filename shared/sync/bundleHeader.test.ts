import { describe, expect, it } from 'vitest';
import { BUNDLE_MAX_DOCUMENTS, DOCUMENT_BUNDLE_HEADER, bundleHeaderOf, parseBundleHeader } from './protocol';

const sha = (digit: string) => digit.repeat(64);

describe('the bundle header', () => {
  it('reads back what bundleHeaderOf wrote, in order, spaces around items allowed', () => {
    const documents = [
      { sha256: sha('a'), size: 307_200 },
      { sha256: sha('0'), size: 0 },
      { sha256: sha('f'), size: 4_194_304 },
    ];
    expect(parseBundleHeader(bundleHeaderOf(documents))).toEqual(documents);
    expect(parseBundleHeader(` ${sha('a')}:1 , ${sha('b')}:2`)).toEqual([
      { sha256: sha('a'), size: 1 },
      { sha256: sha('b'), size: 2 },
    ]);
  });

  it('names the first item that is not <sha256>:<size>, by its place in the list', () => {
    expect(parseBundleHeader(`${sha('a')}:1,${sha('B')}:2`)).toBe(`Document 2 in ${DOCUMENT_BUNDLE_HEADER} is not <sha256 in hex>:<size>: ${sha('B')}:2`);
    for (const item of [sha('a'), `${sha('a')}:-1`, `${sha('a')}:01`, `${sha('a').slice(1)}:1`, `${sha('a')}:1:2`, '']) {
      expect(parseBundleHeader(`${sha('c')}:5,${item}`)).toMatch(/^Document 2 in x-counterdesk-documents is not/);
    }
  });

  it('refuses a missing header and more documents than a bundle holds', () => {
    expect(parseBundleHeader(undefined)).toBe(`${DOCUMENT_BUNDLE_HEADER} must list the documents in the body (<sha256>:<size>, …)`);
    expect(parseBundleHeader('')).toBe(`${DOCUMENT_BUNDLE_HEADER} must list the documents in the body (<sha256>:<size>, …)`);
    const tooMany = Array.from({ length: BUNDLE_MAX_DOCUMENTS + 1 }, () => ({ sha256: sha('d'), size: 1 }));
    expect(parseBundleHeader(bundleHeaderOf(tooMany))).toBe(`A bundle holds at most ${BUNDLE_MAX_DOCUMENTS} documents; this one lists ${BUNDLE_MAX_DOCUMENTS + 1}`);
    expect(parseBundleHeader(bundleHeaderOf(tooMany.slice(1)))).toHaveLength(BUNDLE_MAX_DOCUMENTS);
  });
});
