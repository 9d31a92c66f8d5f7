/**
 * Seed categories: the fields iHaNoi and HCMC's 1022 use. Deadlines are working hours:
 * acknowledge within 8 and settle urgent cases within 4 (Decision 1207/QĐ-UBND, 2025);
 * normal 5 working days, complex 10. Admins change them at run time; this is the start.
 */
import type { Category, DeadlinePolicy } from '../domain/category.js';

const standard: DeadlinePolicy = { acknowledgeHours: 8, answerHours: { urgent: 4, normal: 40, complex: 80 } };
const slower: DeadlinePolicy = { acknowledgeHours: 8, answerHours: { urgent: 4, normal: 56, complex: 120 } };

function category(
  code: string,
  vi: string,
  en: string,
  opts: Partial<Pick<Category, 'defaultSeverity' | 'policy' | 'evidenceRequired'>> = {},
): Category {
  return {
    code,
    name: { vi, en },
    defaultSeverity: opts.defaultSeverity ?? 'normal',
    policy: opts.policy ?? standard,
    evidenceRequired: opts.evidenceRequired ?? false,
    active: true,
  };
}

export const seedCategories: Category[] = [
  category('urban_order', 'Trật tự đô thị', 'Urban order', { evidenceRequired: true }),
  category('roads_traffic', 'Giao thông, đường sá', 'Roads and traffic', { evidenceRequired: true }),
  category('lighting_power', 'Chiếu sáng, điện', 'Lighting and power', { evidenceRequired: true }),
  category('water_drainage', 'Cấp, thoát nước', 'Water supply and drainage', { evidenceRequired: true }),
  category('environment', 'Môi trường, vệ sinh', 'Environment and sanitation', { evidenceRequired: true }),
  category('construction_land', 'Xây dựng, đất đai', 'Construction and land', { defaultSeverity: 'complex', policy: slower }),
  category('security_order', 'An ninh, trật tự', 'Security and order', { defaultSeverity: 'urgent' }),
  category('health', 'Y tế', 'Health'),
  category('education', 'Giáo dục', 'Education'),
  category('admin_procedures', 'Thủ tục hành chính', 'Administrative procedures'),
  category('social_welfare', 'An sinh xã hội', 'Social welfare'),
  category('other', 'Khác', 'Other'),
];
