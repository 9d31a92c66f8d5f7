/** Ticket events → in-app inbox items and SNS messages (SMS, e-mail, push, department alerts). */
import { cachedDepartmentDirectory } from '../../shared/adapters/dynamodb/department-directory.js';
import { dynamoFollowerStore } from '../../shared/adapters/dynamodb/follower-store.js';
import { dynamoNotificationStore } from '../../shared/adapters/dynamodb/notification-store.js';
import { dynamoPersonalDataStore } from '../../shared/adapters/dynamodb/personal-data-store.js';
import { publisherFromEnv } from '../../shared/adapters/sns/publisher.js';
import { notificationsConsumer } from '../../shared/adapters/streams/notifications-consumer.js';

export const handler = notificationsConsumer({
  notifications: dynamoNotificationStore,
  departments: cachedDepartmentDirectory,
  publisher: publisherFromEnv(),
  followers: dynamoFollowerStore,
  erasures: dynamoPersonalDataStore,
  clock: { now: () => new Date() },
  publishAttempts: Number(process.env.NOTIFY_PUBLISH_ATTEMPTS ?? 3),
});
