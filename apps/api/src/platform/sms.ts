import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface SmsMessage {
  phone: string;
  /** otp: a sign-in code; notice: a notification (see the notifications module). */
  template: 'otp' | 'notice';
  text: string;
  /** Structured values of the template, e.g. the code; the dev outbox keeps them for tests. */
  params: Record<string, string>;
}

/** Sends text messages. Production plugs a carrier gateway in here; the default writes to an outbox file. */
export interface SmsSender {
  send(message: SmsMessage): Promise<void>;
}

/**
 * Development and test sender: appends each message as one JSON line to DATA_DIR/outbox/sms.jsonl
 * (readable by tests and the e2e journeys) and, when asked, prints it on the console.
 */
export function createOutboxSmsSender(
  dataDir: string,
  opts: { echo: boolean },
): SmsSender & { file: string } {
  const dir = join(dataDir, 'outbox');
  const file = join(dir, 'sms.jsonl');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return {
    file,
    async send(message) {
      appendFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), ...message })}\n`, {
        mode: 0o600,
      });
      if (opts.echo) console.info(`[sms outbox] to ${message.phone}: ${message.text}`);
    },
  };
}
