/** Strings of the member card page; merged into the language files under `memberCard`. */
export const memberCardZh = {
  title: '会员卡',
  header: '中华全国总工会会员卡',
  headerSub: 'ALL-CHINA FEDERATION OF TRADE UNIONS',
  name: '姓名',
  union: '所在工会',
  cardNo: '卡号',
  qrTitle: '出示二维码核验会员身份',
  refreshIn: '二维码 {{seconds}} 秒后自动刷新',
  refreshing: '正在刷新二维码…',
  refresh: '立即刷新',
  qrAlt: '会员卡二维码',
  note: '二维码每分钟更新，截图无效；请勿将二维码转给他人使用。',
  statuses: { active: '正常', suspended: '已挂失', revoked: '已注销', replaced: '已换卡' },
  suspendedNote: '此卡已挂失或暂停使用，二维码不能通过核验。如需恢复，请联系所在工会。',
  emptyTitle: '您还没有会员卡',
  emptyText:
    '会员卡由所在基层工会在您入会后发放。如果您还不是工会会员，请先申请入会；已入会的请联系所在工会办理。',
  emptyAction: '我要入会',
};

export const memberCardEn: typeof memberCardZh = {
  title: 'Member card',
  header: 'Trade Union Member Card',
  headerSub: 'All-China Federation of Trade Unions',
  name: 'Name',
  union: 'Union',
  cardNo: 'Card no.',
  qrTitle: 'Show this code to prove your membership',
  refreshIn: 'The code refreshes in {{seconds}} s',
  refreshing: 'Refreshing the code…',
  refresh: 'Refresh now',
  qrAlt: 'Member card QR code',
  note: 'The code changes every minute, so a screenshot does not work; do not pass it to others.',
  statuses: { active: 'Active', suspended: 'Suspended', revoked: 'Revoked', replaced: 'Replaced' },
  suspendedNote:
    'This card is reported lost or suspended, so its code does not pass. Ask your union to restore it.',
  emptyTitle: 'You have no member card yet',
  emptyText:
    'Your grassroots union issues the card once you have joined. If you are not a member yet, apply to join; if you are, ask your union.',
  emptyAction: 'Join the union',
};
