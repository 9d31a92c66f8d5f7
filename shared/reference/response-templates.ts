/**
 * Demo response templates (local runtime): the answers, questions and rejections a ward
 * officer writes most, for the busiest categories and for every category (`*`). Staff insert
 * and edit them; they are a start, not legal text.
 */
import { ANY_CATEGORY } from '../domain/category.js';
import type { ResponseTemplate } from '../domain/response-template.js';

type Seed = Omit<ResponseTemplate, 'updatedAt'>;

export const demoResponseTemplates: readonly Seed[] = [
  {
    id: 'roads-pothole-fixed',
    category: 'roads_traffic',
    kind: 'respond',
    title: { vi: 'Đã vá ổ gà', en: 'Pothole repaired' },
    body: {
      vi: 'Đơn vị đã kiểm tra hiện trường và vá ổ gà tại vị trí bạn phản ánh. Ảnh sau khi khắc phục được đính kèm. Cảm ơn bạn đã phản ánh.',
      en: 'We inspected the site and repaired the pothole you reported. Photos after the repair are attached. Thank you for reporting it.',
    },
  },
  {
    id: 'environment-waste-collected',
    category: 'environment',
    kind: 'respond',
    title: { vi: 'Đã thu gom rác', en: 'Waste collected' },
    body: {
      vi: 'Đơn vị vệ sinh môi trường đã thu gom rác tồn đọng tại địa điểm bạn phản ánh và tăng cường thu gom trong tuần tới. Ảnh sau khi xử lý được đính kèm.',
      en: 'The sanitation team collected the waste at the place you reported and will collect more often there next week. Photos after the clean-up are attached.',
    },
  },
  {
    id: 'lighting-repaired',
    category: 'lighting_power',
    kind: 'respond',
    title: { vi: 'Đã sửa đèn chiếu sáng', en: 'Street lights repaired' },
    body: {
      vi: 'Đơn vị quản lý chiếu sáng đã thay thế bóng đèn và kiểm tra đường dây; đèn đã sáng trở lại từ tối nay. Ảnh được đính kèm.',
      en: 'The lighting team replaced the lamps and checked the line; the lights are back on from tonight. Photos are attached.',
    },
  },
  {
    id: 'any-scheduled',
    category: ANY_CATEGORY,
    kind: 'respond',
    title: { vi: 'Đã lên kế hoạch xử lý', en: 'Work scheduled' },
    body: {
      vi: 'Đơn vị đã tiếp nhận và lên kế hoạch xử lý nội dung bạn phản ánh. Dự kiến hoàn thành trước ngày …; chúng tôi sẽ cập nhật kết quả.',
      en: 'We have taken up what you reported and scheduled the work. We expect to finish before …; we will update you on the result.',
    },
  },
  {
    id: 'any-ask-location',
    category: ANY_CATEGORY,
    kind: 'request_info',
    title: { vi: 'Xin vị trí chính xác', en: 'Ask for the exact location' },
    body: {
      vi: 'Để xử lý nhanh, bạn vui lòng cho biết số nhà, ngõ hoặc mốc gần nhất, và nếu có thể gửi thêm ảnh hiện trường.',
      en: 'To act quickly, please tell us the house number, lane or nearest landmark, and if you can, add a photo of the site.',
    },
  },
  {
    id: 'any-ask-time',
    category: ANY_CATEGORY,
    kind: 'request_info',
    title: { vi: 'Xin thời điểm xảy ra', en: 'Ask when it happens' },
    body: {
      vi: 'Bạn vui lòng cho biết sự việc thường xảy ra vào thời gian nào trong ngày để đơn vị bố trí kiểm tra đúng lúc.',
      en: 'Please tell us at what time of day this usually happens, so we can inspect at the right moment.',
    },
  },
  {
    id: 'any-reject-duplicate',
    category: ANY_CATEGORY,
    kind: 'reject',
    reasonCode: 'duplicate',
    title: { vi: 'Trùng phản ánh đã có', en: 'Duplicate of an earlier report' },
    body: {
      vi: 'Nội dung này trùng với phản ánh đã được tiếp nhận và đang xử lý. Bạn có thể theo dõi kết quả tại phản ánh gốc.',
      en: 'This is the same as a report we already received and are working on. You can follow the result on the original report.',
    },
  },
  {
    id: 'any-reject-out-of-scope',
    category: ANY_CATEGORY,
    kind: 'reject',
    reasonCode: 'out_of_scope',
    title: { vi: 'Không thuộc phạm vi', en: 'Outside this service' },
    body: {
      vi: 'Nội dung này không thuộc phạm vi tiếp nhận phản ánh, kiến nghị. Bạn vui lòng liên hệ cơ quan có thẩm quyền để được hướng dẫn.',
      en: 'This is not something this feedback service handles. Please contact the competent authority for guidance.',
    },
  },
];
