import { Role } from '@hub/shared';
import type { User } from '../users';

/** The three start-page dashboards. */
export type DashboardAction = 'readOfficerDashboard' | 'readCoordinatorDashboard' | 'readMinistryDashboard';

/**
 * Who sees which start-page dashboard. An officer's dashboard is about her own municipality; the
 * coordinators' shows the network's work queue and activity (names and e-mail addresses: network
 * members only); the ministry's holds aggregates of published projects only, never contact data,
 * and coordinators see it too.
 */
export const dashboardPolicy = {
  can(actor: User | null, action: DashboardAction): boolean {
    switch (action) {
      case 'readOfficerDashboard':
        return actor?.role === Role.OFFICER && actor.municipalityId !== null;
      case 'readCoordinatorDashboard':
        return actor?.role === Role.COORDINATOR;
      case 'readMinistryDashboard':
        return actor?.role === Role.MINISTRY || actor?.role === Role.COORDINATOR;
    }
  },

  /**
   * What the officer's dashboard lists, as the SQL of its queries filters it: the municipality
   * whose action items, projects and profile it shows (null: no officer dashboard).
   */
  officerScope(actor: User | null): { municipalityId: string; userId: string } | null {
    if (!this.can(actor, 'readOfficerDashboard') || !actor?.municipalityId) return null;
    return { municipalityId: actor.municipalityId, userId: actor.id };
  },
};
