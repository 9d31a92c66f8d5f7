import { httpRoute, json } from '../../shared/http/route-handler.js';
import * as z from 'zod';

export const handler = httpRoute(
  'getHealth',
  { responses: { 200: { description: 'The API can serve', schema: z.object({ status: z.literal('ok') }) } } },
  async () => json(200, { status: 'ok' }),
);
