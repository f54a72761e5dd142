import { useEffect, useRef, useState } from 'react';
import { checkSignature, type JsonValue, type SignatureCheck } from './signatureBinding';
import type { StoredSignature } from './useStoredSignatures';

/**
 * Whether the latest signature covers the content shown, checked on every change of that content; a
 * stale answer for older content is dropped. `onCoverageChange` hears each change of the answer, with
 * the covering signature's document id.
 */
export function useSignatureCoverage(latest: StoredSignature | undefined, contentToSign: JsonValue, onCoverageChange?: (covers: boolean, signatureId?: string) => void): SignatureCheck | undefined {
  const [check, setCheck] = useState<{ hash: string; content: JsonValue; result: SignatureCheck }>();
  useEffect(() => {
    if (!latest) return;
    let cancelled = false;
    void checkSignature(latest.hash, contentToSign).then((result) => {
      if (!cancelled) setCheck({ hash: latest.hash, content: contentToSign, result });
    });
    return () => {
      cancelled = true;
    };
  }, [latest, contentToSign]);
  const current = latest && check && check.hash === latest.hash && check.content === contentToSign ? check.result : undefined;
  const covers = current?.state === 'covers';
  const coveringId = covers ? latest?.id : undefined;
  const onCoverageRef = useRef(onCoverageChange);
  useEffect(() => {
    onCoverageRef.current = onCoverageChange;
  }, [onCoverageChange]);
  useEffect(() => {
    onCoverageRef.current?.(covers, coveringId);
  }, [covers, coveringId]);
  return current;
}
