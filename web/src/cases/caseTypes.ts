/** Cases and SLA targets as the API presents them. */
import type { CaseOutput } from '../../../src/modules/cases/case-schemas.ts';
import type { CaseChannel, CasePriority, CaseStatus, CaseType, SlaState } from '../../../src/modules/cases/case-reference.ts';

export type { CaseChannel, CasePriority, CaseStatus, CaseType, SlaState };

export type Case = Omit<CaseOutput, 'type' | 'channel' | 'priority' | 'status' | 'nextStatuses' | 'slaState'> & {
  type: CaseType;
  channel: CaseChannel;
  priority: CasePriority;
  status: CaseStatus;
  nextStatuses: CaseStatus[];
  slaState: SlaState;
};

export interface CasePage {
  data: Case[];
  nextCursor: string | null;
}

export interface SlaPolicy {
  priority: CasePriority;
  firstResponseMinutes: number;
  resolutionMinutes: number;
  isDefault: boolean;
  updatedAt: string | null;
}

export interface SlaPolicies {
  clock: 'elapsed';
  data: SlaPolicy[];
}
