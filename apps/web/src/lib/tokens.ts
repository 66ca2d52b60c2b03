import type { TokenPair } from '@unionhub/contracts';

export interface StoredTokens {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds at which the access token stops being accepted. */
  expiresAt: number;
}

export interface TokenStore {
  readonly key: string;
  get(): StoredTokens | null;
  set(pair: TokenPair): StoredTokens;
  clear(): void;
  /** Called with the new value whenever the tokens change, in this tab or another one. */
  subscribe(listener: (tokens: StoredTokens | null) => void): () => void;
}

export const ADMIN_TOKENS_KEY = 'uh.admin.tokens';
export const MEMBER_TOKENS_KEY = 'uh.member.tokens';

function parse(raw: string | null): StoredTokens | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<StoredTokens>;
    if (typeof value.accessToken !== 'string' || typeof value.refreshToken !== 'string') return null;
    return {
      accessToken: value.accessToken,
      refreshToken: value.refreshToken,
      expiresAt: typeof value.expiresAt === 'number' ? value.expiresAt : 0,
    };
  } catch {
    return null;
  }
}

export function createTokenStore(key: string, now: () => number = Date.now): TokenStore {
  const listeners = new Set<(tokens: StoredTokens | null) => void>();
  const notify = (tokens: StoredTokens | null) => {
    for (const listener of listeners) listener(tokens);
  };

  if (typeof window !== 'undefined') {
    // Signing out in one tab signs out the others of the same area.
    window.addEventListener('storage', (event) => {
      if (event.key === key) notify(parse(event.newValue));
    });
  }

  return {
    key,
    get: () => parse(localStorage.getItem(key)),
    set(pair) {
      const tokens: StoredTokens = {
        accessToken: pair.accessToken,
        refreshToken: pair.refreshToken,
        expiresAt: now() + pair.expiresIn * 1000,
      };
      localStorage.setItem(key, JSON.stringify(tokens));
      notify(tokens);
      return tokens;
    },
    clear() {
      if (localStorage.getItem(key) === null) return;
      localStorage.removeItem(key);
      notify(null);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
