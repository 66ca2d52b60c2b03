export { presentAttachment, sendAttachment } from './attachments.presenter.js';
export { attachmentRoutes } from './attachments.routes.js';
export { attachments } from './attachments.schema.js';
export {
  type AttachmentRow,
  claimAttachments,
  findOwnedAttachment,
  listAttachmentsOf,
  purgeUnclaimedAttachments,
} from './attachments.service.js';
