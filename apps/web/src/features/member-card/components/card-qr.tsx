import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** The token drawn as a QR code (error correction M: a 121-character token stays a small, sharp code). */
export function CardQr({ token, alt }: { token: string; alt: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(token, { errorCorrectionLevel: 'M', margin: 1, width: 480 }).then((url) => {
      if (live) setSrc(url);
    });
    return () => {
      live = false;
    };
  }, [token]);
  return src ? (
    <img className="uhm-cardqr-img" src={src} alt={alt} data-token={token} />
  ) : (
    <div className="uhm-cardqr-img" />
  );
}
