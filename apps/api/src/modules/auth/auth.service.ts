import { randomInt, timingSafeEqual } from 'node:crypto';
import type { TokenPair } from '@unionhub/contracts';
import * as OTPAuth from 'otpauth';
import type { Db } from '../../db/client.js';
import { inTransaction } from '../../db/tx.js';
import type { Actor, MemberActor, StaffActor } from '../../platform/actor.js';
import type { AppContext, RequestMeta } from '../../platform/context.js';
import { AppError, validationError } from '../../platform/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { accountLocked, invalidCredentials, tokenExpired, unauthenticated } from './auth.errors.js';
import {
  attemptsBeforeLock,
  lockoutSeconds,
  OTP_DAILY_LIMIT,
  OTP_MAX_ATTEMPTS,
  OTP_RESEND_SECONDS,
  OTP_TTL_SECONDS,
} from './auth.policy.js';
import { loadPrincipal, MEMBER_PERMISSIONS, type Principal } from './auth.principal.js';
import * as repo from './auth.repository.js';
import { decoyPasswordHash, hashPassword, passwordProblems, verifyPassword } from './passwords.js';
import { principalCacheOf } from './principal-cache.js';
import { createTokenIssuer, newRefreshToken, newSessionId, parseRefreshToken } from './tokens.js';

export function createAuthService(ctx: AppContext) {
  const { pii, clock, config } = ctx;
  const principals = principalCacheOf<Principal>(ctx.database);
  const tokens = createTokenIssuer(config.secrets.tokenSecret, config.accessTokenTtl, () => clock.now());

  async function openSession(
    db: Db,
    subject: { type: 'staff' | 'member'; id: number },
    meta: RequestMeta,
  ): Promise<TokenPair> {
    const id = newSessionId();
    const refresh = newRefreshToken(id);
    const now = clock.now();
    await repo.insertSession(db, {
      id,
      subjectType: subject.type,
      subjectId: subject.id,
      refreshHash: refresh.hash,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 512) ?? null,
      createdAt: now,
      lastUsedAt: now,
      expiresAt: new Date(now.getTime() + config.refreshTokenTtl * 1000),
    });
    const accessToken = await tokens.issueAccess({
      sid: id,
      subjectType: subject.type,
      subjectId: subject.id,
    });
    return { accessToken, refreshToken: refresh.token, expiresIn: tokens.ttlSeconds };
  }

  function totpFor(secretBase32: string, username: string) {
    return new OTPAuth.TOTP({
      issuer: 'UnionHub',
      label: username,
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      secret: OTPAuth.Secret.fromBase32(secretBase32),
    });
  }

  function totpMatches(sealed: Buffer | null, username: string, code: string): boolean {
    if (!sealed) return false;
    const totp = totpFor(pii.open(sealed), username);
    return totp.validate({ token: code, timestamp: clock.now().getTime(), window: 1 }) !== null;
  }

  async function loginStaff(
    input: { username: string; password: string; totp?: string | undefined },
    meta: RequestMeta,
  ): Promise<TokenPair> {
    const now = clock.now();
    const user = await repo.findStaffByUsername(ctx.db, input.username);
    if (!user) {
      await verifyPassword(await decoyPasswordHash(), input.password);
      await recordAudit(ctx.db, {
        actor: { kind: 'anonymous', name: input.username },
        action: 'auth.login',
        outcome: 'failure',
        details: { reason: 'unknown_username' },
        meta,
      });
      throw invalidCredentials();
    }
    const staffActor = { kind: 'anonymous' as const, name: user.username };
    if (user.lockedUntil && user.lockedUntil > now) {
      await recordAudit(ctx.db, {
        actor: staffActor,
        action: 'auth.login',
        orgId: user.orgId,
        targetType: 'staff_user',
        targetId: user.id,
        outcome: 'denied',
        details: { reason: 'locked' },
        meta,
      });
      throw accountLocked(user.lockedUntil, now);
    }

    const fail = async (reason: string, error: (failures: number) => AppError) => {
      const failures = user.failedLogins + 1;
      const lockFor = lockoutSeconds(failures);
      const lockedUntil = lockFor === null ? null : new Date(now.getTime() + lockFor * 1000);
      await inTransaction(ctx.db, async (tx) => {
        await repo.recordLoginFailure(tx, user.id, lockedUntil);
        await recordAudit(tx, {
          actor: staffActor,
          action: lockedUntil ? 'auth.lockout' : 'auth.login',
          orgId: user.orgId,
          targetType: 'staff_user',
          targetId: user.id,
          outcome: 'failure',
          details: { reason, failures },
          meta,
        });
      });
      if (lockedUntil) throw accountLocked(lockedUntil, now);
      throw error(failures);
    };

    if (!(await verifyPassword(user.passwordHash, input.password)))
      return fail('wrong_password', (f) => invalidCredentials(attemptsBeforeLock(f)));
    if (user.disabledAt) throw new AppError('AUTH_ACCOUNT_DISABLED', 'This account has been disabled');
    if (user.totpEnabled) {
      if (!input.totp)
        throw new AppError('AUTH_TOTP_REQUIRED', 'Enter the six-digit code from your authenticator app', [
          { path: 'body.totp', message: 'is required for this account' },
        ]);
      if (!totpMatches(user.totpSecret, user.username, input.totp))
        return fail(
          'wrong_totp',
          (f) =>
            new AppError('AUTH_TOTP_INVALID', 'The authenticator code is wrong', [], {
              attemptsLeft: attemptsBeforeLock(f),
            }),
        );
    }
    return inTransaction(ctx.db, async (tx) => {
      await repo.recordLoginSuccess(tx, user.id, now);
      await recordAudit(tx, {
        actor: staffActor,
        action: 'auth.login',
        orgId: user.orgId,
        targetType: 'staff_user',
        targetId: user.id,
        meta,
      });
      return openSession(tx, { type: 'staff', id: user.id }, meta);
    });
  }

  async function refresh(refreshToken: string, meta: RequestMeta): Promise<TokenPair> {
    const parsed = parseRefreshToken(refreshToken);
    const invalid = () =>
      new AppError('AUTH_REFRESH_INVALID', 'The refresh token is not valid; sign in again');
    if (!parsed) throw invalid();
    const now = clock.now();
    const session = await repo.findSession(ctx.db, parsed.sessionId);
    if (!session || session.revokedAt || session.expiresAt <= now) throw invalid();
    if (session.previousRefreshHash && timingSafeEqual(session.previousRefreshHash, parsed.hash)) {
      // A rotated-out token came back: someone holds a copy. End the session for both holders.
      await inTransaction(ctx.db, async (tx) => {
        await repo.revokeSession(tx, session.id, 'refresh_reuse', now);
        await recordAudit(tx, {
          actor: { kind: 'anonymous' },
          action: 'auth.refresh_reuse',
          targetType: `${session.subjectType}_user`,
          targetId: session.subjectId,
          outcome: 'denied',
          meta,
        });
        principals.forgetSession(session.id);
      });
      throw invalid();
    }
    if (
      session.refreshHash.length !== parsed.hash.length ||
      !timingSafeEqual(session.refreshHash, parsed.hash)
    )
      throw invalid();
    if (session.subjectType === 'staff') {
      const user = await repo.findStaffById(ctx.db, session.subjectId);
      if (!user || user.disabledAt) throw invalid();
    }
    const next = newRefreshToken(session.id);
    if (!(await repo.rotateSession(ctx.db, session.id, parsed.hash, next.hash, now))) throw invalid();
    const accessToken = await tokens.issueAccess({
      sid: session.id,
      subjectType: session.subjectType as 'staff' | 'member',
      subjectId: session.subjectId,
    });
    return { accessToken, refreshToken: next.token, expiresIn: tokens.ttlSeconds };
  }

  async function logout(actor: Actor, meta: RequestMeta): Promise<void> {
    await inTransaction(ctx.db, async (tx) => {
      await repo.revokeSession(tx, actor.sessionId, 'logout', clock.now());
      await recordAudit(tx, { actor, action: 'auth.logout', meta });
    });
    // Other processes hear it from the database; this one forgets at once.
    principals.forgetSession(actor.sessionId);
  }

  /** Resolves a bearer token to the caller, or throws 401. */
  async function authenticate(token: string): Promise<Actor> {
    const claims = await tokens.verifyAccess(token);
    if (claims === 'expired') throw tokenExpired();
    if (!claims) throw unauthenticated('The access token is not valid');
    const now = clock.now();
    const subject = `${claims.subjectType}:${claims.subjectId}`;
    let principal = principals.get(claims.sid);
    if (!principal || principal.subject !== subject) {
      const generation = principals.generation;
      const loaded = await loadPrincipal(ctx.db, claims.sid, claims.subjectType, claims.subjectId);
      if (!loaded) throw unauthenticated('The session has ended; sign in again');
      principals.set(claims.sid, subject, loaded, generation);
      principal = loaded;
    }
    if (principal.expiresAt <= now) throw unauthenticated('The session has ended; sign in again');
    return principal.actor;
  }

  async function changePassword(
    actor: StaffActor,
    input: { currentPassword: string; newPassword: string },
    meta: RequestMeta,
  ): Promise<TokenPair> {
    const user = await repo.findStaffById(ctx.db, actor.id);
    if (!user) throw unauthenticated();
    if (!(await verifyPassword(user.passwordHash, input.currentPassword)))
      throw new AppError('AUTH_INVALID_CREDENTIALS', 'The current password is wrong', [
        { path: 'body.currentPassword', message: 'is wrong' },
      ]);
    const problems = passwordProblems(input.newPassword, user.username, 'body.newPassword');
    if (input.newPassword === input.currentPassword)
      problems.push({ path: 'body.newPassword', message: 'must differ from the current password' });
    if (problems.length) throw new AppError('AUTH_WEAK_PASSWORD', 'Choose a stronger password', problems);
    const passwordHash = await hashPassword(input.newPassword);
    const now = clock.now();
    const pair = await inTransaction(ctx.db, async (tx) => {
      await repo.updateStaffPassword(tx, user.id, passwordHash, now);
      const revoked = await repo.revokeSubjectSessions(
        tx,
        { type: 'staff', id: user.id },
        'password_change',
        now,
      );
      await recordAudit(tx, {
        actor,
        action: 'auth.password_change',
        targetType: 'staff_user',
        targetId: user.id,
        details: { sessionsRevoked: revoked },
        meta,
      });
      return openSession(tx, { type: 'staff', id: user.id }, meta);
    });
    principals.forgetSubject(`staff:${user.id}`);
    return pair;
  }

  async function setupTotp(actor: StaffActor): Promise<{ secret: string; otpauthUrl: string }> {
    const user = await repo.findStaffById(ctx.db, actor.id);
    if (!user) throw unauthenticated();
    if (user.totpEnabled)
      throw new AppError(
        'CONFLICT',
        'Two-step sign-in is already on; turn it off before setting it up again',
      );
    const secret = new OTPAuth.Secret({ size: 20 }).base32;
    await repo.updateStaffTotp(
      ctx.db,
      user.id,
      { totpSecret: pii.seal(secret), totpEnabled: false },
      clock.now(),
    );
    return { secret, otpauthUrl: totpFor(secret, user.username).toString() };
  }

  async function confirmTotp(actor: StaffActor, code: string, meta: RequestMeta): Promise<void> {
    const user = await repo.findStaffById(ctx.db, actor.id);
    if (!user) throw unauthenticated();
    if (user.totpEnabled) throw new AppError('CONFLICT', 'Two-step sign-in is already on');
    if (!user.totpSecret) throw new AppError('CONFLICT', 'Start the setup first');
    if (!totpMatches(user.totpSecret, user.username, code))
      throw validationError([{ path: 'body.code', message: 'does not match the authenticator app' }]);
    await inTransaction(ctx.db, async (tx) => {
      await repo.updateStaffTotp(
        tx,
        user.id,
        { totpSecret: user.totpSecret, totpEnabled: true },
        clock.now(),
      );
      await recordAudit(tx, {
        actor,
        action: 'auth.totp_enable',
        targetType: 'staff_user',
        targetId: user.id,
        meta,
      });
    });
  }

  async function disableTotp(actor: StaffActor, password: string, meta: RequestMeta): Promise<void> {
    const user = await repo.findStaffById(ctx.db, actor.id);
    if (!user) throw unauthenticated();
    if (!(await verifyPassword(user.passwordHash, password)))
      throw new AppError('AUTH_INVALID_CREDENTIALS', 'The password is wrong', [
        { path: 'body.password', message: 'is wrong' },
      ]);
    await inTransaction(ctx.db, async (tx) => {
      await repo.updateStaffTotp(tx, user.id, { totpSecret: null, totpEnabled: false }, clock.now());
      await recordAudit(tx, {
        actor,
        action: 'auth.totp_disable',
        targetType: 'staff_user',
        targetId: user.id,
        meta,
      });
    });
  }

  async function requestOtp(phone: string, meta: RequestMeta): Promise<void> {
    const now = clock.now();
    const phoneHash = pii.lookupHash('phone', phone);
    const last = await repo.latestOtp(ctx.db, phoneHash);
    if (last) {
      const wait = OTP_RESEND_SECONDS - Math.floor((now.getTime() - last.createdAt.getTime()) / 1000);
      if (wait > 0)
        throw new AppError('AUTH_OTP_TOO_SOON', `Wait ${wait} s before asking for another code`, [], {
          retryAfterSeconds: wait,
        });
    }
    const today = await repo.countOtpSince(ctx.db, phoneHash, new Date(now.getTime() - 24 * 3600 * 1000));
    if (today >= OTP_DAILY_LIMIT)
      throw new AppError('RATE_LIMITED', 'Too many codes for this phone today; try again tomorrow', [], {
        retryAfterSeconds: 3600,
      });
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await repo.insertOtp(ctx.db, {
      phoneHash,
      codeHash: pii.lookupHash('phone', `${phone}#${code}`),
      expiresAt: new Date(now.getTime() + OTP_TTL_SECONDS * 1000),
      ip: meta.ip,
      createdAt: now,
    });
    await ctx.sms.send({
      phone,
      template: 'otp',
      params: { code },
      text: `【工会服务】您的登录验证码是${code}，${OTP_TTL_SECONDS / 60}分钟内有效。请勿告诉他人。`,
    });
  }

  async function verifyOtp(phone: string, code: string, meta: RequestMeta): Promise<TokenPair> {
    const now = clock.now();
    const phoneHash = pii.lookupHash('phone', phone);
    const otp = await repo.latestOtp(ctx.db, phoneHash);
    const failure = async (reason: string) =>
      recordAudit(ctx.db, {
        actor: { kind: 'anonymous' },
        action: 'auth.otp_verify',
        outcome: 'failure',
        details: { reason },
        meta,
      });
    if (!otp || otp.consumedAt || otp.attempts >= OTP_MAX_ATTEMPTS) {
      await failure(otp?.consumedAt ? 'used' : otp ? 'no_tries_left' : 'none');
      throw new AppError('AUTH_OTP_INVALID', 'This code is no longer valid; ask for a new one', [], {
        triesLeft: 0,
      });
    }
    if (otp.expiresAt <= now) {
      await failure('expired');
      throw new AppError('AUTH_OTP_EXPIRED', 'The code has expired; ask for a new one');
    }
    const expected = pii.lookupHash('phone', `${phone}#${code}`);
    if (!timingSafeEqual(expected, otp.codeHash)) {
      const attempts = await repo.incrementOtpAttempts(ctx.db, otp.id);
      await failure('wrong_code');
      const triesLeft = Math.max(0, OTP_MAX_ATTEMPTS - attempts);
      throw new AppError(
        'AUTH_OTP_INVALID',
        `The code is wrong; ${triesLeft} tries left`,
        [{ path: 'body.code', message: 'is wrong' }],
        { triesLeft },
      );
    }
    return inTransaction(ctx.db, async (tx) => {
      if (!(await repo.consumeOtp(tx, otp.id, now)))
        throw new AppError('AUTH_OTP_INVALID', 'This code was already used; ask for a new one', [], {
          triesLeft: 0,
        });
      const account = await repo.upsertMemberAccount(tx, { phoneHash, phoneEnc: pii.seal(phone) }, now);
      const actor: MemberActor = {
        kind: 'member',
        id: account.id,
        sessionId: '',
        permissions: MEMBER_PERMISSIONS,
      };
      await recordAudit(tx, {
        actor,
        action: 'auth.member_login',
        targetType: 'member_account',
        targetId: account.id,
        meta,
      });
      return openSession(tx, { type: 'member', id: account.id }, meta);
    });
  }

  return {
    loginStaff,
    refresh,
    logout,
    authenticate,
    changePassword,
    setupTotp,
    confirmTotp,
    disableTotp,
    requestOtp,
    verifyOtp,
    /** Exposed for the CLI and the demo data, which create accounts without a request. */
    openSession,
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
