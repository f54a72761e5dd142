import { useEffect, useId, useRef, useState, type FormEvent, type PointerEvent } from 'react';
import { cropFromMargins, marginsOfCrop, normaliseImage, type CropBox, type QuarterTurn } from './normaliseImage';

/**
 * Choosing the crop of one pending image: the whole turned page with the kept region outlined, four
 * labelled margin fields in percent (arrow keys step them, Enter applies, Esc cancels), and a drag
 * across the picture to draw the region with a pointer. The crop is in the upright frame, the one the
 * clerk sees here, which is what normaliseImage expects.
 */

type Side = 'top' | 'right' | 'bottom' | 'left';
type Margins = Record<Side, number>;

const sides: readonly { side: Side; label: string }[] = [
  { side: 'top', label: '上邊界 Top margin (%)' },
  { side: 'right', label: '右邊界 Right margin (%)' },
  { side: 'bottom', label: '下邊界 Bottom margin (%)' },
  { side: 'left', label: '左邊界 Left margin (%)' },
];

/** Long side of the preview: enough to see the page's edges, small enough to make at once. */
const PREVIEW_LONG_SIDE = 800;

function marginErrors(m: Margins): Partial<Record<Side, string>> {
  const errors: Partial<Record<Side, string>> = {};
  for (const { side } of sides) if (!Number.isFinite(m[side]) || m[side] < 0 || m[side] > 99) errors[side] = '請輸入 0 到 99 · Enter 0 to 99';
  if (!errors.top && !errors.bottom && m.top + m.bottom >= 100) errors.bottom = '上下邊界合計須小於 100 · Top and bottom together must be under 100';
  if (!errors.left && !errors.right && m.left + m.right >= 100) errors.right = '左右邊界合計須小於 100 · Left and right together must be under 100';
  return errors;
}

export interface PageCropperProps {
  /** Shown in the labels, e.g. "2" for the second pending page. */
  pageLabel: string;
  source: Blob;
  rotate: QuarterTurn;
  crop: CropBox;
  onApply: (crop: CropBox) => void;
  onCancel: () => void;
}

export function PageCropper({ pageLabel, source, rotate, crop, onApply, onCancel }: PageCropperProps) {
  const id = useId();
  const [margins, setMargins] = useState<Margins>(() => marginsOfCrop(crop));
  const [preview, setPreview] = useState<string>();
  const [drag, setDrag] = useState<{ x: number; y: number }>();
  const firstField = useRef<HTMLInputElement>(null);
  const errors = marginErrors(margins);
  const valid = Object.keys(errors).length === 0;

  useEffect(() => {
    let url: string | undefined;
    let cancelled = false;
    void normaliseImage(source, { rotate, maxLongSide: PREVIEW_LONG_SIDE, quality: 0.7 }).then(({ blob }) => {
      if (cancelled) return;
      url = URL.createObjectURL(blob);
      setPreview(url);
    });
    firstField.current?.focus();
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [source, rotate]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid) onApply(cropFromMargins(margins));
  };

  // A drag across the picture sets all four margins at once.
  const fraction = (event: PointerEvent<HTMLElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const clamp = (v: number) => Math.min(1, Math.max(0, v));
    return { x: clamp((event.clientX - box.left) / box.width), y: clamp((event.clientY - box.top) / box.height) };
  };
  const dragTo = (event: PointerEvent<HTMLElement>) => {
    if (!drag) return;
    const end = fraction(event);
    const pct = (v: number) => Math.round(v * 100);
    setMargins({
      left: pct(Math.min(drag.x, end.x)),
      right: 100 - pct(Math.max(drag.x, end.x)),
      top: pct(Math.min(drag.y, end.y)),
      bottom: 100 - pct(Math.max(drag.y, end.y)),
    });
  };

  const kept = valid ? cropFromMargins(margins) : undefined;
  return (
    <form className="page-cropper" aria-label={`裁切第 ${pageLabel} 頁 Crop page ${pageLabel}`} onSubmit={submit} onKeyDown={(event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        onCancel();
      }
    }}>
      <div
        className="page-cropper-picture"
        style={{ position: 'relative', display: 'inline-block', overflow: 'hidden', touchAction: 'none', cursor: 'crosshair', userSelect: 'none' }}
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          setDrag(fraction(event));
        }}
        onPointerMove={dragTo}
        onPointerUp={(event) => {
          dragTo(event);
          setDrag(undefined);
        }}
      >
        {preview ? <img src={preview} alt={`第 ${pageLabel} 頁（轉正後）Page ${pageLabel}, upright`} draggable={false} style={{ display: 'block', maxWidth: '100%', maxHeight: '60vh' }} /> : <p role="status">處理中… Processing…</p>}
        {kept && (
          <div
            className="page-cropper-region"
            aria-hidden="true"
            style={{
              position: 'absolute',
              left: `${kept.x * 100}%`,
              top: `${kept.y * 100}%`,
              width: `${kept.width * 100}%`,
              height: `${kept.height * 100}%`,
              outline: '3px dashed #b00020',
              boxShadow: '0 0 0 100vmax rgba(0, 0, 0, 0.35)',
              pointerEvents: 'none',
            }}
          />
        )}
      </div>
      <p className="hint small" id={`${id}-hint`}>
        在圖上拖曳框選保留範圍，或輸入各邊裁去的百分比 · Drag across the picture to mark what to keep, or enter the percent to cut from each side.{' '}
        <kbd>↑</kbd>/<kbd>↓</kbd> 調整 adjust · <kbd>Enter</kbd> 套用 apply · <kbd>Esc</kbd> 取消 cancel
      </p>
      <div className="page-cropper-fields">
        {sides.map(({ side, label }, index) => (
          <div className="field" key={side}>
            <label htmlFor={`${id}-${side}`}>{label}</label>
            <input
              id={`${id}-${side}`}
              ref={index === 0 ? firstField : undefined}
              type="number"
              inputMode="numeric"
              min={0}
              max={99}
              step={1}
              value={Number.isFinite(margins[side]) ? margins[side] : ''}
              onChange={(event) => setMargins((m) => ({ ...m, [side]: event.target.value === '' ? Number.NaN : Number(event.target.value) }))}
              aria-invalid={errors[side] ? true : undefined}
              aria-describedby={errors[side] ? `${id}-${side}-error` : `${id}-hint`}
            />
            {errors[side] && (
              <p id={`${id}-${side}-error`} className="field-error">
                {errors[side]}
              </p>
            )}
          </div>
        ))}
      </div>
      <button type="submit" disabled={!valid}>
        套用裁切 Apply crop <kbd>Enter</kbd>
      </button>
      <button type="button" onClick={() => setMargins({ top: 0, right: 0, bottom: 0, left: 0 })}>
        不裁切 No crop
      </button>
      <button type="button" onClick={onCancel}>
        取消 Cancel <kbd>Esc</kbd>
      </button>
    </form>
  );
}
