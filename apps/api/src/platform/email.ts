import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends e-mail. Production plugs an SMTP relay in here; the default writes to an outbox file. */
export interface EmailSender {
  send(message: EmailMessage): Promise<void>;
}

/** Development sender: one JSON line per message in DATA_DIR/outbox/email.jsonl. */
export function createOutboxEmailSender(dataDir: string): EmailSender & { file: string } {
  const dir = join(dataDir, 'outbox');
  const file = join(dir, 'email.jsonl');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return {
    file,
    async send(message) {
      appendFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), ...message })}\n`, {
        mode: 0o600,
      });
    },
  };
}
