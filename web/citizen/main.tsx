/** The citizen app (shell): language switch, sign-in, home. The report flow lands here next. */
import { LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { boot } from '../shared/boot';
import type { WebConfig } from '../shared/config';
import { session, signOut } from '../shared/auth/session';
import { tc } from '../shared/i18n/common';
import { LangSwitch } from '../shared/ui/LangSwitch';
import { SignIn } from '../shared/ui/SignIn';
import { t } from './messages';

function Header() {
  const { route } = useLocation();
  const s = session.value;
  return (
    <header class="app-header">
      <a class="skip-link" href="#main">{tc('skip')}</a>
      <a class="brand" href="/">{t('app.name')}</a>
      <span class="spacer" />
      <LangSwitch />
      {s ? (
        <button type="button" onClick={() => { signOut(); route('/'); }}>{tc('signout')}</button>
      ) : (
        <a href="/signin">{tc('signin.title')}</a>
      )}
    </header>
  );
}

function Home() {
  const s = session.value;
  return (
    <section class="card">
      <h1>{t('home.title')}</h1>
      <p>{t('home.intro')}</p>
      {s ? <p>{t('home.welcome', { name: s.name ?? s.sub })}</p> : <p><a href="/signin">{t('home.signInPrompt')}</a></p>}
    </section>
  );
}

function SignInPage({ config }: { config: WebConfig }) {
  const { route } = useLocation();
  return <SignIn config={config} appBase="/" roles={['citizen']} onSignedIn={() => route('/')} />;
}

function NotFound() {
  return <p>{tc('notFound')}</p>;
}

function App({ config }: { config: WebConfig }) {
  return (
    <LocationProvider>
      <Header />
      <main id="main" tabIndex={-1}>
        <Router>
          <Route path="/" component={Home} />
          <Route path="/signin" component={() => <SignInPage config={config} />} />
          <Route default component={NotFound} />
        </Router>
      </main>
    </LocationProvider>
  );
}

void boot((config) => <App config={config} />);
