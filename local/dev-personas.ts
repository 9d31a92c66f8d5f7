/**
 * The people of the demo, one per role the console and the citizen app serve, each with the
 * claims `POST /dev/token` needs. Built from the demo data: the ward staff member works for the
 * ward of the demo's public rubbish report (routed to that ward), so signing in shows work.
 */
import { dynamoDepartmentDirectory } from '../shared/adapters/dynamodb/department-directory.js';
import { areaUnitId } from '../shared/domain/department.js';
import type { LocalizedText } from '../shared/domain/localized-text.js';
import type { DevTokenRequest } from './dev-auth.js';
import { demoCitizen, demoWards } from './demo-data.js';

export interface DevPersona {
  id: string;
  label: LocalizedText;
  claims: DevTokenRequest;
}

export async function demoPersonas(): Promise<DevPersona[]> {
  // The three-level (2024) catalog has districts; the 2025 one has wards under the province only.
  const district = await dynamoDepartmentDirectory.get('district-001');
  const wards = demoWards[district ? '2024' : '2025'];
  const ward = await dynamoDepartmentDirectory.get(areaUnitId('ward', wards[1]!));
  const personas: DevPersona[] = [
    { id: 'citizen', label: { vi: 'Người dân', en: 'Citizen' }, claims: { sub: demoCitizen.userId, groups: ['citizen'], name: demoCitizen.name, ...(demoCitizen.phone ? { phone: demoCitizen.phone } : {}) } },
  ];
  if (ward) {
    personas.push({ id: 'ward-staff', label: { vi: `Cán bộ ${ward.name.vi}`, en: `Staff, ${ward.name.en}` }, claims: { sub: 'demo-ward-staff', groups: ['staff'], departmentId: ward.id, name: 'Trần Thị Bình' } });
  }
  if (district) {
    personas.push({ id: 'district-staff', label: { vi: `Cán bộ ${district.name.vi}`, en: `Staff, ${district.name.en}` }, claims: { sub: 'demo-district-staff', groups: ['staff'], departmentId: district.id, name: 'Lê Văn Cường' } });
  }
  personas.push({ id: 'city-staff', label: { vi: 'Cán bộ Sở Giao thông Vận tải', en: 'Staff, Department of Transport' }, claims: { sub: 'demo-city-staff', groups: ['staff'], departmentId: 'city-transport', name: 'Phạm Thị Dung' } });
  if (district) {
    personas.push({ id: 'district-manager', label: { vi: `Lãnh đạo ${district.name.vi}`, en: `Manager, ${district.name.en}` }, claims: { sub: 'demo-district-manager', groups: ['manager'], scope: 'district-001', name: 'Hoàng Văn Em' } });
  }
  personas.push(
    { id: 'city-manager', label: { vi: 'Lãnh đạo UBND Thành phố', en: 'City manager' }, claims: { sub: 'demo-city-manager', groups: ['manager'], scope: 'city', name: 'Vũ Thị Giang' } },
    { id: 'admin', label: { vi: 'Quản trị hệ thống', en: 'Administrator' }, claims: { sub: 'demo-admin', groups: ['admin'], name: 'Đỗ Văn Hùng' } },
  );
  return personas;
}
