// A QR code as an <img> (SVG data URL: no canvas needed, allowed by CSP img-src data:).
import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

export function QrImage({ text, label, size = 280 }: { text: string; label: string; size?: number }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toString(text, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' })
      .then((svg) => live && setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [text]);
  if (!src) return <div className="qr-placeholder" style={{ width: size, height: size }} aria-busy="true" />;
  return <img className="qr" src={src} alt={label} width={size} height={size} data-qr-text={text} />;
}
