import {
  DEFAULT_NOTIFICATION_PREFERENCES,
  type NotificationChannel,
  NotificationChannels,
  type NotificationTopic,
} from '@unionhub/contracts';

/** Attempts before a delivery is given up as failed (about a day and a half of backoff). */
export const MAX_DELIVERY_ATTEMPTS = 8;

/** Wait before the next attempt: 30 s, 1 min, 2 min … capped at 6 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 6 * 3600_000);
}

/** The channels a notice goes out on for one recipient: their choices over the defaults of their kind. */
export function channelsFor(
  kind: 'member' | 'staff',
  topic: NotificationTopic,
  choices: { topic: string; channel: string; enabled: boolean }[],
): NotificationChannel[] {
  return NotificationChannels.filter((channel) => {
    const chosen = choices.find((c) => c.topic === topic && c.channel === channel);
    return chosen ? chosen.enabled : DEFAULT_NOTIFICATION_PREFERENCES[kind][topic][channel];
  });
}
