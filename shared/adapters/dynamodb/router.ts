/** Placeholder routing until the routing rules land: everything goes to the triage desk. */
import type { Router } from '../../app/ports.js';

export const TRIAGE_DEPARTMENT_ID = 'triage';

export const dynamoRouter: Router = {
  async route() {
    return { departmentId: TRIAGE_DEPARTMENT_ID, ruleId: null };
  },
};
