/** The metrics consumer fed the follow outbox items (its own function: one event source per function). */
export { handler } from './metrics.js';
