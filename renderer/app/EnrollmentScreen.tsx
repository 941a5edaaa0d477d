// First start: the installer enters the server address and the one-time code from the console.
import { useState, type FormEvent } from 'react';
import { useT } from '../i18n/i18n.tsx';
import { Field, FormError, errorFor } from '../ui/Field.tsx';
import { useAgentAction, useApi, type TerminalStatus } from './agent-hooks.tsx';

export function EnrollmentScreen({ onEnrolled, initialServerUrl }: { onEnrolled(status: TerminalStatus): void; initialServerUrl?: string | null }) {
  const t = useT();
  const api = useApi();
  const { busy, error, run } = useAgentAction();
  const [serverUrl, setServerUrl] = useState(initialServerUrl ?? '');
  const [code, setCode] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const status = await run(() => api.enroll({ serverUrl: serverUrl.trim(), code: code.trim() }));
    if (status) onEnrolled(status);
  };

  return (
    <main className="screen narrow">
      <h1>{t.enrollTitle}</h1>
      <p>{t.enrollIntro}</p>
      <form onSubmit={submit} className="form">
        <Field label={t.serverUrl} error={errorFor(error, 'serverUrl')}>
          <input type="url" inputMode="url" required value={serverUrl} placeholder="https://mall.example:8443" onChange={(e) => setServerUrl(e.target.value)} />
        </Field>
        <Field label={t.enrollmentCode} error={errorFor(error, 'code')}>
          <input required autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} />
        </Field>
        <FormError error={error} fields={['serverUrl', 'code']} />
        <button type="submit" className="primary" disabled={busy}>{busy ? t.working : t.enroll}</button>
      </form>
    </main>
  );
}
