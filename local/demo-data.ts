/** A few tickets from a demo citizen, so a fresh `npm start` has something to show. Written once. */
import { submitTicket } from '../shared/app/submit-ticket.js';
import { dependencies } from '../shared/adapters/dependencies.js';
import { putIfAbsent } from '../shared/adapters/dynamodb/seed-reference.js';
import { templateItem } from '../shared/adapters/dynamodb/response-template-store.js';
import type { Area } from '../shared/domain/area.js';
import { demoResponseTemplates } from '../shared/reference/response-templates.js';
import { defaultPrivacyNotice } from '../shared/reference/privacy-notice.js';
import { dynamoPersonalDataStore } from '../shared/adapters/dynamodb/personal-data-store.js';
import type { Principal } from '../shared/domain/principal.js';

export const demoCitizen: Principal = { userId: 'demo-citizen', role: 'citizen', name: 'Nguyễn Văn An', phone: '+84912345678' };

// Ba Đình: wards of the 2024 map (Phúc Xá, Trúc Bạch, Liễu Giai) and of the 2025 map
// (Ba Đình, Ngọc Hà, Giảng Võ), whichever catalog was seeded.
export const demoWards = { '2024': ['00001', '00004', '00006'], '2025': ['00004', '00008', '00025'] } as const;

const demoTickets = (w: readonly string[]) => [
  { category: 'roads_traffic', title: 'Ổ gà trên phố Kim Mã', description: 'Ổ gà lớn trước số 120 Kim Mã, xe máy dễ ngã khi trời mưa.', location: { wardCode: w[0]!, address: '120 Kim Mã' } },
  { category: 'environment', title: 'Rác thải tồn đọng', description: 'Rác chưa được thu gom ba ngày nay ở đầu ngõ 15, bốc mùi khó chịu.', location: { wardCode: w[1]! }, visibility: 'public' as const },
  { category: 'lighting_power', description: 'Đèn đường hỏng cả đoạn phố, buổi tối rất tối và nguy hiểm.', location: { wardCode: w[2]! }, urgent: true },
];

/** Written once, in the wards of whichever catalog `areas` is (the 2025 one unless it has districts). */
export async function seedDemoData(areas: readonly Area[]): Promise<boolean> {
  const wards = demoWards[areas.some((a) => a.level === 'district') ? '2024' : '2025'];
  if (!wards.every((code) => areas.some((a) => a.code === code))) return false;
  if (!(await putIfAbsent({ pk: 'SEED', sk: 'DEMO', entity: 'seed' }))) return false;
  for (const [i, input] of demoTickets(wards).entries()) {
    await submitTicket(dependencies, demoCitizen, { ...input, consentVersion: defaultPrivacyNotice.version }, `demo-${i}`);
  }
  return true;
}

/** The demo response templates, once (their own marker, so a data directory from before them gets them too). */
export async function seedDemoTemplates(now = new Date()): Promise<boolean> {
  if (!(await putIfAbsent({ pk: 'SEED', sk: 'TEMPLATES', entity: 'seed' }))) return false;
  for (const t of demoResponseTemplates) await putIfAbsent(templateItem({ ...t, updatedAt: now.toISOString() }));
  return true;
}

/** The default privacy notice (version 2026-01), unless one (a city's own) is already published. */
export function seedPrivacyNotice(): Promise<boolean> {
  return dynamoPersonalDataStore.putPrivacyNotice(defaultPrivacyNotice, { onlyIfAbsent: true });
}
