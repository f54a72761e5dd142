import { useEffect, useState } from 'react';
import { pdfPageJpegs } from './assemblePdf';

/**
 * Shows a stored document page by page with zoom. Images show as they are; a PDF page shows its
 * embedded JPEG (every page this app assembles, and most scans). A page drawn with vector text has no
 * such image and is named rather than rendered: the renderer bundles no PDF rasteriser, and the
 * app's content security policy keeps PDFs out of frames.
 */

interface ViewPage {
  url?: string;
}

const ZOOM_STEPS = [0.5, 0.75, 1, 1.5, 2, 3];

export function DocumentViewer({ blob, title }: { blob: Blob; title: string }) {
  const [pages, setPages] = useState<ViewPage[]>();
  const [index, setIndex] = useState(0);
  const [zoomStep, setZoomStep] = useState(2);

  useEffect(() => {
    let cancelled = false;
    const urls: string[] = [];
    void (async () => {
      let next: ViewPage[];
      if (blob.type === 'application/pdf') {
        const jpegs = await pdfPageJpegs(new Uint8Array(await blob.arrayBuffer())).catch(() => []);
        next = jpegs.map((jpeg) => {
          if (!jpeg) return {};
          const url = URL.createObjectURL(new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }));
          urls.push(url);
          return { url };
        });
      } else {
        const url = URL.createObjectURL(blob);
        urls.push(url);
        next = [{ url }];
      }
      if (!cancelled) {
        setPages(next);
        setIndex(0);
      }
    })();
    return () => {
      cancelled = true;
      urls.forEach((url) => URL.revokeObjectURL(url));
    };
  }, [blob]);

  if (!pages) return <p>載入中… Loading…</p>;
  const page = pages[index];
  const zoom = ZOOM_STEPS[zoomStep] ?? 1;
  return (
    <section className="document-viewer" aria-label={`檢視 Viewer: ${title}`}>
      <div className="viewer-toolbar">
        <button type="button" onClick={() => setIndex((value) => Math.max(0, value - 1))} disabled={index === 0}>
          上一頁 Previous
        </button>
        <span data-testid="viewer-page">
          第 {index + 1} / {pages.length} 頁 · page {index + 1} of {pages.length}
        </span>
        <button type="button" onClick={() => setIndex((value) => Math.min(pages.length - 1, value + 1))} disabled={index >= pages.length - 1}>
          下一頁 Next
        </button>
        <button type="button" onClick={() => setZoomStep((value) => Math.max(0, value - 1))} disabled={zoomStep === 0}>
          縮小 Zoom out
        </button>
        <span data-testid="viewer-zoom">{Math.round(zoom * 100)}%</span>
        <button type="button" onClick={() => setZoomStep((value) => Math.min(ZOOM_STEPS.length - 1, value + 1))} disabled={zoomStep === ZOOM_STEPS.length - 1}>
          放大 Zoom in
        </button>
      </div>
      <div className="viewer-page" style={{ overflow: 'auto', maxHeight: '70vh' }}>
        {page?.url ? (
          <img src={page.url} alt={`${title} 第 ${index + 1} 頁 page ${index + 1}`} style={{ width: `${zoom * 100}%`, maxWidth: 'none' }} />
        ) : (
          <p>此頁為文字 PDF，無法在此預覽。This page is a text PDF and cannot be previewed here.</p>
        )}
      </div>
    </section>
  );
}
