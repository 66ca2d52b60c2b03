import type {
  CreatePackageBody,
  CreateServiceBody,
  Service,
  ServicePackage,
  ServiceQuery,
  UpdatePackageBody,
  UpdateServiceBody,
} from '@unionhub/contracts';
import { adminApi } from '../../lib/api';

export function listServices(query: ServiceQuery): Promise<{ items: Service[]; total: number }> {
  return adminApi.get('/services', { query: { ...query } });
}

export function createService(body: CreateServiceBody): Promise<Service> {
  return adminApi.post<Service>('/services', body);
}

export function updateService(id: number, body: UpdateServiceBody): Promise<Service> {
  return adminApi.request<Service>('PATCH', `/services/${id}`, { body });
}

export function listPackages(orgId?: number): Promise<{ items: ServicePackage[] }> {
  return adminApi.get('/service-packages', { query: orgId ? { orgId } : {} });
}

export function createPackage(body: CreatePackageBody): Promise<ServicePackage> {
  return adminApi.post<ServicePackage>('/service-packages', body);
}

export function updatePackage(id: number, body: UpdatePackageBody): Promise<ServicePackage> {
  return adminApi.request<ServicePackage>('PATCH', `/service-packages/${id}`, { body });
}

export function changeServiceStatus(id: number, action: 'publish' | 'withdraw'): Promise<Service> {
  return adminApi.post<Service>(`/services/${id}/${action}`);
}
