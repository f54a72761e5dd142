import { useEffect, useRef, useState } from 'react';
import { formatText } from './documentMessages';
import { BilingualMessage } from './BilingualMessage';
import { describeErrorInBoth } from '../../lib/errorText';
import { translateBoth } from '../../lib/i18n';

/**
 * A camera or document camera with a live preview. The stream is asked for the device's largest
 * frame, and the still is taken with ImageCapture.takePhoto at the largest photo size the device
 * offers (a document camera's stills are often larger than its video); where that is missing the
 * still is the current video frame. The shot is shown for the clerk to use or retake.
 */

async function openCamera(): Promise<MediaStream> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 4096 }, height: { ideal: 4096 }, facingMode: 'environment' }, audio: false });
  const [track] = stream.getVideoTracks();
  const capabilities = track?.getCapabilities?.();
  if (track && capabilities?.width?.max && capabilities.height?.max) {
    // Best effort: some drivers refuse their own advertised maximum; the ideal above still applies.
    await track.applyConstraints({ width: capabilities.width.max, height: capabilities.height.max }).catch(() => undefined);
  }
  return stream;
}

async function takeStill(stream: MediaStream, video: HTMLVideoElement): Promise<Blob> {
  const [track] = stream.getVideoTracks();
  if (track && typeof ImageCapture !== 'undefined') {
    try {
      const capture = new ImageCapture(track);
      const photo = await capture.getPhotoCapabilities().catch(() => undefined);
      const imageWidth = photo?.imageWidth?.max;
      return await capture.takePhoto(imageWidth ? { imageWidth } : undefined);
    } catch {
      // Falls through to the video frame.
    }
  }
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext('2d')?.drawImage(video, 0, 0);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('no frame from the camera');
  return blob;
}

/** getUserMedia's own refusals name the camera's state; anything else reads as any other error. */
function cameraProblem(reason: unknown): { zh: string; en: string } {
  const key = reason instanceof DOMException && reason.name === 'NotFoundError' ? 'error.noCamera' : reason instanceof DOMException && reason.name === 'NotReadableError' ? 'error.cameraBusy' : undefined;
  return key ? translateBoth(key) : describeErrorInBoth(reason);
}

export function CameraCapture({ onUse, onClose, retaking }: { onUse: (still: Blob) => void; onClose: () => void; retaking: boolean }) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const [stream, setStream] = useState<MediaStream>();
  // The failure as thrown, put into words when shown (so a language switch rewords it).
  const [error, setError] = useState<{ reason: unknown }>();
  const [still, setStill] = useState<{ blob: Blob; url: string }>();
  const [resolution, setResolution] = useState<string>();

  useEffect(() => {
    let opened: MediaStream | undefined;
    let cancelled = false;
    openCamera().then(
      (value) => {
        if (cancelled) {
          value.getTracks().forEach((track) => track.stop());
          return;
        }
        opened = value;
        setStream(value);
        const settings = value.getVideoTracks()[0]?.getSettings();
        if (settings?.width && settings.height) setResolution(`${settings.width}×${settings.height}`);
      },
      (reason: unknown) => setError({ reason }),
    );
    return () => {
      cancelled = true;
      opened?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  useEffect(() => {
    const video = videoRef.current;
    if (video && stream) {
      video.srcObject = stream;
      void video.play().catch(() => undefined);
    }
  }, [stream, still]);

  useEffect(() => () => {
    if (still) URL.revokeObjectURL(still.url);
  }, [still]);

  const shoot = async () => {
    const video = videoRef.current;
    if (!stream || !video) return;
    try {
      const blob = await takeStill(stream, video);
      setStill({ blob, url: URL.createObjectURL(blob) });
    } catch (reason) {
      setError({ reason });
    }
  };

  return (
    <section className="camera-capture" aria-label="相機 Camera">
      {error && <BilingualMessage tone="error" text={formatText('cameraUnavailable', { reason: cameraProblem(error.reason) })} />}
      {still ? (
        <>
          <img src={still.url} alt="拍攝結果 Captured page" className="camera-still" />
          <button type="button" onClick={() => onUse(still.blob)}>
            {retaking ? '使用並取代此頁 Use (replace page)' : '使用此頁 Use page'}
          </button>
          <button type="button" onClick={() => setStill(undefined)}>
            重拍 Retake
          </button>
        </>
      ) : (
        <>
          <video ref={videoRef} muted playsInline className="camera-preview" aria-label="即時預覽 Live preview" />
          {resolution && <p data-testid="camera-resolution">{resolution}</p>}
          <button type="button" onClick={() => void shoot()} disabled={!stream}>
            拍攝 Take photo
          </button>
        </>
      )}
      <button type="button" onClick={onClose}>
        關閉相機 Close camera
      </button>
    </section>
  );
}
