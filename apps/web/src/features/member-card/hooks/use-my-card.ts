import type { MyCard } from '@unionhub/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../../../lib/api';
import { getMyCard } from '../api';

/** Fetch a new token this long before the old one expires, so the code on screen always passes. */
const REFRESH_MARGIN_MS = 15_000;

export type MyCardState =
  | { kind: 'loading' }
  | { kind: 'none' }
  | { kind: 'error'; error: unknown }
  | { kind: 'card'; card: MyCard; secondsLeft: number; refreshing: boolean };

/** The member's card, its QR token renewed before expiry, and a countdown to the next renewal. */
export function useMyCard(): { state: MyCardState; refresh: () => void } {
  const [card, setCard] = useState<MyCard | null>(null);
  const [status, setStatus] = useState<'loading' | 'none' | 'error' | 'ready'>('loading');
  const [error, setError] = useState<unknown>(null);
  const [refreshing, setRefreshing] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const inFlight = useRef(false);

  const load = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setRefreshing(true);
    try {
      setCard(await getMyCard());
      setStatus('ready');
    } catch (err) {
      if (isApiError(err, 'CARD_NOT_FOUND')) setStatus('none');
      else {
        setError(err);
        setStatus((s) => (s === 'ready' ? s : 'error'));
      }
    } finally {
      inFlight.current = false;
      setRefreshing(false);
      setNow(Date.now());
    }
  }, []);

  useEffect(() => {
    void load();
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [load]);

  const refreshAt = card ? new Date(card.expiresAt).getTime() - REFRESH_MARGIN_MS : 0;
  useEffect(() => {
    if (card && now >= refreshAt) void load();
  }, [card, now, refreshAt, load]);

  if (status === 'loading') return { state: { kind: 'loading' }, refresh: load };
  if (status === 'none') return { state: { kind: 'none' }, refresh: load };
  if (status === 'error' || !card) return { state: { kind: 'error', error }, refresh: load };
  const secondsLeft = Math.max(0, Math.ceil((refreshAt - now) / 1000));
  return { state: { kind: 'card', card, secondsLeft, refreshing }, refresh: load };
}
