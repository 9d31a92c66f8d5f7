/** Reference data the console shows names from: categories and departments, loaded once per session. */
import { signal } from '@preact/signals';
import { api, type Schemas } from '../../shared/api/client';
import { localName } from '../../shared/i18n/index';

export type Category = Schemas['Category'];
export type Department = Schemas['Department'];

export const categories = signal<Category[]>([]);
export const departments = signal<Department[]>([]);

let loading: Promise<void> | undefined;

export function loadReference(force = false): Promise<void> {
  if (loading && !force) return loading;
  loading = (async () => {
    const [cats, depts] = await Promise.all([api.GET('/v1/categories'), allDepartments()]);
    if (cats.data) categories.value = cats.data.items;
    departments.value = depts;
  })();
  return loading;
}

async function allDepartments(): Promise<Department[]> {
  const out: Department[] = [];
  let cursor: string | undefined;
  do {
    const { data } = await api.GET('/v1/departments', { params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } } });
    if (!data) break;
    out.push(...data.items);
    cursor = data.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

export const categoryName = (code: string) => localName(categories.value.find((c) => c.code === code)?.name) || code;
export const departmentName = (id: string) => localName(departments.value.find((d) => d.id === id)?.name) || id;
/** A ward's name from its People's Committee ("UBND Phường Phúc Xá" → "Phường Phúc Xá"). */
export const wardName = (code: string) => {
  const d = departments.value.find((x) => x.id === `ward-${code}`);
  return d ? localName(d.name).replace(/^UBND\s+|^People's Committee of\s+/, '') : code;
};
