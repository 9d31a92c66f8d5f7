/**
 * The single table, built from the shared table definition (keys, GSIs, stream, TTL): on-demand,
 * point-in-time recovery, deletion protection, retained if the stack is deleted.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { projectedAttributes, tableDefinition, type IndexName } from '../../shared/adapters/dynamodb/table.js';

const streamViews: Record<typeof tableDefinition.stream, StreamViewType> = {
  NEW_AND_OLD_IMAGES: StreamViewType.NEW_AND_OLD_IMAGES,
};

export class Data extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const string = (name: string) => ({ name, type: AttributeType.STRING });

    this.table = new Table(this, 'Table', {
      partitionKey: string(tableDefinition.partitionKey),
      sortKey: string(tableDefinition.sortKey),
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      // Encrypted at rest with an AWS-owned key (no KMS request charges on every read and write).
      encryption: TableEncryption.DEFAULT,
      stream: streamViews[tableDefinition.stream],
      timeToLiveAttribute: tableDefinition.ttlAttribute,
    });
    for (const [indexName, index] of Object.entries(tableDefinition.indexes)) {
      const projected = projectedAttributes(indexName as IndexName);
      this.table.addGlobalSecondaryIndex({
        indexName,
        partitionKey: string(index.partitionKey),
        sortKey: string(index.sortKey),
        ...(projected ? { projectionType: ProjectionType.INCLUDE, nonKeyAttributes: [...projected] } : { projectionType: ProjectionType.ALL }),
      });
    }
  }
}
