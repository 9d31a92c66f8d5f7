/**
 * Routing decisions per second for a city-sized rule set: Hanoi's ~620 departments, the default
 * rules plus per-ward rules for more categories (2,000+ rules in all). The pure decision (index
 * lookups) and the warm adapter path intake uses (area cache + rule index per version).
 */
import { envNumber, type Suite } from '../lib/types.js';
import { round } from '../lib/stats.js';

const suite: Suite = {
  order: 15,
  description: 'routing decisions per second with 600+ departments and 2,000+ rules',
  async run(ctx) {
    const env = await ctx.env();
    const iterations = envNumber('BENCH_ROUTING_ITERATIONS', 200_000);
    const { loadAreas } = await import('../../local/hanhchinhvn.js');
    const { seedDepartments } = await import('../../shared/reference/departments.js');
    const { seedRoutingRules } = await import('../../shared/reference/routing-rules.js');
    const { buildRuleIndex, codesFromWard, decideRoute } = await import('../../shared/domain/routing.js');
    const { dynamoRuleStore } = await import('../../shared/adapters/dynamodb/routing-rule-store.js');
    const { dynamoRouter } = await import('../../shared/adapters/dynamodb/router.js');
    const { inParallel } = await import('../../shared/adapters/dynamodb/area-store.js');

    const areas = loadAreas(['01']);
    const wards = areas.filter((a) => a.level === 'ward');
    const departments = seedDepartments(areas, '01');
    // More ward-level rules, as a city that routes health and education to wards would have.
    const extra = wards.flatMap((w) => ['health', 'education'].map((category) => ({ id: `bench-${category}-${w.code}`, category, areaCode: w.code, departmentId: `ward-${w.code}` })));
    const rules = [...seedRoutingRules(areas, '01'), ...extra];
    await inParallel(extra, 16, (rule) => dynamoRuleStore.put(rule));
    ctx.log(`routing: ${departments.length} departments, ${rules.length} rules`);

    const categories = ['urban_order', 'environment', 'roads_traffic', 'construction_land', 'health', 'education', 'security_order', 'other'];
    const pairs = Array.from({ length: 4096 }, (_, i) => ({ category: categories[i % categories.length]!, ward: wards[(i * 31) % wards.length]! }));

    const index = buildRuleIndex(rules);
    let sink = 0;
    let t0 = performance.now();
    for (let i = 0; i < iterations; i++) {
      const p = pairs[i & 4095]!;
      sink += decideRoute(index, p.category, codesFromWard(p.ward)).departmentId.length;
    }
    const pureMs = performance.now() - t0;

    // Warm the adapter's caches, then time it (intake's path: area cache + rule index).
    for (const p of pairs) await dynamoRouter.route(p.category, p.ward.code);
    const adapterIterations = Math.min(iterations, 100_000);
    t0 = performance.now();
    for (let i = 0; i < adapterIterations; i++) {
      const p = pairs[i & 4095]!;
      sink += (await dynamoRouter.route(p.category, p.ward.code))!.departmentId.length;
    }
    const adapterMs = performance.now() - t0;
    if (sink === 0) throw new Error('no decisions');
    void env;

    return {
      rows: [
        { suite: 'routing', metric: 'decisions/s (pure domain)', value: round((iterations / pureMs) * 1000, 0), unit: '/s', note: `${rules.length} rules, ${departments.length} departments` },
        { suite: 'routing', metric: 'decisions/s (warm adapter, as in intake)', value: round((adapterIterations / adapterMs) * 1000, 0), unit: '/s', note: 'version item read ≤ 1/s' },
      ],
      details: { rules: rules.length, departments: departments.length, iterations, adapterIterations },
    };
  },
};

export default suite;
