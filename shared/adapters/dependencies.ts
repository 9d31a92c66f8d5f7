/** The production wiring of the use cases' ports, built once per Lambda instance. */
import { monotonicFactory } from 'ulid';
import type { Dependencies } from '../app/ports.js';
import { dynamoAreaStore } from './dynamodb/area-store.js';
import { cachedDepartmentDirectory, dynamoDepartmentDirectory } from './dynamodb/department-directory.js';
import { dynamoNotificationStore } from './dynamodb/notification-store.js';
import { dynamoMetricReader } from './dynamodb/metric-store.js';
import { dynamoReferenceStore } from './dynamodb/reference-store.js';
import { dynamoResponseTemplateStore } from './dynamodb/response-template-store.js';
import { dynamoRouter } from './dynamodb/router.js';
import { dynamoRuleStore } from './dynamodb/routing-rule-store.js';
import { dynamoTicketStore } from './dynamodb/ticket-store.js';
import { dynamoTicketQueries } from './dynamodb/ticket-queries.js';
import { dynamoUploadStore } from './dynamodb/upload-store.js';
import { s3MediaStore } from './s3/media-store.js';
import { dynamoFollowerStore } from './dynamodb/follower-store.js';
import { dynamoGeoQueries } from './dynamodb/geo-queries.js';
import { dynamoPersonalDataStore } from './dynamodb/personal-data-store.js';

const ulid = monotonicFactory();

export const dependencies: Dependencies = {
  clock: { now: () => new Date() },
  ids: { next: () => ulid() },
  tickets: dynamoTicketStore,
  reference: dynamoReferenceStore,
  departments: { ...dynamoDepartmentDirectory, get: cachedDepartmentDirectory.get },
  router: dynamoRouter,
  areas: dynamoAreaStore,
  rules: dynamoRuleStore,
  ticketQueries: dynamoTicketQueries,
  metrics: dynamoMetricReader,
  notifications: dynamoNotificationStore,
  uploads: dynamoUploadStore,
  media: s3MediaStore,
  followers: dynamoFollowerStore,
  geo: dynamoGeoQueries,
  responseTemplates: dynamoResponseTemplateStore,
  personalData: dynamoPersonalDataStore,
};
