// Step 4: the QR code of the customer's companion page.
import { useT } from '../i18n/i18n.tsx';
import { QrImage } from '../ui/QrImage.tsx';

/** serverUrl + companionPath, with exactly one slash between them. */
export const companionUrl = (serverUrl: string, companionPath: string): string =>
  `${serverUrl.replace(/\/+$/, '')}/${companionPath.replace(/^\/+/, '')}`;

export function DoneStep({ url, onFinish }: { url: string; onFinish(): void }) {
  const t = useT();
  return (
    <section className="kiosk-step done">
      <h1>{t.registered}</h1>
      <p className="lead">{t.scanQr}</p>
      <QrImage text={url} label={t.companionQr} size={320} />
      <p className="muted">{t.qrPrivate}</p>
      <button type="button" className="primary huge" onClick={onFinish}>{t.finish}</button>
    </section>
  );
}
