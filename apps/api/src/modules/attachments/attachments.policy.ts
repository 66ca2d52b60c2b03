import type { AttachmentKind } from '@unionhub/contracts';

/** The largest file a member or staff user may attach (a phone photo or a scanned PDF fits). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** Unclaimed uploads older than this are removed. */
export const UNCLAIMED_TTL_MS = 24 * 3600_000;

/** Content types accepted, by what the bytes are (not the name), and the kind each one is. */
export const ACCEPTED_TYPES: Record<string, AttachmentKind> = {
  'image/jpeg': 'image',
  'image/png': 'image',
  'image/webp': 'image',
  'image/heic': 'image',
  'image/heif': 'image',
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'office',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'office',
  'application/x-cfb': 'office',
};

/** A name safe to show and to send back in Content-Disposition: no path, no control characters. */
export function cleanFilename(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = [...base]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
    .join('')
    .trim()
    .slice(0, 120);
  return cleaned || '附件';
}
