/** Local sign-in: the demo personas of `GET /dev/personas`, each minted a token by `POST /dev/token` (dev runtime only). */
import type { LocalizedText } from '../../../shared/domain/localized-text.js';
import { signIn } from './session';

export interface DevPersona {
  id: string;
  label: LocalizedText;
  claims: { sub: string; groups: string[]; name?: string; departmentId?: string; scope?: string };
}

export async function listPersonas(apiBase = ''): Promise<DevPersona[]> {
  const res = await fetch(`${apiBase}/dev/personas`);
  if (!res.ok) throw new Error(`personas: ${res.status}`);
  return ((await res.json()) as { items: DevPersona[] }).items;
}

export async function signInAs(persona: DevPersona, apiBase = '') {
  const res = await fetch(`${apiBase}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(persona.claims) });
  if (!res.ok) throw new Error(`token: ${res.status}`);
  signIn(((await res.json()) as { token: string }).token);
}
