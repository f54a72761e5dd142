import { useEffect, useState } from 'react';

/** A small picture of a pending image, as it will be stored. */
export function PageThumbnail({ bytes, alt }: { bytes: Uint8Array; alt: string }) {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    let cancelled = false;
    let next: string | undefined;
    // Made after mount, so a mount that is at once undone (StrictMode) leaves no URL behind.
    void Promise.resolve().then(() => {
      if (cancelled) return;
      next = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }));
      setUrl(next);
    });
    return () => {
      cancelled = true;
      if (next) URL.revokeObjectURL(next);
    };
  }, [bytes]);
  return url ? <img className="pending-thumbnail" src={url} alt={alt} style={{ maxWidth: 96, maxHeight: 96, verticalAlign: 'middle' }} /> : null;
}
