/**
 * The privacy notice published by default (npm start, seed:aws): what a citizen accepts when
 * submitting (Decree 13/2023 art. 11–13). A city replaces the item to publish its own; the
 * version is what `consentVersion` must name. Kept short: the full text is docs/privacy.md.
 */
import type { PrivacyNotice } from '../app/ports.js';

export const defaultPrivacyNotice: PrivacyNotice = {
  version: '2026-01',
  publishedAt: '2026-01-01T00:00:00.000Z',
  text: {
    vi:
      'Khi gửi phản ánh, bạn đồng ý để cơ quan xử lý dùng họ tên, số điện thoại, địa chỉ, vị trí và hình ảnh bạn cung cấp chỉ để tiếp nhận, xử lý và trả lời phản ánh. ' +
      'Chỉ đơn vị được giao xử lý và quản trị viên xem được thông tin liên hệ; mỗi lần xem đều được ghi lại và bạn có thể xem nhật ký này. ' +
      'Dữ liệu cá nhân trên phản ánh đã đóng được xoá sau 24 tháng. Bạn có thể tải về hoặc yêu cầu xoá dữ liệu của mình bất cứ lúc nào trong ứng dụng.',
    en:
      'By submitting feedback you agree that the responsible authority uses the name, phone number, address, location and photos you provide only to receive, handle and answer it. ' +
      'Only the unit handling it and administrators can see your contact details; every view is recorded and you can read that record. ' +
      'Personal data on closed tickets is removed after 24 months. You can download or erase your data at any time in the app.',
  },
};
