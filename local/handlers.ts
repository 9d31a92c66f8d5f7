/** Loads a function's entry module by its route-table name, once per process. */
import type { Route } from '../shared/http/routes.js';

const cache = new Map<string, Promise<Record<string, any>>>();

export function loadFunction(fn: Route['fn']): Promise<Record<string, any>> {
  let loaded = cache.get(fn);
  if (!loaded) {
    loaded = import(new URL(`../functions/${fn}.ts`, import.meta.url).href);
    cache.set(fn, loaded);
  }
  return loaded;
}
