/** Reference data admins keep and routing reads: categories and calendar, areas, rules, departments, response templates. */
import type { Area } from '../domain/area.js';
import type { Category } from '../domain/category.js';
import type { Department } from '../domain/department.js';
import type { ResponseTemplate } from '../domain/response-template.js';
import type { RoutingRule } from '../domain/routing.js';
import type { Routing } from '../domain/ticket.js';
import type { WorkCalendar } from '../domain/working-hours.js';
import type { Page, PageRequest } from './core-ports.js';

export interface ReferenceStore {
  categories(): Promise<Category[]>;
  category(code: string): Promise<Category | undefined>;
  putCategory(category: Category): Promise<void>;
  calendar(): Promise<WorkCalendar>;
  /** The public holidays of one year (`YYYY-MM-DD`, sorted), undefined when none were ever set. */
  holidays(year: number): Promise<string[] | undefined>;
  /** Replaces one year's holidays; `calendar()` reflects it within seconds. */
  putHolidays(year: number, dates: string[]): Promise<void>;
}

export interface AreaStore {
  get(code: string): Promise<Area | undefined>;
  children(parentCode: string, page: PageRequest): Promise<Page<Area>>;
}

export interface RuleStore {
  get(id: string): Promise<RoutingRule | undefined>;
  /** The whole rule set, for the router's index. */
  all(): Promise<RoutingRule[]>;
  list(query: PageRequest & { category?: string; areaCode?: string }): Promise<Page<RoutingRule>>;
  /** Create, or replace `previous`; throws ConflictError when another rule holds the same (category, area). */
  put(rule: RoutingRule, previous?: RoutingRule): Promise<void>;
  delete(rule: RoutingRule): Promise<void>;
}

export interface DepartmentDirectory {
  get(id: string): Promise<Department | undefined>;
  list(page: PageRequest): Promise<Page<Department>>;
  put(department: Department): Promise<void>;
}

export interface Router {
  /** The department responsible for (category, ward); undefined when the ward is unknown. */
  route(category: string, wardCode: string): Promise<Routing | undefined>;
}

export interface ResponseTemplateStore {
  /** By id; `category` matches its own templates and the `*` ones. */
  list(query: PageRequest & { category?: string; kind?: string }): Promise<Page<ResponseTemplate>>;
  /** Creates or replaces; `created` when there was none. */
  put(template: ResponseTemplate): Promise<{ created: boolean }>;
  /** false when there was nothing to delete. */
  delete(id: string): Promise<boolean>;
}
