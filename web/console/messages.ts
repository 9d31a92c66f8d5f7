import { defineMessages } from '../shared/i18n/index';

export const t = defineMessages(
  {
    'app.name': 'Bảng điều khiển',
    'home.title': 'Xin chào, {name}',
  },
  {
    'app.name': 'Console',
    'home.title': 'Hello, {name}',
  },
);
