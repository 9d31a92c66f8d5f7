/** Response templates: one small partition, listed by id with category and kind as filters. */
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ResponseTemplateStore } from '../../app/ports.js';
import { ANY_CATEGORY } from '../../domain/category.js';
import type { ResponseTemplate } from '../../domain/response-template.js';
import { documentClient } from './client.js';
import { queryPage } from './query-page.js';
import { fromItem, tableName } from './table.js';

export const TEMPLATES_PARTITION = 'RESPONSE_TEMPLATE';
export const templateItem = (t: ResponseTemplate) => ({ pk: TEMPLATES_PARTITION, sk: t.id, entity: 'response_template', ...t });

export const dynamoResponseTemplateStore: ResponseTemplateStore = {
  async list({ category, kind, limit, cursor }) {
    const clauses = [
      ...(category ? ['#category IN (:category, :any)'] : []),
      ...(kind ? ['#kind = :kind'] : []),
    ];
    const page = await queryPage({
      partitionValue: TEMPLATES_PARTITION,
      filter: clauses.length
        ? {
            expression: clauses.join(' AND '),
            names: { ...(category ? { '#category': 'category' } : {}), ...(kind ? { '#kind': 'kind' } : {}) },
            values: { ...(category ? { ':category': category, ':any': ANY_CATEGORY } : {}), ...(kind ? { ':kind': kind } : {}) },
          }
        : undefined,
      limit,
      cursor,
    });
    return { items: page.items.map((i) => fromItem<ResponseTemplate>(i)), nextCursor: page.nextCursor };
  },

  async put(template) {
    const out = await documentClient.send(new PutCommand({ TableName: tableName(), Item: templateItem(template), ReturnValues: 'ALL_OLD' }));
    return { created: !out.Attributes };
  },

  async delete(id) {
    const out = await documentClient.send(new DeleteCommand({ TableName: tableName(), Key: { pk: TEMPLATES_PARTITION, sk: id }, ReturnValues: 'ALL_OLD' }));
    return Boolean(out.Attributes);
  },
};
