/** The console: staff queues, managers' dashboards, admins' rules. Dashboard and admin screens load on demand. */
import { useEffect } from 'preact/hooks';
import { lazy, LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { boot } from '../shared/boot';
import type { WebConfig } from '../shared/config';
import { session, signOut, type Role } from '../shared/auth/session';
import { tc } from '../shared/i18n/common';
import { lang } from '../shared/i18n/index';
import { LangSwitch } from '../shared/ui/LangSwitch';
import { SignIn } from '../shared/ui/SignIn';
import { t } from './messages';
import { loadReference } from './lib/reference';
import { unread, watchUnread } from './lib/unread';
import { Queue } from './screens/Queue';
import { TicketPanel } from './screens/TicketPanel';
import './console.css';

const Dashboard = lazy(() => import('./screens/Dashboard').then((m) => m.Dashboard));
const Notifications = lazy(() => import('./screens/Notifications').then((m) => m.Notifications));
const Rules = lazy(() => import('./admin/Rules').then((m) => m.Rules));
const Categories = lazy(() => import('./admin/Categories').then((m) => m.Categories));
const Departments = lazy(() => import('./admin/Departments').then((m) => m.Departments));
const Holidays = lazy(() => import('./admin/Holidays').then((m) => m.Holidays));
const Templates = lazy(() => import('./admin/Templates').then((m) => m.Templates));

const BASE = '/console/';

const navFor: Record<Exclude<Role, 'citizen'>, { href: string; key: Parameters<typeof t>[0] }[]> = {
  staff: [{ href: 'queue', key: 'nav.queue' }, { href: 'notifications', key: 'nav.notifications' }],
  manager: [{ href: 'dashboard', key: 'nav.dashboard' }, { href: 'queue', key: 'nav.queue' }],
  admin: [
    { href: 'admin/rules', key: 'nav.rules' },
    { href: 'admin/categories', key: 'nav.categories' },
    { href: 'admin/departments', key: 'nav.departments' },
    { href: 'admin/holidays', key: 'nav.holidays' },
    { href: 'admin/templates', key: 'nav.templates' },
    { href: 'dashboard', key: 'nav.dashboard' },
    { href: 'queue', key: 'nav.queue' },
  ],
};

const homeFor = (role: Role) => (role === 'staff' ? 'queue' : role === 'manager' ? 'dashboard' : 'admin/rules');

function Header() {
  const { route, path } = useLocation();
  const s = session.value;
  const staff = s && s.role !== 'citizen' ? s : undefined;
  return (
    <header class="app-header">
      <a class="skip-link" href="#main">{tc('skip')}</a>
      <a class="brand" href={BASE}>{t('app.name')}</a>
      {staff && (
        <nav aria-label={t('nav.label')}>
          <ul class="nav">
            {navFor[staff.role as Exclude<Role, 'citizen'>].map((n) => {
              const href = BASE + n.href;
              const count = n.key === 'nav.notifications' ? unread.value : 0;
              return (
                <li key={n.href}>
                  <a href={href} aria-current={path.startsWith(href) ? 'page' : undefined}>
                    {t(n.key)}
                    {count > 0 && (
                      <span class="badge">
                        <span aria-hidden="true">{count}</span>
                        <span class="visually-hidden"> ({t('nav.notificationsUnread', { n: count })})</span>
                      </span>
                    )}
                  </a>
                </li>
              );
            })}
          </ul>
        </nav>
      )}
      <span class="spacer" />
      {staff && <span class="who">{staff.name ?? staff.sub} · {tc(`role.${staff.role}`)}</span>}
      <LangSwitch />
      {staff && <button type="button" onClick={() => { signOut(); route(BASE); }}>{tc('signout')}</button>}
    </header>
  );
}

function Home() {
  const { route } = useLocation();
  useEffect(() => route(BASE + homeFor(session.value!.role), true), []);
  return null;
}

function TicketRoute({ params }: { params?: { id?: string } }) {
  return <TicketPanel id={params?.id ?? ''} />;
}

function NotFound() {
  return <p>{tc('notFound')}</p>;
}

function Signed() {
  useEffect(() => {
    void loadReference();
    return watchUnread();
  }, [session.value?.token]);
  return (
    <Router>
      <Route path={BASE} component={Home} />
      <Route path={`${BASE}signin`} component={Home} />
      <Route path={`${BASE}queue`} component={Queue} />
      <Route path={`${BASE}tickets/:id`} component={TicketRoute} />
      <Route path={`${BASE}dashboard`} component={Dashboard} />
      <Route path={`${BASE}notifications`} component={Notifications} />
      <Route path={`${BASE}admin/rules`} component={Rules} />
      <Route path={`${BASE}admin/categories`} component={Categories} />
      <Route path={`${BASE}admin/departments`} component={Departments} />
      <Route path={`${BASE}admin/holidays`} component={Holidays} />
      <Route path={`${BASE}admin/templates`} component={Templates} />
      <Route default component={NotFound} />
    </Router>
  );
}

function App({ config }: { config: WebConfig }) {
  const s = session.value;
  void lang.value;
  return (
    <LocationProvider>
      <Header />
      <main id="main" tabIndex={-1}>
        {s && s.role !== 'citizen' ? <Signed /> : <SignIn config={config} appBase={BASE} roles={['staff', 'manager', 'admin']} />}
      </main>
    </LocationProvider>
  );
}

void boot((config) => <App config={config} />);
