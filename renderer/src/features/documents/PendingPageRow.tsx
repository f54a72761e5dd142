import type { Dispatch } from 'react';
import { PageCropper } from './PageCropper';
import { PageThumbnail } from './PageThumbnail';
import type { PendingPage, PageAction } from './pendingPages';
import type { PageEdit } from './usePendingPages';

export interface PendingPageRowProps {
  page: PendingPage;
  index: number;
  count: number;
  busy: boolean;
  cropping: boolean;
  onCropping: (open: boolean) => void;
  dispatch: Dispatch<PageAction>;
  onEdit: (page: PendingPage, change: PageEdit) => void;
  onRetake: (id: string) => void;
}

/** One page waiting to be saved, with its order, turn, crop, retake and remove buttons. */
export function PendingPageRow({ page, index, count, busy, cropping, onCropping, dispatch, onEdit, onRetake }: PendingPageRowProps) {
  return (
    <li data-testid="pending-page">
      {page.image && <PageThumbnail bytes={page.bytes} alt={`第 ${index + 1} 頁預覽 Page ${index + 1} preview`} />}
      <span>
        {page.origin} · {page.format === 'pdf' ? `PDF ${page.pages} 頁 pages` : 'JPEG'}
        {page.image && <span data-testid="pending-size"> · {page.image.width}×{page.image.height}</span>}
      </span>
      <button type="button" aria-label={`上移 Move up ${index + 1}`} disabled={index === 0} onClick={() => dispatch({ type: 'move', id: page.id, by: -1 })}>
        ↑
      </button>
      <button type="button" aria-label={`下移 Move down ${index + 1}`} disabled={index === count - 1} onClick={() => dispatch({ type: 'move', id: page.id, by: 1 })}>
        ↓
      </button>
      {page.image && (
        <>
          <button type="button" aria-label={`向左轉 Rotate left ${index + 1}`} disabled={busy} onClick={() => onEdit(page, { turn: -90 })}>
            ↺ 向左轉 Rotate left
          </button>
          <button type="button" aria-label={`向右轉 Rotate right ${index + 1}`} disabled={busy} onClick={() => onEdit(page, { turn: 90 })}>
            ↻ 向右轉 Rotate right
          </button>
          <button type="button" aria-label={`裁切 Crop ${index + 1}`} aria-expanded={cropping} disabled={busy} onClick={() => onCropping(!cropping)}>
            裁切 Crop
          </button>
        </>
      )}
      {page.format === 'jpeg' && (
        <button type="button" aria-label={`重拍 Retake ${index + 1}`} onClick={() => onRetake(page.id)}>
          重拍 Retake
        </button>
      )}
      <button type="button" aria-label={`移除 Remove ${index + 1}`} onClick={() => dispatch({ type: 'remove', id: page.id })}>
        ✕
      </button>
      {cropping && page.image && (
        <PageCropper
          pageLabel={String(index + 1)}
          source={page.image.source}
          rotate={page.image.rotate}
          crop={page.image.crop}
          onApply={(crop) => {
            onCropping(false);
            onEdit(page, { crop });
          }}
          onCancel={() => onCropping(false)}
        />
      )}
    </li>
  );
}
