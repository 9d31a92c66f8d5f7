/**
 * Routing rules. A slot item per (category, area) makes two rules for the same slot
 * impossible, so routing is never ambiguous; every change bumps the `rules` version in the
 * same transaction so routers reload within a second.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { RuleStore } from '../../app/ports.js';
import { ConflictError } from '../../domain/errors.js';
import { ruleSlot, type RoutingRule } from '../../domain/routing.js';
import { documentClient } from './client.js';
import { queryAll } from './query-all.js';
import { queryPage } from './query-page.js';
import { bumpVersion, forgetReferenceVersions } from './reference-version.js';
import { failedConditionIndex, transactWrite } from './transact.js';
import { fromItem, tableName } from './table.js';

const RULE_PARTITION = 'RULE';
export const ruleItem = (r: RoutingRule) => ({ pk: RULE_PARTITION, sk: r.id, entity: 'rule', ...r });
export const slotKey = (r: Pick<RoutingRule, 'category' | 'areaCode'>) => ({ pk: `RULE_SLOT#${ruleSlot(r)}`, sk: 'RULE_SLOT' });
export const slotItem = (r: RoutingRule) => ({ ...slotKey(r), entity: 'rule_slot', ruleId: r.id });

export const dynamoRuleStore: RuleStore = {
  async get(id) {
    const out = await documentClient.send(new GetCommand({ TableName: tableName(), Key: { pk: RULE_PARTITION, sk: id } }));
    return out.Item ? fromItem<RoutingRule>(out.Item) : undefined;
  },

  async all() {
    const items = await queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': RULE_PARTITION } });
    return items.map((item) => fromItem<RoutingRule>(item));
  },

  async list({ category, areaCode, ...page }) {
    const wanted = Object.entries({ category, areaCode }).filter(([, v]) => v !== undefined);
    const out = await queryPage({
      partitionValue: RULE_PARTITION,
      filter: wanted.length
        ? {
            expression: wanted.map(([k]) => `#${k} = :${k}`).join(' AND '),
            names: Object.fromEntries(wanted.map(([k]) => [`#${k}`, k])),
            values: Object.fromEntries(wanted.map(([k, v]) => [`:${k}`, v])),
          }
        : undefined,
      ...page,
    });
    return { items: out.items.map((item) => fromItem<RoutingRule>(item)), nextCursor: out.nextCursor };
  },

  async put(rule, previous) {
    const table = tableName();
    const slotMoves = previous && ruleSlot(previous) !== ruleSlot(rule);
    try {
      await transactWrite({
        TransactItems: [
          {
            Put: {
              TableName: table,
              Item: ruleItem(rule),
              // The rule must still be what we read, so the slot we release is really its own.
              ...(previous
                ? { ConditionExpression: 'category = :pc AND areaCode = :pa', ExpressionAttributeValues: { ':pc': previous.category, ':pa': previous.areaCode } }
                : { ConditionExpression: 'attribute_not_exists(pk)' }),
            },
          },
          {
            Put: {
              TableName: table,
              Item: slotItem(rule),
              ConditionExpression: 'attribute_not_exists(pk) OR ruleId = :id',
              ExpressionAttributeValues: { ':id': rule.id },
            },
          },
          ...(slotMoves ? [{ Delete: { TableName: table, Key: slotKey(previous) } }] : []),
          bumpVersion('rules'),
        ],
      });
      forgetReferenceVersions();
    } catch (error) {
      const failed = failedConditionIndex(error);
      if (failed === 0) throw new ConflictError(`Rule ${rule.id} was changed by someone else meanwhile; read it again and retry.`);
      if (failed === 1) {
        const holder = await documentClient.send(new GetCommand({ TableName: table, Key: slotKey(rule) }));
        throw new ConflictError(`Rule ${String(holder.Item?.ruleId)} already routes category "${rule.category}" in area ${rule.areaCode}.`);
      }
      throw error;
    }
  },

  async delete(rule) {
    const table = tableName();
    await transactWrite({
      TransactItems: [
        { Delete: { TableName: table, Key: { pk: RULE_PARTITION, sk: rule.id } } },
        { Delete: { TableName: table, Key: slotKey(rule), ConditionExpression: 'attribute_not_exists(pk) OR ruleId = :id', ExpressionAttributeValues: { ':id': rule.id } } },
        bumpVersion('rules'),
      ],
    });
    forgetReferenceVersions();
  },
};
