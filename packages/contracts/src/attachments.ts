import Type, { type Static } from 'typebox';
import { Id, StringEnum, Timestamp } from './common.js';
import { AttachmentKinds } from './forms.js';

export const Attachment = Type.Object({
  id: Id,
  filename: Type.String(),
  contentType: Type.String({ description: 'Detected from the content, not the name' }),
  kind: StringEnum(AttachmentKinds),
  size: Type.Integer({ minimum: 0 }),
  slot: Type.Union([Type.String(), Type.Null()], { description: 'The requirement it fills, if any' }),
  createdAt: Timestamp,
});
export type Attachment = Static<typeof Attachment>;

/** A file already uploaded, named in a submission together with the slot it fills. */
export const AttachmentRef = Type.Object(
  {
    id: Id,
    slot: Type.Optional(Type.String({ pattern: '^[a-z][a-zA-Z0-9_]{0,39}$' })),
  },
  { additionalProperties: false },
);
export type AttachmentRef = Static<typeof AttachmentRef>;
