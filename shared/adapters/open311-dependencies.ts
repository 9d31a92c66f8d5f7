/** The production wiring of the Open311 use cases: the platform's ports plus clients, rate limits and windowed reads. */
import type { Open311Dependencies } from '../app/open311-ports.js';
import { dependencies } from './dependencies.js';
import { dynamoOpen311ClientStore, dynamoOpen311TicketQueries, dynamoRateLimiter } from './dynamodb/open311-store.js';

export const open311Dependencies: Open311Dependencies = {
  ...dependencies,
  open311Clients: dynamoOpen311ClientStore,
  rateLimiter: dynamoRateLimiter,
  open311Tickets: dynamoOpen311TicketQueries,
};
