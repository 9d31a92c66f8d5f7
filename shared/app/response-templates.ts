/** Response templates: staff, managers and admins read them; admins write them. */
import { NotFoundError, ValidationError } from '../domain/errors.js';
import { ANY_CATEGORY } from '../domain/category.js';
import { checkTemplate, type ResponseTemplate, type TemplateInput, type TemplateKind } from '../domain/response-template.js';
import type { Dependencies, Page, PageRequest } from './ports.js';

type Deps = Pick<Dependencies, 'responseTemplates' | 'reference' | 'clock'>;

/**
 * The templates for a category (its own and the `*` ones) and kind. Naming an unknown category
 * is a 400, so a typo does not look like "no templates".
 */
export async function listResponseTemplates(deps: Deps, query: PageRequest & { category?: string; kind?: TemplateKind }): Promise<Page<ResponseTemplate>> {
  if (query.category && query.category !== ANY_CATEGORY && !(await deps.reference.category(query.category))) {
    throw new ValidationError('Unknown category.', [{ path: 'query.category', message: `unknown category "${query.category}"` }]);
  }
  return deps.responseTemplates.list(query);
}

export async function putResponseTemplate(deps: Deps, id: string, input: TemplateInput): Promise<{ template: ResponseTemplate; created: boolean }> {
  checkTemplate(input, input.category === ANY_CATEGORY || Boolean(await deps.reference.category(input.category)));
  const template: ResponseTemplate = { id, ...input, updatedAt: deps.clock.now().toISOString() };
  const { created } = await deps.responseTemplates.put(template);
  return { template, created };
}

export async function deleteResponseTemplate(deps: Deps, id: string): Promise<void> {
  if (!(await deps.responseTemplates.delete(id))) throw new NotFoundError(`No response template "${id}".`);
}
