import type { ConsultationField, DutySlot, LegalProvider, PublicProvider } from '@unionhub/contracts';
import { findRegion } from '../regions/index.js';
import type { ProviderView, SlotView } from './legal-providers.repository.js';

export function presentProvider(row: ProviderView): LegalProvider {
  return {
    id: row.id,
    org: { id: row.orgId, name: row.orgName },
    kind: row.kind as LegalProvider['kind'],
    name: row.name,
    firm: row.firm,
    licenceNo: row.licenceNo,
    fields: row.fields as ConsultationField[],
    regionCode: row.regionCode,
    regionName: findRegion(row.regionCode)?.name ?? null,
    languages: row.languages,
    phoneMasked: row.phoneMasked,
    status: row.status as LegalProvider['status'],
    account: row.staffUserId && row.username ? { id: row.staffUserId, username: row.username } : null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The directory card: no phone, no licence number, no account. */
export function presentPublicProvider(row: ProviderView): PublicProvider {
  return {
    id: row.id,
    kind: row.kind as PublicProvider['kind'],
    name: row.name,
    firm: row.firm,
    fields: row.fields as ConsultationField[],
    regionCode: row.regionCode,
    regionName: findRegion(row.regionCode)?.name ?? null,
    languages: row.languages,
    orgName: row.orgName,
  };
}

export function presentSlot(row: SlotView): DutySlot {
  return {
    id: row.id,
    orgId: row.orgId,
    provider: {
      id: row.providerId,
      name: row.providerName,
      kind: row.providerKind as DutySlot['provider']['kind'],
    },
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    fields: row.fields as ConsultationField[],
  };
}
