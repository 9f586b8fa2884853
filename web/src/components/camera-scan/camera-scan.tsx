import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { barcodeDetector } from './detector';

interface CameraScanProps {
  /** A code was read: the same as typing it and pressing Enter. */
  onCode: (code: string) => void;
  /** What the button says (the till: "Scan with camera"). */
  label?: string;
  disabled?: boolean;
}

/** How often a frame is looked at: often enough to feel instant, light on a phone's battery. */
const FRAME_EVERY_MS = 150;

/** Why the camera could not be used, in words a cashier can act on. */
export function cameraProblem(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError')
    return 'The camera was not allowed. Allow the camera for this site in the browser’s settings (the icon beside the address), or type the code.';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'NoCamera')
    return 'No camera was found on this device. Type the code or use a barcode scanner.';
  if (name === 'NotReadableError' || name === 'AbortError')
    return 'The camera is in use by another app or could not start. Close that app and try again.';
  if (name === 'Insecure')
    return 'The camera needs a secure connection (https). Type the code instead.';
  return 'The barcode reader could not start. Type the code instead.';
}

function named(name: string): Error {
  const error = new Error(name);
  error.name = name;
  return error;
}

/**
 * "Scan with camera": opens the back camera in a dialog and reads barcodes from its frames
 * (BarcodeDetector, or the barcode-detector ponyfill where the browser has none); the first
 * code read is handed over and the camera is stopped. Keyboard: the dialog takes focus,
 * Escape or "Cancel" closes it and focus returns to the button.
 */
export function CameraScan({ onCode, label = 'Scan with camera', disabled }: CameraScanProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="secondary"
        className="camera-scan__button"
        disabled={disabled}
        onClick={() => setOpen(true)}
      >
        {label}
      </Button>
      <Dialog
        open={open}
        title="Scan with the camera"
        description="Hold the barcode inside the frame, flat and well lit."
        onClose={() => setOpen(false)}
      >
        <CameraView
          onCode={(code) => {
            setOpen(false);
            onCode(code);
          }}
          onCancel={() => setOpen(false)}
        />
      </Dialog>
    </>
  );
}

function CameraView({
  onCode,
  onCancel,
}: {
  onCode: (code: string) => void;
  onCancel: () => void;
}) {
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<string>();
  const [ready, setReady] = useState(false);
  const handOver = useRef(onCode);
  useEffect(() => {
    handOver.current = onCode;
  }, [onCode]);

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;

    async function start() {
      try {
        if (!window.isSecureContext) throw named('Insecure');
        if (!navigator.mediaDevices?.getUserMedia) throw named('NoCamera');
        const detector = barcodeDetector();
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: { ideal: 'environment' } },
          audio: false,
        });
        if (stopped) return;
        const el = video.current!;
        el.srcObject = stream;
        await el.play();
        const reader = await detector;
        if (stopped) return;
        setReady(true);
        const look = async () => {
          if (stopped) return;
          try {
            if (el.readyState >= 2) {
              const [found] = await reader.detect(el);
              if (found?.rawValue && !stopped) {
                stopped = true;
                handOver.current(found.rawValue.trim());
                return;
              }
            }
          } catch {
            // A frame that cannot be read: the next one may.
          }
          timer = setTimeout(() => void look(), FRAME_EVERY_MS);
        };
        void look();
      } catch (error) {
        if (!stopped) setProblem(cameraProblem(error));
      }
    }

    void start();
    return () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, []);

  return (
    <div className="camera-scan">
      {problem ? (
        <p className="field__error" role="alert">
          {problem}
        </p>
      ) : (
        <p className="field__hint" aria-live="polite">
          {ready ? 'Looking for a barcode…' : 'Starting the camera…'}
        </p>
      )}
      <video
        ref={video}
        className="camera-scan__video"
        muted
        playsInline
        aria-label="Camera view"
        hidden={Boolean(problem)}
      />
      <div className="dialog__actions">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
