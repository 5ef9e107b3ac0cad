import { Role, UserStatus } from '@hub/shared';
import { isCoordinator, isNetworkMember } from '../auth/viewer';
import type { User } from './user.entity';

/** Who may see and change people. DSGVO: the ministry and the public never see contact data. */
export const userPolicy = {
  /** Names, positions and municipalities: any signed-in person. */
  canRead(viewer: User | null, _person: User): boolean {
    return userPolicy.canReadNames(viewer);
  },

  /** Whether the viewer may see people's names at all (DSGVO: the public never; OParl asks this too). */
  canReadNames(viewer: User | null): boolean {
    return viewer !== null;
  },

  /** E-mail and phone: the person, and the network's members (coordinators and officers). */
  canReadContact(viewer: User | null, person: User): boolean {
    // An erased person has no contact data left (their stored address is a placeholder).
    if (person.erasedAt) return false;
    return viewer?.id === person.id || isNetworkMember(viewer);
  },

  /** Account status: the person and coordinators. */
  canReadAccount(viewer: User | null, person: User): boolean {
    return viewer?.id === person.id || isCoordinator(viewer);
  },

  /** The people list: the network's members (it carries contact data). */
  canList(viewer: User | null): boolean {
    return isNetworkMember(viewer);
  },

  /** Deactivated people appear in lists for coordinators only. */
  canSeeDeactivated(viewer: User | null): boolean {
    return isCoordinator(viewer);
  },

  canInvite(viewer: User | null): boolean {
    return isCoordinator(viewer);
  },

  canUpdateProfile(viewer: User | null, person: User): boolean {
    if (person.erasedAt) return false;
    return viewer?.id === person.id || isCoordinator(viewer);
  },

  /** Deactivate, reactivate, change the role: coordinators, never for themselves, never for an erased person. */
  canManage(viewer: User | null, person: User): boolean {
    return isCoordinator(viewer) && viewer.id !== person.id && !person.erasedAt;
  },

  canResendInvitation(viewer: User | null, person: User): boolean {
    return isCoordinator(viewer) && person.status === UserStatus.INVITED && !person.erasedAt;
  },

  /** The CSV import of officers creates accounts: coordinators only. */
  canImport(viewer: User | null): boolean {
    return isCoordinator(viewer);
  },

  /** Roles a coordinator may give when inviting. */
  invitableRoles: [Role.COORDINATOR, Role.OFFICER, Role.MINISTRY] as const,
};
