/**
 * Admin edits of the reference data routing depends on. Each reference to another object
 * (category, area, department, parent) is checked, and a bad one is a 400 naming its field.
 */
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../domain/errors.js';
import type { Category } from '../domain/category.js';
import type { Department } from '../domain/department.js';
import { ANY_CATEGORY } from '../domain/category.js';
import type { RoutingDecision, RoutingRule } from '../domain/routing.js';
import type { Dependencies } from './ports.js';

type Deps = Pick<Dependencies, 'reference' | 'areas' | 'departments' | 'rules' | 'router'>;

/** Throws a 400 naming each unknown reference; returns when there is none. */
function refuseUnknown(errors: FieldError[]): void {
  if (errors.length) throw new ValidationError('The request names objects that do not exist.', errors);
}

export async function putRoutingRule(deps: Deps, id: string, input: Omit<RoutingRule, 'id'>): Promise<{ rule: RoutingRule; created: boolean }> {
  const [category, area, department, previous] = await Promise.all([
    input.category === ANY_CATEGORY ? Promise.resolve(true) : deps.reference.category(input.category),
    deps.areas.get(input.areaCode),
    deps.departments.get(input.departmentId),
    deps.rules.get(id),
  ]);
  refuseUnknown([
    ...(category ? [] : [{ path: 'body.category', message: `unknown category "${input.category}"` }]),
    ...(area ? [] : [{ path: 'body.areaCode', message: `unknown area "${input.areaCode}"` }]),
    ...(department ? [] : [{ path: 'body.departmentId', message: `unknown department "${input.departmentId}"` }]),
  ]);
  const rule = { id, ...input };
  await deps.rules.put(rule, previous);
  return { rule, created: !previous };
}

export async function deleteRoutingRule(deps: Deps, id: string): Promise<void> {
  const rule = await deps.rules.get(id);
  if (!rule) throw new NotFoundError(`No routing rule ${id}.`);
  await deps.rules.delete(rule);
}

export async function previewRouting(deps: Deps, category: string, wardCode: string): Promise<RoutingDecision> {
  const [known, routing] = await Promise.all([deps.reference.category(category), deps.router.route(category, wardCode)]);
  refuseUnknown([
    ...(known ? [] : [{ path: 'body.category', message: `unknown category "${category}"` }]),
    ...(routing ? [] : [{ path: 'body.wardCode', message: `unknown ward "${wardCode}"` }]),
  ]);
  return { departmentId: routing!.departmentId, ruleId: routing!.ruleId };
}

const MAX_PARENT_DEPTH = 10;

export async function putDepartment(deps: Deps, id: string, input: Omit<Department, 'id' | 'districtCode'>): Promise<{ department: Department; created: boolean }> {
  const [area, previous, parent] = await Promise.all([
    deps.areas.get(input.areaCode),
    deps.departments.get(id),
    input.parentId ? deps.departments.get(input.parentId) : Promise.resolve(undefined),
  ]);
  refuseUnknown([
    ...(area ? [] : [{ path: 'body.areaCode', message: `unknown area "${input.areaCode}"` }]),
    ...(!input.parentId || parent ? [] : [{ path: 'body.parentId', message: `unknown department "${input.parentId}"` }]),
  ]);
  // Escalation climbs parents: a cycle would escalate forever.
  for (let at = parent, depth = 0; at; at = at.parentId ? await deps.departments.get(at.parentId) : undefined, depth++) {
    if (at.id === id || depth > MAX_PARENT_DEPTH) throw new ConflictError(`Making ${input.parentId} the parent of ${id} would create a cycle of escalation.`);
  }
  const department: Department = { id, ...input, ...(area?.districtCode ? { districtCode: area.districtCode } : {}) };
  await deps.departments.put(department);
  return { department, created: !previous };
}

export async function putCategory(deps: Deps, code: string, input: Omit<Category, 'code'>): Promise<{ category: Category; created: boolean }> {
  const previous = await deps.reference.category(code);
  const category: Category = { code, ...input };
  await deps.reference.putCategory(category);
  return { category, created: !previous };
}
