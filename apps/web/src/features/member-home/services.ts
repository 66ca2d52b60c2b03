import {
  AppstoreOutlined,
  AuditOutlined,
  BookOutlined,
  CreditCardOutlined,
  HeartOutlined,
  ReadOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ComponentType } from 'react';

export interface MemberService {
  key: 'join' | 'card' | 'hall' | 'legal' | 'lectures' | 'assistance' | 'jobs' | 'training' | 'merchants';
  icon: ComponentType;
  color: string;
  /** The member-app path once the module exists; until then the tile says it is coming. */
  path?: string;
}

/** The home grid, as data: a module that ships sets its `path` and the tile opens it. */
export const memberServices: MemberService[] = [
  { key: 'join', icon: TeamOutlined, color: '#e4393c', path: '/m/join' },
  { key: 'card', icon: CreditCardOutlined, color: '#fa8c16', path: '/m/card' },
  { key: 'hall', icon: AppstoreOutlined, color: '#1677ff', path: '/m/hall' },
  { key: 'legal', icon: AuditOutlined, color: '#722ed1', path: '/m/legal' },
  { key: 'lectures', icon: BookOutlined, color: '#2f54eb', path: '/m/lectures' },
  { key: 'assistance', icon: HeartOutlined, color: '#eb2f96', path: '/m/assistance' },
  { key: 'jobs', icon: SolutionOutlined, color: '#13a8a8', path: '/m/jobs' },
  { key: 'training', icon: ReadOutlined, color: '#52c41a' },
  { key: 'merchants', icon: ShopOutlined, color: '#faad14' },
];
