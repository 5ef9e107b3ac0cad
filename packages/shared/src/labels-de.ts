import { MunicipalityKind } from './municipalities';
import { MembershipStatus } from './network';
import { ProjectPhase, ProjectStatus } from './projects';

/*
 * German labels of the enums that leave the hub in files (CSV and XLSX exports), worded as the web
 * catalogue (packages/web/src/i18n/de.ts) shows them, so a spreadsheet reads like the screen.
 */

export const projectPhaseLabelsDe: Record<ProjectPhase, string> = {
  [ProjectPhase.IDEA]: 'Idee',
  [ProjectPhase.CONCEPT]: 'Konzept',
  [ProjectPhase.PILOT]: 'Pilot',
  [ProjectPhase.ROLLOUT]: 'Ausrollen',
  [ProjectPhase.OPERATIONAL]: 'Im Betrieb',
  [ProjectPhase.TRANSFERRED]: 'Übertragen',
  [ProjectPhase.DISCONTINUED]: 'Eingestellt',
};

export const projectStatusLabelsDe: Record<ProjectStatus, string> = {
  [ProjectStatus.DRAFT]: 'Entwurf',
  [ProjectStatus.PUBLISHED]: 'Veröffentlicht',
};

export const municipalityKindLabelsDe: Record<MunicipalityKind, string> = {
  [MunicipalityKind.KREISFREIE_STADT]: 'Kreisfreie Stadt',
  [MunicipalityKind.LANDKREIS]: 'Landkreis',
  [MunicipalityKind.VERBANDSGEMEINDE]: 'Verbandsgemeinde',
  [MunicipalityKind.VERBANDSFREIE_GEMEINDE]: 'Verbandsfreie Gemeinde',
  [MunicipalityKind.STADT]: 'Stadt',
  [MunicipalityKind.ORTSGEMEINDE]: 'Ortsgemeinde',
  [MunicipalityKind.GEMEINDEFREIES_GEBIET]: 'Gemeindefreies Gebiet',
};

export const membershipStatusLabelsDe: Record<MembershipStatus, string> = {
  [MembershipStatus.INVITED]: 'Eingeladen',
  [MembershipStatus.APPLIED]: 'Beworben',
  [MembershipStatus.ACTIVE]: 'Aktives Mitglied',
  [MembershipStatus.SUSPENDED]: 'Ruhend',
  [MembershipStatus.LEFT]: 'Ausgetreten',
  [MembershipStatus.DECLINED]: 'Abgelehnt',
};
