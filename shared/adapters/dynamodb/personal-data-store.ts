/**
 * Personal-data items of the single table: the privacy notice in force (a settings item,
 * cached like reference data since every submission reads it).
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { PersonalDataStore } from '../../app/personal-data-ports.js';
import type { PrivacyNotice } from '../../domain/privacy-notice.js';
import { documentClient } from './client.js';
import { bumpVersion, forgetReferenceVersions, versionedCache } from './reference-version.js';
import { fromItem, tableName } from './table.js';
import { failedConditionIndex, transactWrite } from './ticket-store.js';

export const PRIVACY_NOTICE_KEY = { pk: 'SETTINGS', sk: 'PRIVACY_NOTICE' } as const;

const notice = versionedCache('privacyNotice', async () => {
  const out = await documentClient.send(new GetCommand({ TableName: tableName(), Key: PRIVACY_NOTICE_KEY }));
  return out.Item ? fromItem<PrivacyNotice>(out.Item) : undefined;
});

export const dynamoPersonalDataStore: PersonalDataStore & { clearCache(): void } = {
  privacyNotice: () => notice(),
  async putPrivacyNotice(value, { onlyIfAbsent = false } = {}) {
    const { version, text, publishedAt } = value;
    try {
      await transactWrite({
        TransactItems: [
          {
            Put: {
              TableName: tableName(),
              Item: { ...PRIVACY_NOTICE_KEY, entity: 'privacyNotice', version, text, publishedAt },
              ...(onlyIfAbsent ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}),
            },
          },
          bumpVersion('privacyNotice'),
        ],
      });
    } catch (error) {
      if (onlyIfAbsent && failedConditionIndex(error) === 0) return false;
      throw error;
    }
    forgetReferenceVersions();
    return true;
  },
  clearCache: () => notice.clear(),
};

