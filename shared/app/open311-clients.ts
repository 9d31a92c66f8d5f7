/**
 * Open311 client systems and their keys. A key is shown once, when an admin creates or
 * replaces the client (each PUT issues a fresh one and the old one stops working); only its
 * sha256 is stored. The key names its client, so checking it is one read.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { NotFoundError } from '../domain/errors.js';
import { Open311Error } from '../domain/open311.js';
import type { Dependencies } from './ports.js';
import type { Open311Client, Open311ClientStore } from './open311-ports.js';

type Deps = Pick<Dependencies, 'clock'> & { open311Clients: Open311ClientStore };

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 30;

export interface ClientInput {
  name: string;
  contact?: string;
  rateLimitPerMinute?: number;
}

export type ClientView = Omit<Open311Client, 'keyHash'>;

const hashKey = (key: string) => createHash('sha256').update(key).digest();

export const clientView = ({ keyHash: _hash, ...rest }: Open311Client): ClientView => rest;

export async function putClient(deps: Deps, id: string, input: ClientInput): Promise<{ client: ClientView; key: string; created: boolean }> {
  const previous = await deps.open311Clients.get(id);
  const now = deps.clock.now().toISOString();
  const key = `${id}.${randomBytes(32).toString('base64url')}`;
  const client: Open311Client = {
    id,
    name: input.name,
    ...(input.contact ? { contact: input.contact } : {}),
    rateLimitPerMinute: input.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE,
    keyHash: hashKey(key).toString('hex'),
    status: 'active',
    createdAt: previous?.createdAt ?? now,
    updatedAt: now,
  };
  await deps.open311Clients.put(client);
  return { client: clientView(client), key, created: !previous };
}

/** Revoking twice is the same as once; an id never created is a 404. */
export async function revokeClient(deps: Deps, id: string): Promise<void> {
  const client = await deps.open311Clients.get(id);
  if (!client) throw new NotFoundError(`No Open311 client "${id}".`);
  if (client.status === 'revoked') return;
  const now = deps.clock.now().toISOString();
  await deps.open311Clients.put({ ...client, status: 'revoked', revokedAt: now, updatedAt: now });
}

/** The active client a key belongs to; any other key is a 403 that does not say why. */
export async function authenticateClient(deps: Deps, key: string): Promise<Open311Client> {
  const id = key.slice(0, Math.max(0, key.indexOf('.')));
  const client = id && /^[a-z0-9-]{1,40}$/.test(id) ? await deps.open311Clients.get(id) : undefined;
  const expected = client ? Buffer.from(client.keyHash, 'hex') : undefined;
  const matches = expected !== undefined && expected.length === 32 && timingSafeEqual(expected, hashKey(key));
  if (!client || !matches || client.status !== 'active') throw new Open311Error(403, 'Invalid api_key.');
  return client;
}
