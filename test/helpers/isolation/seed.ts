/**
 * Each feature seeds workspace A with one record of every kind its routes name, so the tenant-isolation walk
 * can probe those routes from workspace B. A feature adds its own file here and lists it in `index.ts`.
 */
import type { TestWorkspace } from '../factories.ts';

export interface IsolationBase {
  workspace: TestWorkspace;
  /** A person and an organisation of workspace A, to hang records on. */
  personId: string;
  organisationId: string;
}

export interface IsolationRecords {
  /** Route `resource` kind → the id of one record of that kind. */
  resources?: Record<string, string>;
  /** Extra path parameter name → a value pointing at workspace A. */
  params?: Record<string, string>;
  /** Strings that must never appear in workspace B's answers. */
  secrets?: string[];
}

export type IsolationSeed = (base: IsolationBase) => Promise<IsolationRecords>;
