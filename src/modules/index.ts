/**
 * The capabilities of Rapport, each a Fastify plugin with its routes. Adding a capability means adding it
 * here; the tenant-isolation test then covers its routes without further ado.
 */
import type { FastifyPluginAsync } from 'fastify';
import { authRoutes } from './auth/auth-routes.ts';
import { healthRoutes } from './health/health-routes.ts';
import { historyRoutes } from './history/history-routes.ts';
import { jobRoutes } from './jobs/job-routes.ts';
import { searchRoutes } from './search/search-routes.ts';
import { registerSearchProvider } from './search/search-registry.ts';
import { tokenRoutes } from './tokens/token-routes.ts';
import { userRoutes } from './users/user-routes.ts';
import { userSearch } from './users/user-search.ts';
import { workspaceRoutes } from './workspaces/workspace-routes.ts';
import { partyRoutes } from './parties/party-routes.ts';
import { partyRelationRoutes } from './parties/party-relation-routes.ts';
import { partySearch } from './parties/party-search.ts';
import { customFieldRoutes } from './custom-fields/custom-field-routes.ts';
import { teamRoutes } from './teams/team-routes.ts';
import { viewRoutes } from './views/view-routes.ts';
import { interactionRoutes } from './interactions/interaction-routes.ts';
import { taskRoutes } from './tasks/task-routes.ts';
import { alertRoutes } from './alerts/alert-routes.ts';
import { catalogueRoutes } from './commerce/catalogue-routes.ts';
import { orderRoutes } from './commerce/order-routes.ts';
import { billingRoutes } from './billing/billing-routes.ts';
import { statusRoutes } from './billing/status-routes.ts';
import { caseRoutes } from './cases/case-routes.ts';
import { feedbackRoutes } from './feedback/feedback-routes.ts';
import { timelineRoutes } from './timeline/timeline-routes.ts';
import { metricsRoutes } from './metrics/metrics-routes.ts';
import { importRoutes } from './imports/import-routes.ts';
import { exportRoutes } from './exports/export-routes.ts';
import { duplicateRoutes } from './duplicates/duplicate-routes.ts';
import { mergeRoutes } from './duplicates/merge-routes.ts';

registerSearchProvider(partySearch);
registerSearchProvider(userSearch);

export const modules: FastifyPluginAsync[] = [
  healthRoutes,
  authRoutes,
  workspaceRoutes,
  userRoutes,
  tokenRoutes,
  historyRoutes,
  searchRoutes,
  jobRoutes,
  partyRoutes,
  partyRelationRoutes,
  customFieldRoutes,
  teamRoutes,
  viewRoutes,
  interactionRoutes,
  taskRoutes,
  alertRoutes,
  catalogueRoutes,
  orderRoutes,
  billingRoutes,
  statusRoutes,
  caseRoutes,
  feedbackRoutes,
  timelineRoutes,
  metricsRoutes,
  importRoutes,
  exportRoutes,
  duplicateRoutes,
  mergeRoutes,
] as FastifyPluginAsync[];
