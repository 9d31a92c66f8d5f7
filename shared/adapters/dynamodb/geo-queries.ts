/**
 * Nearby candidates from the sparse geo index (gsi6v2): one Query per geohash cell, newest
 * first, at most `perCell` items each, reading only each ticket's small `nearby` entry and its
 * follower count. The cost follows the cells searched and the open tickets in them (capped), not
 * the size of the table nor the length of descriptions.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { GeoQueries, NearbyCandidate } from '../../app/ports.js';
import type { NearbyEntry } from '../../domain/nearby.js';
import { documentClient } from './client.js';
import { tableName } from './table.js';
import { geoPartition } from './ticket-items.js';

export const dynamoGeoQueries: GeoQueries = {
  async openInCells(cells, { category, perCell }) {
    const pages = await Promise.all(
      cells.map((cell) =>
        documentClient.send(
          new QueryCommand({
            TableName: tableName(),
            IndexName: 'gsi6v2',
            KeyConditionExpression: 'gsi6pk = :cell',
            ExpressionAttributeValues: { ':cell': geoPartition(cell), ...(category ? { ':category': category } : {}) },
            ...(category ? { FilterExpression: '#nearby.#category = :category', ExpressionAttributeNames: { '#nearby': 'nearby', '#category': 'category' } } : {}),
            ScanIndexForward: false,
            Limit: perCell,
            ReturnConsumedCapacity: 'TOTAL',
          }),
        ),
      ),
    );
    return {
      // A ticket written before entries existed has none until its next write or the backfill (backfill-nearby.ts).
      items: pages.flatMap((p) => (p.Items ?? []).flatMap((item): NearbyCandidate[] => (item.nearby ? [{ ...(item.nearby as NearbyEntry), followers: Number(item.followers ?? 0) }] : []))),
      readUnits: pages.reduce((sum, p) => sum + (p.ConsumedCapacity?.CapacityUnits ?? 0), 0),
    };
  },
};
