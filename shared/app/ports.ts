/**
 * What the use cases need from the outside world; adapters implement these. One file per
 * family of ports; this one wires them into `Dependencies` and re-exports them all.
 */
import type { Clock, IdGenerator } from './core-ports.js';
import type { TicketStore, TicketQueries, GeoQueries, FollowerStore } from './ticket-ports.js';
import type { ReferenceStore, AreaStore, RuleStore, DepartmentDirectory, Router, ResponseTemplateStore } from './reference-ports.js';
import type { MetricReader } from './metric-ports.js';
import type { UploadStore, MediaStore } from './upload-ports.js';
import type { NotificationStore } from './notification-ports.js';
import type { PersonalDataStore } from './personal-data-ports.js';

export * from './core-ports.js';
export * from './ticket-ports.js';
export * from './reference-ports.js';
export * from './metric-ports.js';
export * from './upload-ports.js';
export * from './notification-ports.js';

export interface Dependencies {
  clock: Clock;
  ids: IdGenerator;
  tickets: TicketStore;
  reference: ReferenceStore;
  departments: DepartmentDirectory;
  router: Router;
  areas: AreaStore;
  rules: RuleStore;
  ticketQueries: TicketQueries;
  metrics: MetricReader;
  notifications: NotificationStore;
  followers: FollowerStore;
  geo: GeoQueries;
  responseTemplates: ResponseTemplateStore;
  uploads: UploadStore;
  media: MediaStore;
  personalData: PersonalDataStore;
}
