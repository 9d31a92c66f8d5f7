/** The console: staff queues, managers' dashboards, admins' rules. */
import { LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { boot } from '../shared/boot';
import type { WebConfig } from '../shared/config';
import { session, signOut } from '../shared/auth/session';
import { tc } from '../shared/i18n/common';
import { LangSwitch } from '../shared/ui/LangSwitch';
import { SignIn } from '../shared/ui/SignIn';
import { t } from './messages';

const BASE = '/console/';

function Header() {
  const { route } = useLocation();
  const s = session.value;
  return (
    <header class="app-header">
      <a class="skip-link" href="#main">{tc('skip')}</a>
      <a class="brand" href={BASE}>{t('app.name')}</a>
      <span class="spacer" />
      {s && <span>{tc('signedInAs', { name: s.name ?? s.sub })} · {tc(`role.${s.role}`)}</span>}
      <LangSwitch />
      {s && <button type="button" onClick={() => { signOut(); route(`${BASE}signin`); }}>{tc('signout')}</button>}
    </header>
  );
}

function Home() {
  const s = session.value!;
  return (
    <section class="card">
      <h1>{t('home.title', { name: s.name ?? s.sub })}</h1>
    </section>
  );
}

function App({ config }: { config: WebConfig }) {
  const s = session.value;
  return (
    <LocationProvider>
      <Header />
      <main id="main" tabIndex={-1}>
        {s && s.role !== 'citizen' ? (
          <Router>
            <Route path={BASE} component={Home} />
            <Route default component={Home} />
          </Router>
        ) : (
          <SignIn config={config} appBase={BASE} roles={['staff', 'manager', 'admin']} />
        )}
      </main>
    </LocationProvider>
  );
}

void boot((config) => <App config={config} />);
