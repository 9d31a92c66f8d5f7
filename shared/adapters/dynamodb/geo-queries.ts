/**
 * Nearby candidates from the sparse geo index (gsi6): one Query per geohash cell, newest first,
 * at most `perCell` items each, reading only the projected attributes. The cost follows the
 * cells searched and the open tickets in them (capped), not the size of the table.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { GeoQueries, NearbyCandidate } from '../../app/ports.js';
import { documentClient } from './client.js';
import { fromItem, tableName } from './table.js';
import { geoPartition } from './ticket-items.js';

export const dynamoGeoQueries: GeoQueries = {
  async openInCells(cells, { category, perCell }) {
    const pages = await Promise.all(
      cells.map((cell) =>
        documentClient.send(
          new QueryCommand({
            TableName: tableName(),
            IndexName: 'gsi6',
            KeyConditionExpression: 'gsi6pk = :cell',
            ExpressionAttributeValues: { ':cell': geoPartition(cell), ...(category ? { ':category': category } : {}) },
            ...(category ? { FilterExpression: '#category = :category', ExpressionAttributeNames: { '#category': 'category' } } : {}),
            ScanIndexForward: false,
            Limit: perCell,
            ReturnConsumedCapacity: 'TOTAL',
          }),
        ),
      ),
    );
    return {
      items: pages.flatMap((p) => (p.Items ?? []).map((item) => fromItem<NearbyCandidate>(item))),
      readUnits: pages.reduce((sum, p) => sum + (p.ConsumedCapacity?.CapacityUnits ?? 0), 0),
    };
  },
};
