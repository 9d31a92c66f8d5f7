/**
 * The route table: the one list of the API's routes, read by the CDK HTTP API, the local
 * runtime, the OpenAPI generator and each handler (for its roles). Plain data, no schemas,
 * so importing it costs a handler nothing. `/dev/*` routes are not here: they exist only in
 * the local runtime and so can never be deployed.
 */
import type { Role } from '../domain/principal.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

export interface Route {
  id: string;
  method: HttpMethod;
  /** API Gateway syntax: `/v1/tickets/{id}` */
  path: string;
  /** Entry module under functions/, without extension; it exports `handler`. */
  fn: string;
  /** `public`: no token. Otherwise the roles allowed (a JWT authorizer guards the route). */
  auth: 'public' | readonly Role[];
  summary: string;
  tags: string[];
  /** A non-GET route that only reads: the stack grants it read-only table access. */
  readOnly?: boolean;
  /** The media bucket: `grant` signs upload POSTs (incoming/), `read` signs photo GETs (media/). */
  media?: 'grant' | 'read';
  /** Shows officials a ticket's personal data: appends to the access record (its only write; `ACCESS*` items). */
  recordsAccess?: boolean;
}

const citizen = ['citizen'] as const;
const admin = ['admin'] as const;
const managers = ['manager', 'admin'] as const;

export const routes = [
  { id: 'getHealth', method: 'GET', path: '/health', fn: 'http/get-health', auth: 'public', summary: 'Liveness: 200 once the API can serve', tags: ['system'] },
  { id: 'getOpenApi', method: 'GET', path: '/openapi.json', fn: 'http/get-openapi', auth: 'public', summary: 'This API as an OpenAPI 3.1 document', tags: ['system'] },
  { id: 'listCategories', method: 'GET', path: '/v1/categories', fn: 'http/list-categories', auth: 'public', summary: 'Categories with their deadline policies', tags: ['reference'] },
  { id: 'putCategory', method: 'PUT', path: '/v1/categories/{code}', fn: 'http/put-category', auth: admin, summary: 'Create or replace a category and its deadline policy', tags: ['reference'] },
  { id: 'listAreas', method: 'GET', path: '/v1/areas', fn: 'http/list-areas', auth: 'public', summary: 'Administrative units under a parent (provinces when no parent)', tags: ['reference'] },
  { id: 'getArea', method: 'GET', path: '/v1/areas/{code}', fn: 'http/get-area', auth: 'public', summary: 'One administrative unit', tags: ['reference'] },
  { id: 'listDepartments', method: 'GET', path: '/v1/departments', fn: 'http/list-departments', auth: 'public', summary: 'Units that answer tickets', tags: ['reference'] },
  { id: 'putDepartment', method: 'PUT', path: '/v1/departments/{id}', fn: 'http/put-department', auth: admin, summary: 'Create or replace a department', tags: ['reference'] },
  { id: 'listRoutingRules', method: 'GET', path: '/v1/routing-rules', fn: 'http/list-routing-rules', auth: admin, summary: 'Routing rules, filterable by category and area', tags: ['routing'] },
  { id: 'putRoutingRule', method: 'PUT', path: '/v1/routing-rules/{id}', fn: 'http/put-routing-rule', auth: admin, summary: 'Create or replace a routing rule', tags: ['routing'] },
  { id: 'deleteRoutingRule', method: 'DELETE', path: '/v1/routing-rules/{id}', fn: 'http/delete-routing-rule', auth: admin, summary: 'Delete a routing rule', tags: ['routing'] },
  { id: 'previewRouting', method: 'POST', path: '/v1/routing/preview', fn: 'http/preview-routing', auth: ['staff', 'admin'], readOnly: true, summary: 'Which department a ticket would go to', tags: ['routing'] },
  { id: 'rateTicket', method: 'POST', path: '/v1/tickets/{id}/rating', fn: 'http/rate-ticket', auth: citizen, summary: 'Rate the answer; not_satisfied reopens (twice: escalates)', tags: ['tickets'], media: 'read' },
  { id: 'getMetrics', method: 'GET', path: '/v1/metrics', fn: 'http/get-metrics', auth: managers, summary: 'Counters and rates for a scope and period', tags: ['metrics'] },
  { id: 'getMetricsRanking', method: 'GET', path: '/v1/metrics/ranking', fn: 'http/get-metrics-ranking', auth: managers, summary: 'Departments ranked by a rate, small samples apart', tags: ['metrics'] },
  { id: 'exportMetricsCsv', method: 'GET', path: '/v1/metrics/export.csv', fn: 'http/export-metrics-csv', auth: managers, summary: 'The metrics report as CSV', tags: ['metrics'] },
  { id: 'exportTicketsCsv', method: 'GET', path: '/v1/tickets/export.csv', fn: 'http/export-tickets-csv', auth: managers, summary: 'One CSV row per ticket received in a scope and period, without personal data, in parts', tags: ['metrics'], recordsAccess: true },
  { id: 'getPublicScorecards', method: 'GET', path: '/v1/public/scorecards', fn: 'http/get-public-scorecards', auth: 'public', summary: 'Per department: received, processed, on-time and satisfaction rates', tags: ['public'] },
  { id: 'listPublicTickets', method: 'GET', path: '/v1/public/tickets', fn: 'http/list-public-tickets', auth: 'public', summary: 'Processed tickets their owners left public, without personal data', tags: ['public'], media: 'read' },
  { id: 'createUpload', method: 'POST', path: '/v1/uploads', fn: 'http/create-upload', auth: ['citizen', 'staff', 'admin'], summary: 'A presigned POST for one photo (ticket: citizens; evidence: staff)', tags: ['uploads'], media: 'grant' },
  { id: 'getUpload', method: 'GET', path: '/v1/uploads/{id}', fn: 'http/get-upload', auth: ['citizen', 'staff', 'admin'], summary: 'An upload: pending, ready (with its size and thumbnail), rejected (with the reason) or attached', tags: ['uploads'], media: 'read' },
  { id: 'createTicket', method: 'POST', path: '/v1/tickets', fn: 'http/create-ticket', auth: citizen, summary: 'Submit feedback; honours Idempotency-Key', tags: ['tickets'], media: 'read' },
  { id: 'getNearbyTickets', method: 'GET', path: '/v1/tickets/nearby', fn: 'http/get-nearby-tickets', auth: 'public', summary: 'Already reported? Open tickets near a point, nearest first, without personal data', tags: ['tickets'], media: 'read' },
  { id: 'followTicket', method: 'POST', path: '/v1/tickets/{id}/follow', fn: 'http/follow-ticket', auth: citizen, summary: 'Follow a public ticket or your own ("me too"); idempotent', tags: ['tickets'] },
  { id: 'unfollowTicket', method: 'DELETE', path: '/v1/tickets/{id}/follow', fn: 'http/unfollow-ticket', auth: citizen, summary: 'Stop following a ticket; idempotent', tags: ['tickets'] },
  { id: 'getTicket', method: 'GET', path: '/v1/tickets/{id}', fn: 'http/get-ticket', auth: ['citizen', 'staff', 'manager', 'admin'], summary: 'A ticket, as the caller may see it', tags: ['tickets'], media: 'read', recordsAccess: true },
  { id: 'getMe', method: 'GET', path: '/v1/me', fn: 'http/get-me', auth: ['citizen', 'staff', 'manager', 'admin'], summary: "Who the caller is: role, department, manager scope and name, for the apps' home screens", tags: ['identity'] },
  { id: 'getTicketByRef', method: 'GET', path: '/v1/ticket-refs/{ref}', fn: 'http/get-ticket-by-ref', auth: ['citizen', 'staff', 'manager', 'admin'], summary: 'A ticket by its short reference (e.g. HN-261202-0042), as the caller may see it', tags: ['tickets'], media: 'read', recordsAccess: true },
  { id: 'listMyTickets', method: 'GET', path: '/v1/me/tickets', fn: 'http/list-my-tickets', auth: citizen, summary: "The caller's tickets, newest first", tags: ['tickets'], media: 'read' },
  { id: 'getTicketHistory', method: 'GET', path: '/v1/tickets/{id}/history', fn: 'http/get-ticket-history', auth: ['citizen', 'staff', 'manager', 'admin'], summary: "A ticket's events, oldest first; internal notes for staff, managers and admins", tags: ['tickets'], media: 'read', recordsAccess: true },
  { id: 'commentOnTicket', method: 'POST', path: '/v1/tickets/{id}/comments', fn: 'http/comment-on-ticket', auth: citizen, summary: 'The owner adds information; from needs_info the ticket goes back to in_progress', tags: ['tickets'], media: 'read' },
  { id: 'actOnTicket', method: 'POST', path: '/v1/tickets/{id}/actions', fn: 'http/act-on-ticket', auth: ['staff', 'admin'], summary: 'Acknowledge, request info, respond, transfer, reject, note, set severity or close, at an expected version', tags: ['workflow'], media: 'read', recordsAccess: true },
  { id: 'listDepartmentTickets', method: 'GET', path: '/v1/departments/{id}/tickets', fn: 'http/list-department-tickets', auth: ['staff', 'manager', 'admin'], summary: "A department's queue, soonest due first, or most followed first (sort=followers)", tags: ['workflow'], media: 'read', recordsAccess: true },
  { id: 'getHolidays', method: 'GET', path: '/v1/calendar/holidays/{year}', fn: 'http/get-holidays', auth: admin, summary: "One year's public holidays (working-hours calendar)", tags: ['reference'] },
  { id: 'putHolidays', method: 'PUT', path: '/v1/calendar/holidays/{year}', fn: 'http/put-holidays', auth: admin, summary: "Replace one year's public holidays", tags: ['reference'] },
  { id: 'listMyNotifications', method: 'GET', path: '/v1/me/notifications', fn: 'http/list-my-notifications', auth: ['citizen', 'staff', 'manager', 'admin'], summary: "The caller's in-app inbox, newest first", tags: ['notifications'] },
  { id: 'markNotificationRead', method: 'POST', path: '/v1/me/notifications/{id}/read', fn: 'http/mark-notification-read', auth: ['citizen', 'staff', 'manager', 'admin'], summary: 'Marks one of the caller’s notifications read (idempotent)', tags: ['notifications'] },
  { id: 'getMyPreferences', method: 'GET', path: '/v1/me/preferences', fn: 'http/get-my-preferences', auth: citizen, summary: "The caller's notification channels and language", tags: ['notifications'] },
  { id: 'putMyPreferences', method: 'PUT', path: '/v1/me/preferences', fn: 'http/put-my-preferences', auth: citizen, summary: "Replaces the caller's notification channels and language", tags: ['notifications'] },
  { id: 'listDepartmentNotifications', method: 'GET', path: '/v1/departments/{id}/notifications', fn: 'http/list-department-notifications', auth: ['staff', 'manager', 'admin'], summary: "A department's notifications: new work, citizens' replies, overdue, escalations", tags: ['notifications'] },
  { id: 'markDepartmentNotificationRead', method: 'POST', path: '/v1/departments/{id}/notifications/{notificationId}/read', fn: 'http/mark-department-notification-read', auth: ['staff', 'admin'], summary: "Marks one of a department's notifications read for the whole unit (its staff, or an admin)", tags: ['notifications'] },
  { id: 'listResponseTemplates', method: 'GET', path: '/v1/response-templates', fn: 'http/list-response-templates', auth: ['staff', 'manager', 'admin'], summary: 'Prepared answer, question and rejection texts (vi and en) for a category and kind of action', tags: ['workflow'] },
  { id: 'putResponseTemplate', method: 'PUT', path: '/v1/response-templates/{id}', fn: 'http/put-response-template', auth: admin, summary: 'Create or replace a response template', tags: ['workflow'] },
  { id: 'deleteResponseTemplate', method: 'DELETE', path: '/v1/response-templates/{id}', fn: 'http/delete-response-template', auth: admin, summary: 'Delete a response template', tags: ['workflow'] },
  { id: 'getPrivacyNotice', method: 'GET', path: '/v1/privacy-notice', fn: 'http/get-privacy-notice', auth: 'public', summary: 'The privacy notice in force (vi, en): its version is what POST /v1/tickets must carry as consentVersion', tags: ['privacy'] },
  { id: 'exportMyData', method: 'GET', path: '/v1/me/export', fn: 'http/export-my-data', auth: citizen, summary: 'Everything stored about the caller, as one JSON document (docs/privacy.md lists each field)', tags: ['privacy'], media: 'read' },
  { id: 'eraseMe', method: 'DELETE', path: '/v1/me', fn: 'http/erase-me', auth: citizen, summary: "Erase the caller's personal data: 202 with the erasure's id; done within minutes, records and counters kept anonymised", tags: ['privacy'] },
  { id: 'getMyErasure', method: 'GET', path: '/v1/me/erasure/{id}', fn: 'http/get-my-erasure', auth: citizen, summary: "Where the caller's erasure stands: pending or done", tags: ['privacy'] },
  { id: 'getTicketAccessLog', method: 'GET', path: '/v1/tickets/{id}/access-log', fn: 'http/get-ticket-access-log', auth: ['citizen', 'admin'], summary: "Which officials (unit and role) read a ticket's personal data, when and through which route: for its owner and admins", tags: ['privacy'] },
  // Open311 GeoReport v2. API Gateway path variables hold whole segments, so `{file}` carries
  // the resource and its format (`services.json`, `requests.xml`); the handler splits them.
  // Public at the gateway: reads need no key, and POST checks its api_key (a form field) itself.
  { id: 'open311GetResource', method: 'GET', path: '/open311/v2/{file}', fn: 'http/open311-get-resource', auth: 'public', summary: 'Open311: discovery, services or requests (GET), as .json or .xml', tags: ['open311'], media: 'read' },
  { id: 'open311PostRequest', method: 'POST', path: '/open311/v2/{file}', fn: 'http/open311-post-request', auth: 'public', summary: 'Open311: file a service request (requests.json or requests.xml, form-encoded, api_key)', tags: ['open311'] },
  { id: 'open311GetService', method: 'GET', path: '/open311/v2/services/{file}', fn: 'http/open311-get-service', auth: 'public', summary: 'Open311: a service definition (its attributes), as <code>.json or <code>.xml', tags: ['open311'] },
  { id: 'open311GetRequest', method: 'GET', path: '/open311/v2/requests/{file}', fn: 'http/open311-get-request', auth: 'public', summary: 'Open311: one service request, as <id>.json or <id>.xml', tags: ['open311'], media: 'read' },
  { id: 'open311GetToken', method: 'GET', path: '/open311/v2/tokens/{file}', fn: 'http/open311-get-token', auth: 'public', summary: 'Open311: the service request id of a token', tags: ['open311'] },
  { id: 'putOpen311Client', method: 'PUT', path: '/v1/open311-clients/{id}', fn: 'http/put-open311-client', auth: admin, summary: 'Create or replace an Open311 client; the reply carries its new api_key, shown once', tags: ['open311'] },
  { id: 'deleteOpen311Client', method: 'DELETE', path: '/v1/open311-clients/{id}', fn: 'http/delete-open311-client', auth: admin, summary: "Revoke an Open311 client's api_key", tags: ['open311'] },
  // The 2024 → 2025 area migration (functions/jobs/migrate-areas): what it left for an admin to decide.
  { id: 'listAreaMigrationFlags', method: 'GET', path: '/v1/area-migration/flags', fn: 'http/list-area-migration-flags', auth: admin, summary: 'What the area migration would not decide: split or unmapped wards, conflicting rules, retired units', tags: ['reference'] },
  { id: 'resolveAreaMigrationFlag', method: 'PUT', path: '/v1/area-migration/flags/{kind}/{id}', fn: 'http/resolve-area-migration-flag', auth: admin, summary: "Settle a split ward's ticket: the ward it goes to, one of the flag's candidates (the next migration run moves it)", tags: ['reference'] },
] as const satisfies readonly Route[];

export type RouteId = (typeof routes)[number]['id'];

export function routeById(id: RouteId): Route {
  return routes.find((r) => r.id === id)!;
}
