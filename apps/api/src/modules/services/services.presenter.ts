import type {
  OfferedService,
  Service,
  ServiceCategory,
  ServiceHandler,
  ServicePackage,
  ServiceStatus,
} from '@unionhub/contracts';
import type { PackageWithOrg, ServiceWithOrg } from './services.repository.js';

export function presentService(row: ServiceWithOrg): Service {
  return {
    id: row.id,
    orgId: row.orgId,
    orgName: row.orgName,
    name: row.name,
    category: row.category as ServiceCategory,
    summary: row.summary,
    description: row.description,
    eligibility: row.eligibility,
    form: row.form,
    attachments: row.attachments,
    acceptWithinDays: row.acceptWithinDays,
    completeWithinDays: row.completeWithinDays,
    handler: row.handler as ServiceHandler,
    requestType: row.requestType,
    status: row.status as ServiceStatus,
    overridesServiceId: row.overridesServiceId,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentOffered(row: ServiceWithOrg, reason: string | null): OfferedService {
  return {
    id: row.id,
    orgName: row.orgName,
    name: row.name,
    category: row.category as ServiceCategory,
    summary: row.summary,
    description: row.description,
    eligibility: row.eligibility,
    form: row.form,
    attachments: row.attachments,
    acceptWithinDays: row.acceptWithinDays,
    completeWithinDays: row.completeWithinDays,
    eligible: reason === null,
    ineligibleReason: reason,
  };
}

export function presentPackage(row: PackageWithOrg): ServicePackage {
  return {
    id: row.id,
    orgId: row.orgId,
    orgName: row.orgName,
    name: row.name,
    description: row.description,
    target: row.target,
    serviceIds: row.serviceIds,
    status: row.status as ServiceStatus,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
