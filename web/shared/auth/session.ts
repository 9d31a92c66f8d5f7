/**
 * Who is signed in: the bearer token and the claims read from it, kept in sessionStorage so a
 * reload keeps the session and closing the tab ends it.
 */
import { computed, signal } from '@preact/signals';

export type Role = 'citizen' | 'staff' | 'manager' | 'admin';
const rank: Record<Role, number> = { citizen: 0, staff: 1, manager: 2, admin: 3 };

export interface Session {
  token: string;
  sub: string;
  role: Role;
  name?: string;
  departmentId?: string;
  scope?: string;
  /** Seconds since the epoch. */
  expiresAt?: number;
}

const KEY = 'civic-feedback.session';

function decodePayload(token: string): Record<string, unknown> {
  const part = token.split('.')[1] ?? '';
  const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
  return JSON.parse(decodeURIComponent(Array.from(json, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''))) as Record<string, unknown>;
}

/** The session a token stands for (claims as Cognito names them). */
export function sessionFromToken(token: string): Session {
  const claims = decodePayload(token);
  const groups = (Array.isArray(claims['cognito:groups']) ? claims['cognito:groups'] : []) as string[];
  const role = groups.filter((g): g is Role => g in rank).sort((a, b) => rank[b] - rank[a])[0] ?? 'citizen';
  const text = (k: string) => (typeof claims[k] === 'string' ? (claims[k] as string) : undefined);
  const s: Session = { token, sub: text('sub') ?? '', role };
  const name = text('name');
  const departmentId = text('custom:department_id');
  const scope = text('custom:scope');
  if (name) s.name = name;
  if (departmentId) s.departmentId = departmentId;
  if (scope) s.scope = scope;
  if (typeof claims.exp === 'number') s.expiresAt = claims.exp;
  return s;
}

function restore(): Session | undefined {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return undefined;
    const s = sessionFromToken(raw);
    return s.expiresAt && s.expiresAt * 1000 < Date.now() ? undefined : s;
  } catch {
    return undefined;
  }
}

export const session = signal<Session | undefined>(restore());
export const signedIn = computed(() => session.value !== undefined);

export function signIn(token: string) {
  sessionStorage.setItem(KEY, token);
  session.value = sessionFromToken(token);
}

export function signOut() {
  sessionStorage.removeItem(KEY);
  session.value = undefined;
}
