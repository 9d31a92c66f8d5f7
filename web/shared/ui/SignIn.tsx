/** The sign-in page: locally the demo personas (optionally only some roles); on AWS a button to Cognito's login. */
import { useEffect, useState } from 'preact/hooks';
import type { WebConfig } from '../config';
import { listPersonas, signInAs, type DevPersona } from '../auth/dev';
import { lang } from '../i18n/index';
import { tc } from '../i18n/common';

export function SignIn(props: { config: WebConfig; appBase: string; roles?: string[]; onSignedIn?: () => void }) {
  const { config } = props;
  const [personas, setPersonas] = useState<DevPersona[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState<string | undefined>();

  useEffect(() => {
    if (config.auth.kind !== 'dev') return;
    listPersonas(config.apiBase)
      .then((all) => setPersonas(props.roles ? all.filter((p) => p.claims.groups.some((g) => props.roles!.includes(g))) : all))
      .catch((e: unknown) => setError(String(e)));
  }, [config]);

  // Back from Cognito's managed login: trade the code for the ID token, then load the app afresh
  // at its base (the session is in sessionStorage, the callback URL is not a screen).
  const callback = config.auth.kind === 'cognito' && location.pathname === `${props.appBase}signin/callback`;
  useEffect(() => {
    if (!callback || config.auth.kind !== 'cognito') return;
    const cognito = config.auth;
    import('../auth/cognito')
      .then((m) => m.cognitoCallback(cognito, props.appBase))
      .then(() => location.replace(props.appBase))
      .catch((e: unknown) => setError(tc('signin.failed', { reason: String(e) })));
  }, [callback]);

  if (config.auth.kind === 'cognito') {
    const cognito = config.auth;
    return (
      <section class="card signin" aria-labelledby="signin-title">
        <h1 id="signin-title">{tc('signin.title')}</h1>
        {error && <p role="alert" class="error">{error}</p>}
        {callback && !error && <p aria-live="polite">{tc('loading')}</p>}
        <button type="button" class="primary" onClick={() => void import('../auth/cognito').then((m) => m.cognitoSignIn(cognito, props.appBase))}>
          {tc('signin.cognito')}
        </button>
      </section>
    );
  }

  const choose = async (p: DevPersona) => {
    setBusy(p.id);
    setError(undefined);
    try {
      await signInAs(p, config.apiBase);
      props.onSignedIn?.();
    } catch (e) {
      setError(tc('signin.failed', { reason: String(e) }));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <section class="card signin" aria-labelledby="signin-title">
      <h1 id="signin-title">{tc('signin.title')}</h1>
      <p>{tc('signin.devIntro')}</p>
      {error && <p role="alert" class="error">{error}</p>}
      {!personas && !error && <p aria-live="polite">{tc('loading')}</p>}
      {personas && (
        <ul class="personas">
          {personas.map((p) => (
            <li key={p.id}>
              <button type="button" class="persona" data-persona={p.id} disabled={busy !== undefined} onClick={() => void choose(p)}>
                <strong>{p.label[lang.value]}</strong>
                <span>{p.claims.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
