import type { MembershipStatus, MunicipalityKind } from '../../gql/graphql';
import type { PlainMessageKey } from '../../i18n';

export const statusLabel: Record<MembershipStatus, PlainMessageKey> = {
  INVITED: 'members.status.INVITED',
  APPLIED: 'members.status.APPLIED',
  ACTIVE: 'members.status.ACTIVE',
  SUSPENDED: 'members.status.SUSPENDED',
  LEFT: 'members.status.LEFT',
  DECLINED: 'members.status.DECLINED',
};

export const kindLabel: Record<MunicipalityKind, PlainMessageKey> = {
  KREISFREIE_STADT: 'members.kind.KREISFREIE_STADT',
  LANDKREIS: 'members.kind.LANDKREIS',
  VERBANDSGEMEINDE: 'members.kind.VERBANDSGEMEINDE',
  VERBANDSFREIE_GEMEINDE: 'members.kind.VERBANDSFREIE_GEMEINDE',
  STADT: 'members.kind.STADT',
  ORTSGEMEINDE: 'members.kind.ORTSGEMEINDE',
  GEMEINDEFREIES_GEBIET: 'members.kind.GEMEINDEFREIES_GEBIET',
};

export const membershipStatuses = Object.keys(statusLabel) as MembershipStatus[];
export const municipalityKinds = Object.keys(kindLabel) as MunicipalityKind[];
