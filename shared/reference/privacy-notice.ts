/**
 * The privacy notice `npm start` and `npm run seed:aws` publish unless one is already there:
 * what a citizen accepts when submitting. A city publishes its own by replacing the item
 * (personal-data-store.ts); docs/privacy.md is the full statement this summarises.
 */
import type { PrivacyNotice } from '../domain/privacy-notice.js';

export const defaultPrivacyNotice: PrivacyNotice = {
  version: '2026-01',
  publishedAt: '2026-01-01T00:00:00.000Z',
  text: {
    vi:
      'Khi gửi phản ánh, bạn đồng ý để cơ quan có thẩm quyền dùng họ tên, số điện thoại, địa chỉ, vị trí và hình ảnh bạn cung cấp chỉ để tiếp nhận, xử lý và trả lời phản ánh của bạn. ' +
      'Chỉ đơn vị được giao xử lý và quản trị viên xem được thông tin liên hệ của bạn; mỗi lần xem đều được ghi lại và bạn có thể xem nhật ký đó. ' +
      'Cán bộ quản lý và công chúng không bao giờ thấy tên, số điện thoại hay vị trí chính xác của bạn. ' +
      'Dữ liệu cá nhân trên phản ánh đã đóng hoặc bị từ chối được xoá sau 24 tháng. Bạn có thể tải về hoặc yêu cầu xoá dữ liệu của mình bất cứ lúc nào trong ứng dụng.',
    en:
      'By submitting feedback you agree that the competent authority uses the name, phone number, address, location and photos you provide only to receive, handle and answer your feedback. ' +
      'Only the unit handling it and administrators can see your contact details; every view is recorded and you can read that record. ' +
      'Managers and the public never see your name, phone number or exact location. ' +
      'Personal data on tickets closed or rejected more than 24 months ago is removed. You can download or erase your data at any time in the app.',
  },
};
