/** An admin, an Open311 client and its key, on a test API. */
import type { TestApi } from '../support/api.js';

export async function createClient(api: TestApi, id: string, body: Record<string, unknown> = { name: `Client ${id}` }) {
  const admin = await api.token({ sub: 'admin-1', groups: ['admin'] });
  const res = await api.request('PUT', `/v1/open311-clients/${id}`, { token: admin, body });
  if (res.status !== 201 && res.status !== 200) throw new Error(`client ${id}: ${res.status} ${JSON.stringify(res.body)}`);
  return { admin, key: res.body.apiKey as string, res };
}

export function form(fields: Record<string, string>) {
  return { rawBody: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
}
