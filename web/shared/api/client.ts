/**
 * The typed API client: paths and bodies come from schema.d.ts, generated from docs/openapi.json.
 * Every request carries the session's bearer token; a 401 signs the user out.
 */
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';
import { session, signOut } from '../auth/session';

export type Schemas = components['schemas'];
export type Problem = Schemas['Problem'];
export type Paths = paths;

const auth: Middleware = {
  onRequest({ request }) {
    const token = session.value?.token;
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401 && session.value) signOut();
    return response;
  },
};

function make(baseUrl: string): Client<paths> {
  const client = createClient<paths>({ baseUrl });
  client.use(auth);
  return client;
}

// A live binding: importers see the client configureApi installs.
export let api: Client<paths> = make('');

/** Points the client at the configured API (same origin unless config.json says otherwise). */
export function configureApi(baseUrl: string) {
  api = make(baseUrl);
}

/** A problem's readable line, for an alert. */
export function problemText(error: unknown): string {
  const p = error as Partial<Problem> | undefined;
  return p?.detail ?? p?.title ?? String(error ?? '');
}
