import { useState, type Dispatch } from 'react';
import { totalPages, type PendingPage, type PageAction } from './pendingPages';
import { PendingPageRow } from './PendingPageRow';
import type { PageEdit } from './usePendingPages';

export interface PendingPageListProps {
  pages: readonly PendingPage[];
  busy: boolean;
  dispatch: Dispatch<PageAction>;
  onEdit: (page: PendingPage, change: PageEdit) => void;
  onRetake: (id: string) => void;
  kinds: readonly string[];
  kind: string;
  onKind: (kind: string) => void;
  onSave: () => void;
}

/** The pages waiting to be saved, the checklist item they prove, and the save button. */
export function PendingPageList({ pages, busy, dispatch, onEdit, onRetake, kinds, kind, onKind, onSave }: PendingPageListProps) {
  const [cropping, setCropping] = useState<string>();
  return (
    <section aria-label="待保存頁面 Pages to save">
      <h3>
        待保存頁面 Pages to save（{totalPages(pages)}）
      </h3>
      <ol className="pending-pages">
        {pages.map((page, index) => (
          <PendingPageRow
            key={page.id}
            page={page}
            index={index}
            count={pages.length}
            busy={busy}
            cropping={cropping === page.id}
            onCropping={(open) => setCropping(open ? page.id : undefined)}
            dispatch={dispatch}
            onEdit={onEdit}
            onRetake={onRetake}
          />
        ))}
      </ol>
      <label>
        證明項目 Proves checklist item{' '}
        <select value={kind} onChange={(event) => onKind(event.target.value)}>
          {kinds.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={onSave} disabled={busy}>
        保存文件 Save document
      </button>
      {busy && (
        <p role="status" className="hint small">
          處理中… Processing…
        </p>
      )}
    </section>
  );
}
