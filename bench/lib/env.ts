/**
 * The platform as the benchmarks drive it: Amazon DynamoDB Local in memory on a free port,
 * the local runtime's HTTP server in this process, and for each suite a fresh DynamoDB Local
 * and table with reference data (`useFreshTable`, called by run.ts on the suite's first `ctx.env()`).
 * Plus a realistic mix of citizens (tokens) and ticket bodies shared by the suites.
 *
 * The SDK clients of shared/ read AWS_ENDPOINT_URL_DYNAMODB etc. when their module is first
 * imported, so `configureProcessEnv()` runs before anything imports them, and the modules
 * that create clients are imported dynamically below.
 */
import { Agent, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { freePort } from '../../local/free-port.js';
import type { DevAuth } from '../../local/dev-auth.js';
import type { DynamoDbLocal } from '../../local/dynamodb-local.js';
import type { Principal } from '../../shared/domain/principal.js';
import type { NewTicketInput } from '../../shared/domain/ticket.js';

/** Picks DynamoDB Local's port and points the process's AWS settings at it. Call first. */
export async function configureProcessEnv(): Promise<{ dynamodbPort: number }> {
  const dynamodbPort = await freePort();
  process.env.AWS_ENDPOINT_URL_DYNAMODB = `http://127.0.0.1:${dynamodbPort}`;
  process.env.AWS_REGION = 'ap-southeast-1';
  process.env.AWS_ACCESS_KEY_ID = 'bench';
  process.env.AWS_SECRET_ACCESS_KEY = 'bench';
  process.env.TABLE_NAME = `bench-${Date.now()}`;
  return { dynamodbPort };
}

export interface Citizen {
  token: string;
  principal: Principal;
}

export interface HttpResult {
  status: number;
  body: string;
}

export interface BenchEnv {
  url: string;
  dynamodbEndpoint: string;
  /** The current table (process.env.TABLE_NAME): each suite gets a fresh one (see `useFreshTable`). */
  readonly tableName: string;
  auth: DevAuth;
  citizens: Citizen[];
  bodies: NewTicketInput[];
  /** One request over a keep-alive connection (a client as lean as the load tool). */
  request(method: string, path: string, opts?: { token?: string; body?: string; headers?: Record<string, string> }): Promise<HttpResult>;
  /**
   * A clean DynamoDB Local (restarted on the same port unless unused so far) with a new seeded
   * table, and the process (server, handlers, adapters) pointed at it, so a suite never sees
   * another suite's data or pays for it. Reference caches are dropped.
   */
  useFreshTable(name: string): Promise<void>;
  stop(): Promise<void>;
}

const CITIZENS = [
  { sub: 'bench-an', name: 'Nguyễn Văn An', phone: '+84901000001' },
  { sub: 'bench-binh', name: 'Trần Thị Bình', phone: '+84901000002' },
  { sub: 'bench-chi', name: 'Lê Minh Chi' },
  { sub: 'bench-dung', name: 'Phạm Quốc Dũng', phone: '+84901000004' },
  { sub: 'bench-giang', name: 'Hoàng Thu Giang' },
  { sub: 'bench-hai', name: 'Vũ Đức Hải', phone: '+84901000006' },
  { sub: 'bench-lan', name: 'Đặng Ngọc Lan' },
  { sub: 'bench-minh' },
];

const DESCRIPTIONS = [
  'Ổ gà lớn trước cửa nhà số 12, xe máy đi qua rất nguy hiểm vào buổi tối.',
  'Đèn đường cả đoạn phố tắt từ ba hôm nay, người dân đi lại khó khăn và lo mất an toàn.',
  'Rác thải tập kết ở đầu ngõ nhiều ngày không được thu gom, bốc mùi hôi thối ảnh hưởng tới cả khu dân cư. Đề nghị phường cho xe đến thu gom và nhắc nhở các hộ đổ rác không đúng giờ.',
  'Cống thoát nước bị tắc, mỗi khi mưa nước tràn lên vỉa hè và vào nhà dân.',
  'Công trình xây dựng làm việc sau 22 giờ gây ồn, đề nghị kiểm tra giấy phép và giờ thi công. '.repeat(4).trim(),
  'Lấn chiếm vỉa hè để kinh doanh, người đi bộ phải đi xuống lòng đường.',
];

const CATEGORIES = ['roads_traffic', 'lighting_power', 'environment', 'water_drainage', 'construction_land', 'urban_order', 'security_order', 'other'];

function makeBodies(wardCodes: string[]): NewTicketInput[] {
  const bodies: NewTicketInput[] = [];
  for (let i = 0; i < 24; i++) {
    const wardCode = wardCodes[(i * 7) % wardCodes.length]!;
    bodies.push({
      category: CATEGORIES[i % CATEGORIES.length]!,
      description: DESCRIPTIONS[i % DESCRIPTIONS.length]!,
      ...(i % 3 === 0 ? { title: 'Phản ánh của người dân' } : {}),
      location: {
        wardCode,
        ...(i % 2 === 0 ? { lat: 21.03 + i / 1000, lng: 105.85 - i / 1000 } : {}),
        ...(i % 4 !== 3 ? { address: `${10 + i} phố Kim Mã, Ba Đình, Hà Nội` } : {}),
      },
      ...(i % 8 === 5 ? { urgent: true } : {}),
      ...(i % 6 === 1 ? { visibility: 'public' as const } : {}),
    });
  }
  return bodies;
}

export async function startBenchEnv(opts: { dynamodbPort: number; log: (line: string) => void }): Promise<BenchEnv> {
  const { startDynamoDbLocal } = await import('../../local/dynamodb-local.js');
  const tableName = process.env.TABLE_NAME!; // until the first suite asks for a table of its own
  const started = Date.now();
  let dynamodb: DynamoDbLocal = await startDynamoDbLocal({ port: opts.dynamodbPort, timeoutMs: 60_000 });
  let used = false;
  let server: Server | undefined;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
    const { ensureTable } = await import('../../shared/adapters/dynamodb/create-table.js');
    const { seedReferenceData } = await import('../../shared/adapters/dynamodb/seed-reference.js');
    const { forgetReferenceVersions } = await import('../../shared/adapters/dynamodb/reference-version.js');
    const { dynamoReferenceStore } = await import('../../shared/adapters/dynamodb/reference-store.js');
    // The map `npm start` serves (AREA_CATALOG, 2025 by default), so the figures are the deployed shape's.
    const { catalogEdition, loadCatalog } = await import('../../local/area-catalogs.js');
    const { areas } = await loadCatalog(catalogEdition(process.env.AREA_CATALOG), ['01']);
    const wardCodes = areas.filter((a) => a.level === 'ward').map((a) => a.code);
    let current = tableName;
    // DynamoDB Local slows down as its one SQLite database fills (tables and stream records of
    // earlier suites included), so each suite after the first gets a new one on the same port:
    // figures do not depend on which suites ran before. The process's SDK clients keep working.
    const useFreshTable = async (name: string) => {
      if (used) {
        await dynamodb.stop();
        dynamodb = await startDynamoDbLocal({ port: opts.dynamodbPort, timeoutMs: 60_000 });
      }
      used = true;
      const admin = new DynamoDBClient({});
      try {
        await ensureTable(admin, name);
      } finally {
        admin.destroy();
      }
      process.env.TABLE_NAME = current = name;
      forgetReferenceVersions();
      dynamoReferenceStore.clearCache();
      await seedReferenceData({ areas, provinceCode: '01' });
    };
    const { createDevAuth } = await import('../../local/dev-auth.js');
    const { createDevRoutes } = await import('../../local/dev-routes.js');
    const { createLocalServer } = await import('../../local/server.js');
    const auth = await createDevAuth();
    server = createLocalServer({ auth, devRoutes: createDevRoutes({ auth }) });
    await new Promise<void>((ok, fail) => {
      server!.once('error', fail);
      server!.listen(0, '127.0.0.1', ok);
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    opts.log(`DynamoDB Local on ${dynamodb.endpoint} (in memory), API on ${url} (${Date.now() - started} ms); each suite gets a fresh DynamoDB Local and table with reference data (${wardCodes.length} wards)`);

    const citizens: Citizen[] = await Promise.all(
      CITIZENS.map(async (c) => ({
        token: await auth.mint({ sub: c.sub, groups: ['citizen'], ...(c.name ? { name: c.name } : {}), ...(c.phone ? { phone: c.phone } : {}) }),
        principal: { userId: c.sub, role: 'citizen' as const, ...(c.name ? { name: c.name } : {}), ...(c.phone ? { phone: c.phone } : {}) },
      })),
    );
    const { port } = server.address() as AddressInfo;
    const running = server;
    return {
      url,
      dynamodbEndpoint: dynamodb.endpoint,
      get tableName() {
        return current;
      },
      useFreshTable,
      auth,
      citizens,
      bodies: makeBodies(wardCodes),
      request: (method, path, o = {}) =>
        new Promise<HttpResult>((resolve, reject) => {
          const headers: Record<string, string | number> = { ...o.headers };
          if (o.token) headers.authorization = `Bearer ${o.token}`;
          if (o.body !== undefined) {
            headers['content-type'] = 'application/json';
            headers['content-length'] = Buffer.byteLength(o.body);
          }
          const req = httpRequest({ host: '127.0.0.1', port, method, path, headers, agent }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
            res.on('error', reject);
          });
          req.on('error', reject);
          req.end(o.body);
        }),
      async stop() {
        agent.destroy();
        running.closeAllConnections();
        await new Promise<void>((ok) => running.close(() => ok()));
        await dynamodb.stop();
      },
    };
  } catch (error) {
    agent.destroy();
    if (server?.listening) {
      server.closeAllConnections();
      server.close();
    }
    await dynamodb.stop();
    throw error;
  }
}
