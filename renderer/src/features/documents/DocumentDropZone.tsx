import { useState } from 'react';
import { ScanFolderImport } from './ScanFolderImport';

export interface DocumentDropZoneProps {
  onFiles: (files: readonly File[]) => Promise<void>;
  onOpenCamera: () => void;
  cameraOpen: boolean;
  busy: boolean;
}

/** Where pages come in: dropped, chosen, taken with the camera or taken from the scan folder. */
export function DocumentDropZone({ onFiles, onOpenCamera, cameraOpen, busy }: DocumentDropZoneProps) {
  const [dragging, setDragging] = useState(false);
  return (
    <div
      className={`drop-zone${dragging ? ' dragging' : ''}`}
      data-testid="drop-zone"
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        void onFiles([...event.dataTransfer.files]);
      }}
    >
      <p>將影像或 PDF 拖放到此處 · Drop images or PDFs here</p>
      <label>
        選擇檔案 Choose files
        <input type="file" multiple accept="image/jpeg,image/png,image/webp,application/pdf" onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          void onFiles(files);
        }} />
      </label>
      <button type="button" onClick={onOpenCamera} disabled={cameraOpen}>
        開啟相機 Open camera
      </button>
      <ScanFolderImport onFiles={onFiles} disabled={busy} />
    </div>
  );
}
