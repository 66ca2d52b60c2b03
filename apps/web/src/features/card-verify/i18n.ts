import type { CardVerifyReason } from '@unionhub/contracts';

type Reasons = Record<CardVerifyReason | 'unknown', { title: string; text: string }>;

const reasonsZh: Reasons = {
  malformed: { title: '无法识别', text: '扫到的不是会员卡二维码，请会员打开“会员卡”页面重新出示。' },
  bad_signature: {
    title: '签名不符',
    text: '二维码签名校验未通过，可能是伪造或被篡改的二维码，请勿给予会员优惠。',
  },
  expired: { title: '二维码已过期', text: '二维码超过 60 秒有效期（截图无效），请会员刷新后重新出示。' },
  not_yet_valid: {
    title: '二维码尚未生效',
    text: '二维码时间晚于服务器时间，请会员检查手机时间后刷新重试。',
  },
  replayed: { title: '已使用', text: '这个二维码已经核验过一次，请会员刷新二维码后重新出示。' },
  card_suspended: {
    title: '已挂失',
    text: '此卡已挂失或暂停使用，不能享受会员优惠；如有疑问请会员联系所在工会。',
  },
  card_revoked: { title: '已注销', text: '此卡已注销，不能享受会员优惠。' },
  card_replaced: { title: '已换卡', text: '此卡已补换新卡，旧卡作废，请会员出示新卡的二维码。' },
  card_not_found: { title: '卡不存在', text: '没有找到这张会员卡，请会员联系所在工会。' },
  unknown: { title: '无法核验', text: '核验未通过，请会员刷新二维码后重试。' },
};

const reasonsEn: Reasons = {
  malformed: {
    title: 'Not a member card code',
    text: 'Ask the member to open the card page and show the code again.',
  },
  bad_signature: {
    title: 'Signature mismatch',
    text: 'The code is forged or altered; do not give the member discount.',
  },
  expired: {
    title: 'Code expired',
    text: 'Codes last 60 seconds (screenshots fail); ask the member to refresh.',
  },
  not_yet_valid: {
    title: 'Code not yet valid',
    text: "The phone's clock is ahead; ask the member to check it and refresh.",
  },
  replayed: {
    title: 'Already used',
    text: 'This code was checked once already; ask the member to refresh it.',
  },
  card_suspended: { title: 'Suspended', text: 'The card is reported lost or suspended; no member discount.' },
  card_revoked: { title: 'Revoked', text: 'The card is revoked; no member discount.' },
  card_replaced: { title: 'Replaced', text: 'A new card replaced this one; ask for the new card’s code.' },
  card_not_found: { title: 'Unknown card', text: 'No such card; the member should ask their union.' },
  unknown: { title: 'Not verified', text: 'The check failed; ask the member to refresh the code.' },
};

/** Strings of 会员卡核验 in the admin console; merged into the language files under `cardVerify`. */
export const cardVerifyZh = {
  title: '会员卡核验',
  intro:
    '请会员打开会员服务中的“会员卡”，用扫码枪扫描二维码，或点“扫码”用摄像头识别。每个二维码 60 秒内有效，只能核验一次。',
  inputLabel: '二维码内容',
  inputPlaceholder: '将光标放在这里，用扫码枪扫描会员卡二维码',
  verify: '核验',
  scan: '扫码',
  scanStop: '停止扫码',
  scanUnsupported: '此浏览器不支持摄像头扫码，请使用扫码枪或粘贴二维码内容',
  scanDenied: '无法打开摄像头，请允许使用摄像头后重试，或改用扫码枪',
  scanning: '请将会员卡二维码对准摄像头',
  valid: '有效',
  validText: '工会会员身份核验通过',
  invalid: '无效',
  name: '姓名',
  union: '所在工会',
  cardNo: '卡号',
  checkedAt: '核验时间',
  recent: '最近核验',
  recentEmpty: '暂无核验记录',
  reasons: reasonsZh,
};

export const cardVerifyEn: typeof cardVerifyZh = {
  title: 'Verify member cards',
  intro:
    'Ask the member to open the member card in the app, then scan its QR code with a scanner or press Scan to use the camera. A code lasts 60 seconds and passes once.',
  inputLabel: 'QR content',
  inputPlaceholder: 'Keep the cursor here and scan the member card code',
  verify: 'Verify',
  scan: 'Scan',
  scanStop: 'Stop',
  scanUnsupported: 'This browser cannot scan with the camera; use a scanner or paste the code',
  scanDenied: 'The camera could not be opened; allow it and retry, or use a scanner',
  scanning: 'Point the camera at the member card code',
  valid: 'Valid',
  validText: 'Union membership confirmed',
  invalid: 'Invalid',
  name: 'Name',
  union: 'Union',
  cardNo: 'Card no.',
  checkedAt: 'Checked at',
  recent: 'Recent checks',
  recentEmpty: 'No checks yet',
  reasons: reasonsEn,
};
