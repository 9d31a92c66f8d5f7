/** The cursor-paged lists (`{items, nextCursor}`, see docs/api.md "Lists"), followed to the end. */

type Page<T> = { data?: { items: T[]; nextCursor?: string | null }; error?: unknown };

/** Every item, asking `page(cursor)` until `nextCursor` is null; throws the first error (a Problem). */
export async function allPages<T>(page: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const { data, error } = await page(cursor);
    if (error || !data) throw error;
    out.push(...data.items);
    cursor = data.nextCursor ?? undefined;
  } while (cursor);
  return out;
}
