/** A few tickets from a demo citizen, so a fresh `npm start` has something to show. Written once. */
import { submitTicket } from '../shared/app/submit-ticket.js';
import { dependencies } from '../shared/adapters/dependencies.js';
import { putIfAbsent } from '../shared/adapters/dynamodb/seed-reference.js';
import type { Principal } from '../shared/domain/principal.js';

export const demoCitizen: Principal = { userId: 'demo-citizen', role: 'citizen', name: 'Nguyễn Văn An', phone: '+84912345678' };

const demoTickets = [
  { category: 'roads_traffic', title: 'Ổ gà trên phố Kim Mã', description: 'Ổ gà lớn trước số 120 Kim Mã, xe máy dễ ngã khi trời mưa.', location: { wardCode: '00001', address: '120 Kim Mã' } },
  { category: 'environment', title: 'Rác thải tồn đọng', description: 'Rác chưa được thu gom ba ngày nay ở đầu ngõ 15, bốc mùi khó chịu.', location: { wardCode: '00004' }, visibility: 'public' as const },
  { category: 'lighting_power', description: 'Đèn đường hỏng cả đoạn phố, buổi tối rất tối và nguy hiểm.', location: { wardCode: '00006' }, urgent: true },
];

export async function seedDemoData(): Promise<boolean> {
  if (!(await putIfAbsent({ pk: 'SEED', sk: 'DEMO', entity: 'seed' }))) return false;
  for (const [i, input] of demoTickets.entries()) await submitTicket(dependencies, demoCitizen, input, `demo-${i}`);
  return true;
}
