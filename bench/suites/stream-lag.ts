/**
 * Stream lag in the local runtime: from a ticket's write (its `created` event's time) to the
 * moment the metrics consumer has counted it, with the poller feeding the consumer as Lambda's
 * event source mapping would.
 */
import type { DynamoDBRecord } from 'aws-lambda';
import { round, summary } from '../lib/stats.js';
import { envNumber, type Suite } from '../lib/types.js';

const suite: Suite = {
  order: 50,
  description: 'stream lag from a ticket write to its counters (metrics consumer, local poller)',
  async run(ctx) {
    const env = await ctx.env();
    const tickets = envNumber('BENCH_STREAM_TICKETS', 500);
    const concurrency = envNumber('BENCH_STREAM_CONCURRENCY', 4);
    const { startStreamPoller } = await import('../../local/stream-poller.js');
    const { streamConsumers } = await import('../../shared/background.js');
    const { loadFunction } = await import('../../local/handlers.js');
    const { tableName } = await import('../../shared/adapters/dynamodb/table.js');
    const consumer = streamConsumers.find((c) => c.id === 'metrics')!;
    const real = (await loadFunction(consumer.fn)).handler;

    const lags: number[] = [];
    const poller = await startStreamPoller({
      tableName: tableName(),
      consumers: [consumer],
      handlerFor: async () => async (event, context) => {
        const response = await real(event, context);
        const done = Date.now();
        for (const r of event.Records as DynamoDBRecord[]) {
          const at = r.dynamodb?.NewImage?.at?.S;
          if (r.dynamodb?.NewImage?.type?.S === 'created' && at) lags.push(done - Date.parse(at));
        }
        return response;
      },
    });
    try {
      await poller.drain(60_000);
      lags.length = 0;
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < tickets) {
            const i = next++;
            const res = await env.request('POST', '/v1/tickets', { token: env.citizens[i % env.citizens.length]!.token, body: JSON.stringify(env.bodies[i % env.bodies.length]) });
            if (res.status !== 201) throw new Error(`POST /v1/tickets: ${res.status}`);
          }
        }),
      );
      const writeSeconds = (performance.now() - started) / 1000;
      await poller.drain(120_000);
      if (lags.length < tickets) throw new Error(`only ${lags.length} of ${tickets} tickets were counted`);
      const s = summary(lags);
      return {
        rows: [
          { suite: 'stream-lag', metric: 'write → counted, p50', value: round(s.p50, 0), unit: 'ms', goal: '≈ 1 s', note: `${tickets} tickets at ${round(tickets / writeSeconds, 0)}/s` },
          { suite: 'stream-lag', metric: 'write → counted, p99', value: round(s.p99, 0), unit: 'ms' },
        ],
        details: { tickets, concurrency, ...s, deadLetters: poller.deadLetters.length },
      };
    } finally {
      await poller.stop();
    }
  },
};

export default suite;
