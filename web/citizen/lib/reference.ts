/**
 * The public lists the report flow needs — categories, areas level by level, departments and
 * the privacy notice — fetched once, kept on the phone, and read back when there is no signal.
 * `prefetchReference` walks the area tree down to the wards while online, so a report started
 * on a train can still pick its ward.
 */
import { api, type Schemas } from '../../shared/api/client';
import { networkFirst, recall, remember } from './store';

export type Category = Schemas['Category'];
export type Area = Schemas['Area'];
export type Department = Schemas['Department'];
export type PrivacyNotice = Schemas['PrivacyNotice'];

export async function categories(): Promise<Category[]> {
  const { value } = await networkFirst('ref.categories', () => api.GET('/v1/categories'));
  return value.items.filter((c) => c.active);
}

export async function departments(): Promise<Department[]> {
  const { value } = await networkFirst('ref.departments', () => api.GET('/v1/departments'));
  return value.items;
}

/** Children of an area (all pages); no parent: the provinces. */
const areaMemo = new Map<string, Promise<Area[]>>();

export function areaChildren(parent?: string): Promise<Area[]> {
  const memo = parent ?? 'root';
  let found = areaMemo.get(memo);
  if (!found) {
    found = loadAreaChildren(parent);
    areaMemo.set(memo, found);
    found.catch(() => areaMemo.delete(memo));
  }
  return found;
}

async function loadAreaChildren(parent?: string): Promise<Area[]> {
  const key = `ref.areas.${parent ?? 'root'}`;
  const { value } = await networkFirst(key, async () => {
    const items: Area[] = [];
    let cursor: string | undefined;
    for (;;) {
      const r = await api.GET('/v1/areas', { params: { query: { ...(parent ? { parent } : {}), limit: 100, ...(cursor ? { cursor } : {}) } } });
      if (r.error || !r.data) return { error: r.error ?? new Error('areas'), response: r.response };
      items.push(...r.data.items);
      cursor = r.data.nextCursor ?? undefined;
      if (!cursor) return { data: items, response: r.response };
    }
  });
  return value;
}

/** The notice in force, or null when none is configured (the API answers 404). */
export async function privacyNotice(): Promise<PrivacyNotice | null> {
  const kept = recall<PrivacyNotice | null>('ref.privacyNotice');
  try {
    if (navigator.onLine === false && kept !== undefined) return kept;
    const r = await api.GET('/v1/privacy-notice');
    if (r.response.status === 404) {
      remember('ref.privacyNotice', null);
      return null;
    }
    if (!r.data) throw r.error;
    remember('ref.privacyNotice', r.data);
    return r.data;
  } catch (e) {
    if (kept !== undefined) return kept;
    throw e;
  }
}

/** Warms every list the report flow reads, down to the wards; at most `budget` area requests. */
export async function prefetchReference(budget = 60) {
  if (navigator.onLine === false) return;
  await Promise.allSettled([categories(), departments(), privacyNotice()]);
  const queue: (string | undefined)[] = [undefined];
  let spent = 0;
  while (queue.length && spent < budget) {
    const parent = queue.shift();
    spent++;
    try {
      const children = await areaChildren(parent);
      for (const child of children) if (child.level !== 'ward') queue.push(child.code);
    } catch {
      return;
    }
  }
}
