/** The in-memory dependencies' default reference data: a small Hanoi that routes (tests/support/memory.ts). */
import type { Area } from '../../shared/domain/area.js';
import type { Department } from '../../shared/domain/department.js';
import type { RoutingRule } from '../../shared/domain/routing.js';

/** A small world that routes: Hà Nội (01) → Ba Đình (001) → Phúc Xá (00001), Trúc Bạch (00004); Hoàn Kiếm (002) → Hàng Bạc (00037). */
export const memoryAreas: Area[] = [
  { code: '01', name: 'Hà Nội', nameWithType: 'Thành phố Hà Nội', type: 'thanh-pho', level: 'province', parentCode: 'VN', provinceCode: '01' },
  { code: '001', name: 'Ba Đình', nameWithType: 'Quận Ba Đình', type: 'quan', level: 'district', parentCode: '01', provinceCode: '01', districtCode: '001' },
  { code: '002', name: 'Hoàn Kiếm', nameWithType: 'Quận Hoàn Kiếm', type: 'quan', level: 'district', parentCode: '01', provinceCode: '01', districtCode: '002' },
  { code: '00001', name: 'Phúc Xá', nameWithType: 'Phường Phúc Xá', type: 'phuong', level: 'ward', parentCode: '001', provinceCode: '01', districtCode: '001' },
  { code: '00004', name: 'Trúc Bạch', nameWithType: 'Phường Trúc Bạch', type: 'phuong', level: 'ward', parentCode: '001', provinceCode: '01', districtCode: '001' },
  { code: '00037', name: 'Hàng Bạc', nameWithType: 'Phường Hàng Bạc', type: 'phuong', level: 'ward', parentCode: '002', provinceCode: '01', districtCode: '002' },
];

export const memoryDepartments: Department[] = [
  { id: 'city-people-committee', name: { vi: 'UBND Thành phố', en: 'City People’s Committee' }, kind: 'city_department', areaCode: '01', active: true },
  { id: 'district-001', name: { vi: 'UBND Quận Ba Đình', en: 'Ba Đình District' }, kind: 'district', areaCode: '001', districtCode: '001', parentId: 'city-people-committee', active: true },
  { id: 'district-002', name: { vi: 'UBND Quận Hoàn Kiếm', en: 'Hoàn Kiếm District' }, kind: 'district', areaCode: '002', districtCode: '002', parentId: 'city-people-committee', active: true },
  { id: 'ward-00001', name: { vi: 'UBND Phường Phúc Xá', en: 'Phúc Xá Ward' }, kind: 'ward', areaCode: '00001', districtCode: '001', parentId: 'district-001', active: true },
  { id: 'ward-00004', name: { vi: 'UBND Phường Trúc Bạch', en: 'Trúc Bạch Ward' }, kind: 'ward', areaCode: '00004', districtCode: '001', parentId: 'district-001', active: true },
  { id: 'ward-00037', name: { vi: 'UBND Phường Hàng Bạc', en: 'Hàng Bạc Ward' }, kind: 'ward', areaCode: '00037', districtCode: '002', parentId: 'district-002', active: true },
  { id: 'city-transport', name: { vi: 'Sở Giao thông Vận tải', en: 'Department of Transport' }, kind: 'city_department', areaCode: '01', active: true },
  { id: 'triage', name: { vi: 'Bộ phận tiếp nhận', en: 'Triage desk' }, kind: 'triage', areaCode: '01', active: true },
];

export const memoryRules: RoutingRule[] = [
  { id: 'r-ward-00001', category: '*', areaCode: '00001', departmentId: 'ward-00001' },
  { id: 'r-ward-00004', category: '*', areaCode: '00004', departmentId: 'ward-00004' },
  { id: 'r-ward-00037', category: '*', areaCode: '00037', departmentId: 'ward-00037' },
  { id: 'r-transport', category: 'roads_traffic', areaCode: '01', departmentId: 'city-transport' },
];

