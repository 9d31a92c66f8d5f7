/** Erasure requests as the API shows them: the user id is the caller's own and stays out. */
import type { ErasureRecord } from '../app/ports.js';

export const erasureView = (r: ErasureRecord) => ({
  erasureId: r.id,
  status: r.status,
  requestedAt: r.requestedAt,
  ...(r.finishedAt ? { finishedAt: r.finishedAt } : {}),
  ...(r.steps ? { steps: r.steps } : {}),
});
