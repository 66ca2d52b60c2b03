import type { Me, TokenPair } from '@unionhub/contracts';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { ApiClient } from './api';

type Kind = Me['user']['kind'];

export type SessionStatus = 'loading' | 'anonymous' | 'authenticated' | 'error';

export interface Session {
  client: ApiClient;
  status: SessionStatus;
  me: Me | null;
  /** Why loading the caller failed when status is 'error' (the API was unreachable, say). */
  error: unknown;
  /** Stores a fresh token pair and loads who the caller is. */
  signIn(pair: TokenPair): Promise<Me>;
  /** Revokes the refresh token on the server (best effort) and forgets the tokens here. */
  signOut(): Promise<void>;
  /** Loads /me again, after a profile change for example. */
  reload(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function getMe(client: ApiClient): Promise<Me> {
  return client.get<Me>('/me');
}

interface State {
  status: SessionStatus;
  me: Me | null;
  error: unknown;
}

export function SessionProvider({
  client,
  kind,
  children,
}: {
  client: ApiClient;
  /** The account kind this area is for; tokens of another kind are dropped. */
  kind: Kind;
  children: ReactNode;
}) {
  const [state, setState] = useState<State>(() => ({
    status: client.tokens.get() ? 'loading' : 'anonymous',
    me: null,
    error: null,
  }));
  const loadId = useRef(0);

  const load = useCallback(async (): Promise<Me | null> => {
    const id = ++loadId.current;
    if (!client.tokens.get()) {
      setState({ status: 'anonymous', me: null, error: null });
      return null;
    }
    setState((s) => ({ ...s, status: s.me ? s.status : 'loading', error: null }));
    try {
      const me = await getMe(client);
      if (id !== loadId.current) return me;
      if (me.user.kind !== kind) {
        client.tokens.clear();
        setState({ status: 'anonymous', me: null, error: null });
        return null;
      }
      setState({ status: 'authenticated', me, error: null });
      return me;
    } catch (error) {
      if (id !== loadId.current) throw error;
      setState(
        client.tokens.get()
          ? { status: 'error', me: null, error }
          : { status: 'anonymous', me: null, error: null },
      );
      throw error;
    }
  }, [client, kind]);

  useEffect(() => {
    load().catch(() => undefined);
    return client.tokens.subscribe((tokens) => {
      if (tokens === null) {
        loadId.current++;
        setState({ status: 'anonymous', me: null, error: null });
      }
    });
  }, [client, load]);

  const signIn = useCallback(
    async (pair: TokenPair) => {
      client.tokens.set(pair);
      try {
        const me = await load();
        if (me) return me;
      } catch (error) {
        client.tokens.clear();
        throw error;
      }
      throw new Error('The signed-in account is not allowed here');
    },
    [client, load],
  );

  const signOut = useCallback(async () => {
    const tokens = client.tokens.get();
    try {
      if (tokens) await client.post('/auth/logout', { refreshToken: tokens.refreshToken });
    } catch {
      // The tokens are forgotten here anyway; an unreachable server must not keep anyone signed in.
    } finally {
      client.tokens.clear();
    }
  }, [client]);

  const reload = useCallback(async () => {
    await load();
  }, [load]);

  const value = useMemo<Session>(
    () => ({ client, ...state, signIn, signOut, reload }),
    [client, state, signIn, signOut, reload],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside a SessionProvider');
  return session;
}

/** The signed-in caller; only for pages rendered behind a sign-in guard. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe must be used behind a sign-in guard');
  return me;
}
