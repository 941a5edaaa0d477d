// "I'm leaving" with its confirmation (claim 16: the customer's data is deleted at once), and the pages
// that end a visit: goodbye, left (deleted by the mall), and a link that does not work.
import { useState } from 'react';
import { companionText, type CompanionText, type Locale } from './companion-messages.ts';

export function LeaveButton({ onLeave, t }: { onLeave(): Promise<void>; t: CompanionText }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!asking) return <button type="button" className="danger leave" onClick={() => setAsking(true)}>{t.leave}</button>;
  return (
    <div className="confirm" role="alertdialog" aria-labelledby="leave-question">
      <p id="leave-question">{t.leaveConfirm}</p>
      <div className="row">
        <button type="button" className="danger" disabled={busy} onClick={async () => { setBusy(true); try { await onLeave(); } finally { setBusy(false); } }}>{t.leaveYes}</button>
        <button type="button" disabled={busy} onClick={() => setAsking(false)}>{t.leaveNo}</button>
      </div>
    </div>
  );
}

export function EndScreen({ kind, t }: { kind: 'goodbye' | 'left' | 'invalid'; t: CompanionText }) {
  const [title, text] = kind === 'goodbye' ? [t.goodbyeTitle, t.goodbyeText] : kind === 'left' ? [t.leftTitle, t.leftText] : [t.invalidTitle, t.invalidText];
  return (
    <main className={`end end-${kind}`} role={kind === 'invalid' ? 'alert' : 'status'}>
      <h1>{title}</h1>
      <p>{text}</p>
    </main>
  );
}

/** A wrong or expired link, said in the reader's language first and in the other one below. */
export function InvalidLinkScreen({ locale }: { locale: Locale }) {
  const other: Locale = locale === 'ja' ? 'en' : 'ja';
  return <><EndScreen kind="invalid" t={companionText(locale)} /><EndScreen kind="invalid" t={companionText(other)} /></>;
}
