/** Strings of 消息 in the member app; merged into the language files under `memberNotices`. */
export const memberNoticesZh = {
  title: '消息',
  none: '暂无消息',
  noneText: '入会、会员关系转接等办理结果会在这里通知您。',
};

export const memberNoticesEn: typeof memberNoticesZh = {
  title: 'Messages',
  none: 'No messages',
  noneText: 'Decisions on your application or transfers appear here.',
};
