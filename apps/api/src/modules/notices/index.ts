export { noticeRoutes } from './notices.routes.js';
export { memberNotices } from './notices.schema.js';
export { recordMemberNotice, recordNoticeForPhone } from './notices.service.js';
