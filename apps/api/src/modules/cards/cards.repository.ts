import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { preparedPerDb } from '../../db/prepared.js';
import { memberAccounts } from '../auth/index.js';
import { members } from '../members/index.js';
import { orgs } from '../orgs/index.js';
import { cardSerials, cardVerifications, memberCards } from './cards.schema.js';

export type CardRow = typeof memberCards.$inferSelect;
export type CardWithOrg = CardRow & { orgName: string; memberName: string };

const withNames = { card: memberCards, orgName: orgs.name, memberName: members.name };
const flatten = (r: { card: CardRow; orgName: string; memberName: string }): CardWithOrg => ({
  ...r.card,
  orgName: r.orgName,
  memberName: r.memberName,
});

const cardById = preparedPerDb((db) =>
  db
    .select(withNames)
    .from(memberCards)
    .innerJoin(orgs, eq(orgs.id, memberCards.orgId))
    .innerJoin(members, eq(members.id, memberCards.memberId))
    .where(eq(memberCards.id, sql.placeholder('id')))
    .limit(1)
    .prepare('member_card_by_id'),
);

export async function findCardById(db: Db, id: number): Promise<CardWithOrg | null> {
  const [row] = await cardById(db).execute({ id });
  return row ? flatten(row) : null;
}

export interface CardForVerification {
  id: number;
  cardNo: string;
  status: string;
  memberName: string;
  orgName: string;
  /** True when the check was recorded as valid: the card is active and this verifier had not used the nonce. */
  recordedValid: boolean;
}

const cardCheck = preparedPerDb((db) => {
  const card = db
    .$with('card', {
      id: sql<number>`id`.as('id'),
      cardNo: sql<string>`card_no`.as('card_no'),
      status: sql<string>`status`.as('status'),
      memberName: sql<string>`member_name`.as('member_name'),
      orgName: sql<string>`org_name`.as('org_name'),
    })
    .as(sql`
      select c.id, c.card_no, c.status, m.name as member_name, o.name as org_name
      from member_cards c
      join members m on m.id = c.member_id
      join orgs o on o.id = c.org_id
      where c.id = ${sql.placeholder('cardId')}::bigint`);
  const recorded = db.$with('recorded', { id: sql<number>`id`.as('id') }).as(sql`
      insert into card_verifications (card_id, verifier, nonce, verified_at, result)
      select id, ${sql.placeholder('verifier')}::text, ${sql.placeholder('nonce')}::text,
             ${sql.placeholder('at')}::timestamptz, 'valid'
      from card where status = 'active'
      on conflict (nonce, verifier) where result = 'valid' do nothing
      returning id`);
  return db
    .with(card, recorded)
    .select({
      id: card.id,
      cardNo: card.cardNo,
      status: card.status,
      memberName: card.memberName,
      orgName: card.orgName,
      recordedValid: sql<boolean>`exists (select 1 from ${recorded})`,
    })
    .from(card)
    .prepare('card_check');
});

/**
 * A card check in one prepared statement, the common case of a merchant's scan: reads the card and,
 * when it is active, records the check as valid unless this verifier already used the token's nonce
 * (the partial unique index). Anything else (no card, not active, a replay) is recorded by the caller.
 */
export async function verifyAndRecord(
  db: Db,
  check: { cardId: number; verifier: string; nonce: string; at: Date },
): Promise<CardForVerification | null> {
  const [row] = await cardCheck(db).execute({ ...check, at: check.at.toISOString() });
  return row ? { ...row, id: Number(row.id), recordedValid: row.recordedValid === true } : null;
}

/** The member's card that is active or suspended, if any. */
export async function findCurrentCard(db: Db, memberId: number): Promise<CardWithOrg | null> {
  const [row] = await db
    .select(withNames)
    .from(memberCards)
    .innerJoin(orgs, eq(orgs.id, memberCards.orgId))
    .innerJoin(members, eq(members.id, memberCards.memberId))
    .where(and(eq(memberCards.memberId, memberId), inArray(memberCards.status, ['active', 'suspended'])))
    .limit(1);
  return row ? flatten(row) : null;
}

export async function listCardsOfMember(db: Db, memberId: number): Promise<CardWithOrg[]> {
  const rows = await db
    .select(withNames)
    .from(memberCards)
    .innerJoin(orgs, eq(orgs.id, memberCards.orgId))
    .innerJoin(members, eq(members.id, memberCards.memberId))
    .where(eq(memberCards.memberId, memberId))
    .orderBy(desc(memberCards.issuedAt), desc(memberCards.id));
  return rows.map(flatten);
}

/** The next serial for a region and year: one atomic upsert, so concurrent issuers never share one. */
export async function nextSerial(db: Db, regionCode: string, year: number): Promise<number> {
  const [row] = await db
    .insert(cardSerials)
    .values({ regionCode, year, last: 1 })
    .onConflictDoUpdate({
      target: [cardSerials.regionCode, cardSerials.year],
      set: { last: sql`${cardSerials.last} + 1` },
    })
    .returning({ last: cardSerials.last });
  return row!.last;
}

export async function insertCard(db: Db, values: typeof memberCards.$inferInsert): Promise<number> {
  const [row] = await db.insert(memberCards).values(values).returning({ id: memberCards.id });
  return row!.id;
}

export async function updateCardStatus(db: Db, id: number, status: string, at: Date): Promise<void> {
  await db.update(memberCards).set({ status, statusChangedAt: at }).where(eq(memberCards.id, id));
}

export async function linkReplacement(db: Db, id: number, replacedById: number): Promise<void> {
  await db.update(memberCards).set({ replacedById }).where(eq(memberCards.id, id));
}

export async function setMemberCardNo(db: Db, memberId: number, cardNo: string | null, at: Date) {
  await db.update(members).set({ cardNo, updatedAt: at }).where(eq(members.id, memberId));
}

/** The active membership of the person whose phone signed in to this member account. */
export async function findActiveMemberOfAccount(db: Db, accountId: number): Promise<number | null> {
  const [row] = await db
    .select({ id: members.id })
    .from(memberAccounts)
    .innerJoin(members, eq(members.phoneHash, memberAccounts.phoneHash))
    .where(and(eq(memberAccounts.id, accountId), eq(members.status, 'active')))
    .orderBy(desc(members.id))
    .limit(1);
  return row?.id ?? null;
}

/**
 * Records a presentation of a token. A valid one is stored only if this verifier has not already
 * presented the nonce; false means it had (a replay).
 */
export async function recordVerification(
  db: Db,
  values: typeof cardVerifications.$inferInsert,
): Promise<boolean> {
  const rows = await db.insert(cardVerifications).values(values).onConflictDoNothing().returning({
    id: cardVerifications.id,
  });
  return rows.length > 0;
}
