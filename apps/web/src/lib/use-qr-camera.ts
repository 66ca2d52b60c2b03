import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';

/** The part of the Shape Detection API used here; not yet in TypeScript's DOM library. */
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
type BarcodeDetectorClass = new (options: { formats: string[] }) => BarcodeDetectorLike;

function detectorClass(): BarcodeDetectorClass | null {
  const candidate = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  // mediaDevices is missing outside secure contexts (a phone on a plain-http LAN address).
  const camera = (navigator as { mediaDevices?: MediaDevices }).mediaDevices;
  return typeof candidate === 'function' && camera !== undefined ? candidate : null;
}

export type CameraState = 'unsupported' | 'idle' | 'starting' | 'scanning' | 'denied';

/**
 * Reads a QR code with the device camera where the browser offers BarcodeDetector (Chrome on
 * Android, ChromeOS and macOS); elsewhere the page keeps to its text box, which a USB or
 * Bluetooth scanner types into.
 */
export function useQrCamera(
  video: RefObject<HTMLVideoElement | null>,
  onCode: (code: string) => void,
): { state: CameraState; start: () => void; stop: () => void } {
  const [state, setState] = useState<CameraState>(() => (detectorClass() ? 'idle' : 'unsupported'));
  const stream = useRef<MediaStream | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const handler = useRef(onCode);
  handler.current = onCode;

  const stop = useCallback(() => {
    window.clearInterval(timer.current);
    for (const track of stream.current?.getTracks() ?? []) track.stop();
    stream.current = null;
    if (video.current) video.current.srcObject = null;
    setState((s) => (s === 'unsupported' ? s : 'idle'));
  }, [video]);

  const start = useCallback(async () => {
    const Detector = detectorClass();
    if (!Detector || !video.current) return;
    setState('starting');
    try {
      stream.current = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: 'environment' },
        audio: false,
      });
    } catch {
      setState('denied');
      return;
    }
    const element = video.current;
    element.srcObject = stream.current;
    await element.play().catch(() => undefined);
    setState('scanning');
    const detector = new Detector({ formats: ['qr_code'] });
    let busy = false;
    timer.current = window.setInterval(async () => {
      if (busy || element.readyState < 2) return;
      busy = true;
      try {
        const [code] = await detector.detect(element);
        if (code?.rawValue) {
          stop();
          handler.current(code.rawValue);
        }
      } catch {
        // A frame the detector could not read; the next one may do.
      } finally {
        busy = false;
      }
    }, 250);
  }, [stop, video]);

  useEffect(() => stop, [stop]);

  return { state, start: () => void start(), stop };
}
