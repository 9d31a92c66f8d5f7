/** Routing inside ticket creation: the ward from the area cache, the rule index per rules version. */
import type { Router } from '../../app/ports.js';
import { buildRuleIndex, codesFromWard, decideRoute } from '../../domain/routing.js';
import { dynamoAreaStore } from './area-store.js';
import { versionedCache } from './reference-version.js';
import { dynamoRuleStore } from './routing-rule-store.js';

const ruleIndex = versionedCache('rules', async () => buildRuleIndex(await dynamoRuleStore.all()));

export const dynamoRouter: Router = {
  async route(category, wardCode) {
    const [ward, index] = await Promise.all([dynamoAreaStore.get(wardCode), ruleIndex()]);
    if (ward?.level !== 'ward') return undefined;
    return {
      ...decideRoute(index, category, codesFromWard(ward)),
      provinceCode: ward.provinceCode,
      ...(ward.districtCode ? { districtCode: ward.districtCode } : {}),
    };
  },
};
