import { defineMessages } from '../shared/i18n/index';

export const t = defineMessages(
  {
    'app.name': 'Phản ánh hiện trường',
    'home.title': 'Phản ánh tới chính quyền',
    'home.intro': 'Gửi phản ánh, kiến nghị tới đúng cơ quan và theo dõi đến khi có trả lời.',
    'home.signInPrompt': 'Đăng nhập để gửi và theo dõi phản ánh của bạn.',
    'home.welcome': 'Xin chào, {name}.',
  },
  {
    'app.name': 'Civic feedback',
    'home.title': 'Report to your local government',
    'home.intro': 'Send feedback and requests to the unit responsible and follow them to the answer.',
    'home.signInPrompt': 'Sign in to send and follow your reports.',
    'home.welcome': 'Hello, {name}.',
  },
);
