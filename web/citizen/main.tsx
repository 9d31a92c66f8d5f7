/**
 * The citizen app: report (in the first chunk, so it opens fast on a slow phone), my reports,
 * a report's page, the inbox and preferences, around me (lazy). A service worker keeps the
 * app shell for offline use; the outbox sends reports written without a connection.
 */
import { signal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import { ErrorBoundary, LocationProvider, Route, Router, lazy, useLocation } from 'preact-iso';
import { boot } from '../shared/boot';
import type { WebConfig } from '../shared/config';
import { session, signOut } from '../shared/auth/session';
import { tc } from '../shared/i18n/common';
import { LangSwitch } from '../shared/ui/LangSwitch';
import { SignIn } from '../shared/ui/SignIn';
import { startOutbox } from './lib/outbox';
import { prefetchReference } from './lib/reference';
import { forgetPersonal } from './lib/store';
import { refreshUnread, startUnread, unread } from './lib/unread';
import { t } from './messages';
import { Report, forgetDraft } from './screens/Report';
import { MyReports } from './screens/MyReports';
import { Loading, NeedSignIn, OutboxPanel } from './ui';
import './citizen.css';

const TicketPage = lazy(() => import('./screens/TicketPage').then((m) => m.TicketPage));
const Inbox = lazy(() => import('./screens/Inbox').then((m) => m.Inbox));
const Preferences = lazy(() => import('./screens/Preferences').then((m) => m.Preferences));
const Account = lazy(() => import('./screens/Account').then((m) => m.Account));
const AroundMe = lazy(() => import('./screens/AroundMe').then((m) => m.AroundMe));

const online = signal(typeof navigator === 'undefined' ? true : navigator.onLine);

function Header() {
  const { route, path } = useLocation();
  const s = session.value;
  const link = (href: string, label: string, extra?: string) => (
    <li>
      <a href={href} aria-current={path === href || (href !== '/' && path.startsWith(`${href}/`)) ? 'page' : undefined}>
        {label}
        {extra}
      </a>
    </li>
  );
  return (
    <header class="app-header">
      <a class="skip-link" href="#main">{tc('skip')}</a>
      <a class="brand" href="/">{t('app.name')}</a>
      <span class="spacer" />
      <LangSwitch />
      {s ? (
        <button type="button" onClick={() => { forgetDraft(); forgetPersonal(); signOut(); route('/'); }}>{tc('signout')}</button>
      ) : (
        <a href="/signin">{tc('signin.title')}</a>
      )}
      <nav class="app-nav" aria-label={t('nav.label')}>
        <ul>
          {link('/report', t('nav.report'))}
          {link('/reports', t('nav.mine'))}
          <li>
            <a href="/inbox" aria-current={path.startsWith('/inbox') ? 'page' : undefined}>
              {t('nav.inbox')}
              {unread.value > 0 && <span class="badge" aria-label={t('nav.unread', { n: unread.value })}>{unread.value > 99 ? '99+' : unread.value}</span>}
            </a>
          </li>
          {link('/around', t('nav.around'))}
        </ul>
      </nav>
    </header>
  );
}

function Home() {
  const s = session.value;
  return (
    <>
      <section class="card home">
        <h1>{t('home.title')}</h1>
        <p>{t('home.intro')}</p>
        {s ? <p>{t('home.welcome', { name: s.name ?? s.sub })}</p> : <p><a href="/signin">{t('home.signInPrompt')}</a></p>}
        <p><a class="button primary big" href="/report">{t('home.report')}</a></p>
        <p><a href="/around">{t('home.browse')}</a></p>
        {s && <p><a href="/settings">{t('inbox.settings')}</a> · <a href="/account">{t('account.title')}</a></p>}
      </section>
      <OutboxPanel />
    </>
  );
}

function SignInPage({ config }: { config: WebConfig }) {
  const { route } = useLocation();
  return (
    <SignIn
      config={config}
      appBase="/"
      roles={['citizen']}
      onSignedIn={() => {
        void refreshUnread();
        route('/');
      }}
    />
  );
}

/** Back from Cognito's managed login (code + PKCE): the code becomes the session's ID token. */
function SignInCallback({ config }: { config: WebConfig }) {
  const { route } = useLocation();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    const auth = config.auth;
    if (auth.kind !== 'cognito') return void route('/signin', true);
    import('../shared/auth/cognito')
      .then((m) => m.cognitoCallback(auth, '/'))
      .then(
        () => {
          void refreshUnread();
          route('/', true);
        },
        (e: unknown) => setError(tc('signin.failed', { reason: e instanceof Error ? e.message : String(e) })),
      );
  }, []);
  return error ? (
    <section class="card">
      <p role="alert" class="error">{error}</p>
      <p><a href="/signin">{tc('signin.title')}</a></p>
    </section>
  ) : (
    <Loading />
  );
}

function NotFound() {
  return <p>{tc('notFound')}</p>;
}

const signedInOnly = (Screen: () => preact.JSX.Element) => () => (session.value ? <Screen /> : <NeedSignIn />);

function App({ config }: { config: WebConfig }) {
  return (
    <LocationProvider>
      <Header />
      {!online.value && <p class="offline-banner" role="status">{t('offline.banner')}</p>}
      <main id="main" tabIndex={-1}>
        <ErrorBoundary>
          <Router>
            <Route path="/" component={Home} />
            <Route path="/signin" component={() => <SignInPage config={config} />} />
            <Route path="/signin/callback" component={() => <SignInCallback config={config} />} />
            <Route path="/report" component={signedInOnly(Report)} />
            <Route path="/reports" component={MyReports} />
            <Route path="/reports/:id" component={({ id }: { id: string }) => <TicketPage id={id} />} />
            <Route path="/inbox" component={Inbox} />
            <Route path="/settings" component={Preferences} />
            <Route path="/account" component={Account} />
            <Route path="/around" component={AroundMe} />
            <Route default component={NotFound} />
          </Router>
        </ErrorBoundary>
      </main>
    </LocationProvider>
  );
}

function start() {
  // Not under Vite's dev server (import.meta.hot): its modules are not the built shell. (Tests build with NODE_ENV=test, so PROD is false there.)
  if ('serviceWorker' in navigator && !import.meta.hot) {
    void navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((e: unknown) => console.warn('service worker', e));
  }
  window.addEventListener('online', () => (online.value = true));
  window.addEventListener('offline', () => (online.value = false));
  startOutbox();
  startUnread();
  // Warm the lists a report needs while there is signal; cheap after the first time (kept copies).
  const idle = (fn: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(fn) : setTimeout(fn, 500));
  idle(() => void prefetchReference());
}

void boot((config) => <App config={config} />).then(start);
