/**
 * The whole platform on one machine: DynamoDB Local (unless an endpoint is configured, e.g.
 * LocalStack), the table, reference and demo data, and the API server.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { scheduledJobs, streamConsumers, uploadProcessor } from '../shared/background.js';
import { catalogEdition, loadCatalog, provinceList, type CatalogEdition } from './area-catalogs.js';
import { createDevAuth } from './dev-auth.js';
import { createDevRoutes } from './dev-routes.js';
import { startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local.js';
import type { StreamPoller } from './stream-poller.js';
import { startScheduler, type Scheduler } from './scheduler.js';
import type { LocalS3 } from './s3-local.js';
import { startProcessingS3 } from './upload-processing.js';

export interface RuntimeSettings {
  port: number;
  dynamodbPort: number;
  /** The local S3 server's port (presigned POST and GET URLs point here). */
  s3Port: number;
  mediaBucket: string;
  dataDir: string;
  inMemory: boolean;
  tableName: string;
  seedDemo: boolean;
  /** GSO province codes to load (or `all`); each gets departments and default routing rules, the first keeps the short ids. */
  provinces: string[];
  /** Which map: `2025` (two levels, the default) or `2024` (three levels). */
  catalog: CatalogEdition;
  /** On stop, how long requests in flight may take to finish before their connections are cut. */
  drainMs?: number;
  /** How long DynamoDB Local may take to answer at start (a loaded machine needs more than the default). */
  dynamodbStartMs?: number;
}

const DRAIN_MS = 5_000;

export function settingsFromEnv(env = process.env): RuntimeSettings {
  return {
    port: Number(env.PORT ?? 3000),
    dynamodbPort: Number(env.DYNAMODB_PORT ?? 8000),
    s3Port: Number(env.S3_PORT ?? 4568),
    mediaBucket: env.MEDIA_BUCKET ?? 'civic-feedback-media',
    dataDir: resolve(env.DATA_DIR ?? '.data'),
    inMemory: env.IN_MEMORY === '1',
    tableName: env.TABLE_NAME ?? 'civic-feedback',
    seedDemo: env.SEED_DEMO !== '0',
    provinces: (env.PROVINCES ?? '01').split(',').map((p) => p.trim()).filter(Boolean),
    catalog: catalogEdition(env.AREA_CATALOG),
    drainMs: Number(env.SHUTDOWN_DRAIN_MS ?? DRAIN_MS),
    ...(env.DYNAMODB_START_TIMEOUT_MS ? { dynamodbStartMs: Number(env.DYNAMODB_START_TIMEOUT_MS) } : {}),
  };
}

export interface Runtime {
  url: string;
  dynamodbEndpoint: string;
  s3Endpoint: string;
  stop(): Promise<void>;
}

export async function startRuntime(settings: RuntimeSettings, log: (line: string) => void = console.log): Promise<Runtime> {
  let dynamodb: DynamoDbLocal | undefined;
  let endpoint = process.env.AWS_ENDPOINT_URL_DYNAMODB;
  if (!endpoint) {
    dynamodb = await startDynamoDbLocal({ port: settings.dynamodbPort, dataDir: settings.inMemory ? undefined : settings.dataDir, timeoutMs: settings.dynamodbStartMs });
    endpoint = dynamodb.endpoint;
    log(`DynamoDB Local on ${endpoint} (${settings.inMemory ? 'in memory' : `data in ${settings.dataDir}`})`);
  } else {
    log(`Using the DynamoDB endpoint ${endpoint}`);
  }
  // The handlers' SDK clients read these when first imported, which happens below.
  process.env.AWS_ENDPOINT_URL_DYNAMODB = endpoint;
  process.env.AWS_REGION ??= 'ap-southeast-1';
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  process.env.TABLE_NAME = settings.tableName;
  process.env.MEDIA_BUCKET = settings.mediaBucket;
  // EMF metric lines are for CloudWatch; locally the SLA sweep's every-minute line only clutters the console.
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';

  let server: Server | undefined;
  let poller: StreamPoller | undefined;
  let scheduler: Scheduler | undefined;
  let closeGracefully: typeof import('./server.js').closeGracefully;
  let s3: LocalS3 | undefined;
  try {
    if (!process.env.AWS_ENDPOINT_URL_S3) {
      s3 = await startProcessingS3({ port: settings.s3Port, bucket: settings.mediaBucket, dataDir: settings.inMemory ? undefined : settings.dataDir });
      process.env.AWS_ENDPOINT_URL_S3 = s3.endpoint;
      log(`Local S3 on ${s3.endpoint} (bucket ${settings.mediaBucket}; POST policies checked; ${uploadProcessor.keyPrefix} processed on arrival)`);
    } else {
      log(`Using the S3 endpoint ${process.env.AWS_ENDPOINT_URL_S3} (bucket ${settings.mediaBucket}; its notifications must reach functions/${uploadProcessor.fn})`);
    }
    const { ensureTable } = await import('../shared/adapters/dynamodb/create-table.js');
    const { seedReferenceData } = await import('../shared/adapters/dynamodb/seed-reference.js');
    const admin = new DynamoDBClient({ endpoint });
    if (await ensureTable(admin, settings.tableName)) log(`Created table ${settings.tableName}`);
    admin.destroy();
    const provinces = await provinceList(settings.provinces.join(','), settings.catalog);
    const { areas, mappings } = await loadCatalog(settings.catalog, provinces);
    const { seeded } = await seedReferenceData({ areas, provinceCode: provinces, mappings });
    const listed = provinces.length > 5 ? `${provinces.length} provinces` : `province(s) ${provinces.join(', ')}`;
    log(seeded ? `Reference data seeded: ${areas.length} areas of ${listed} (${settings.catalog} catalog)` : 'Reference data up to date');
    if (settings.seedDemo) {
      // The demo publishes a privacy notice, so submissions carry consentVersion as on a real deployment.
      const { seedPrivacyNotice, seedDemoData, seedDemoTemplates } = await import('./demo-data.js');
      if (await seedPrivacyNotice()) log('Privacy notice 2026-01 published');
      if (await seedDemoData(areas)) log('Demo data written');
      if (await seedDemoTemplates()) log('Demo response templates written');
    }
    const { backfillTicketRefs } = await import('../shared/adapters/dynamodb/backfill-refs.js');
    const refs = await backfillTicketRefs();
    if (refs.assigned) log(`References given to ${refs.assigned} ticket(s) written before references existed`);
    const { backfillNearbyEntries } = await import('../shared/adapters/dynamodb/backfill-nearby.js');
    const entries = await backfillNearbyEntries();
    if (entries.written) log(`Nearby entries written for ${entries.written} open ticket(s) indexed before entries existed`);

    const auth = await createDevAuth(resolve(settings.dataDir, 'dev-signing-key.json'));
    const { ensureLocalTopics } = await import('../shared/adapters/sns/publisher.js');
    const notifications = await ensureLocalTopics();
    log(notifications === 'sns' ? `Notifications publish to SNS (${process.env.CITIZEN_TOPIC_ARN}, ${process.env.DEPARTMENT_TOPIC_ARN})` : 'Notifications go to the local outbox: GET /dev/outbox');
    const { startStreamPoller } = await import('./stream-poller.js');
    poller = await startStreamPoller({ tableName: settings.tableName, consumers: streamConsumers });
    // The SLA sweep runs every minute locally (every 15 on AWS) so deadlines show up while you work.
    scheduler = startScheduler({ jobs: scheduledJobs, intervalMs: { slaSweep: Number(process.env.SLA_SWEEP_INTERVAL_MS ?? 60_000) }, log });
    ({ closeGracefully } = await import('./server.js'));
    const { createLocalServer } = await import('./server.js');
    server = createLocalServer({ auth, devRoutes: createDevRoutes({ auth }) });
    await new Promise<void>((ok, fail) => {
      server!.once('error', fail);
      server!.listen(settings.port, '127.0.0.1', ok);
    });
  } catch (error) {
    await scheduler?.stop();
    await poller?.stop();
    await s3?.stop();
    await dynamodb?.stop();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    dynamodbEndpoint: endpoint,
    s3Endpoint: process.env.AWS_ENDPOINT_URL_S3!,
    async stop() {
      // Drain first: stop accepting, let requests in flight finish (bounded), and only then take
      // away what they write to and what reacts to their writes.
      await closeGracefully(server, settings.drainMs ?? DRAIN_MS);
      await scheduler!.stop();
      await poller!.stop();
      await s3?.stop();
      await dynamodb?.stop();
    },
  };
}

