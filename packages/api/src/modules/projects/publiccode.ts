import { ProjectPhase } from '@hub/shared';
import { isURL } from 'class-validator';
import { deferredModule } from '../../deferred-module';
import { fail } from '../../graphql/user-error';
import type { Project } from './project.entity';
import type { ProjectDraft } from './project.types';

/** The YAML library, loaded on first use (deferred-module.ts). */
const yaml = deferredModule(() => require('yaml') as typeof import('yaml'));

const DEVELOPMENT_STATUS: Record<ProjectPhase, string> = {
  [ProjectPhase.IDEA]: 'concept',
  [ProjectPhase.CONCEPT]: 'concept',
  [ProjectPhase.PILOT]: 'beta',
  [ProjectPhase.ROLLOUT]: 'stable',
  [ProjectPhase.OPERATIONAL]: 'stable',
  [ProjectPhase.TRANSFERRED]: 'stable',
  [ProjectPhase.DISCONTINUED]: 'obsolete',
};

/**
 * The project's solution as a publiccode.yml (publiccode.yml 0.4, the metadata standard openCode
 * uses). Only fields the hub knows are written; no personal data (no maintenance contacts).
 */
export function toPubliccodeYml(project: Project, leadMunicipalityName: string | null): string {
  const document: Record<string, unknown> = {
    publiccodeYmlVersion: '0.4',
    name: project.solutionProduct ?? project.title,
    ...(project.solutionRepositoryUrl ? { url: project.solutionRepositoryUrl } : {}),
    platforms: ['web'],
    developmentStatus: DEVELOPMENT_STATUS[project.phase],
    softwareType: 'standalone/web',
    description: {
      de: {
        shortDescription: (project.summary || project.title).slice(0, 150),
        longDescription: project.description || project.summary || project.title,
        features: [project.title],
      },
    },
    legal: {
      license:
        project.solutionLicence ?? (project.solutionOpenSource ? 'NOASSERTION' : 'LicenseRef-proprietary'),
      ...(project.solutionVendor ? { mainCopyrightOwner: project.solutionVendor } : {}),
    },
    maintenance: project.solutionVendor
      ? {
          type: 'contract',
          contractors: [{ name: project.solutionVendor, until: project.endDate ?? '2099-12-31' }],
        }
      : { type: 'none' },
    localisation: { localisationReady: false, availableLanguages: ['de'] },
    ...(leadMunicipalityName ? { usedBy: [leadMunicipalityName] } : {}),
  };
  return yaml().stringify(document, { lineWidth: 0 });
}

function text(value: unknown, max: number): string | null {
  return typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : null;
}

/** Reads a publiccode.yml into the fields of a new project; userErrors for anything unusable. */
export function fromPubliccodeYml(source: string): ProjectDraft {
  let document: unknown;
  try {
    // yaml's parse builds plain data only (no custom tags); aliases are capped against "billion laughs".
    document = yaml().parse(source, { maxAliasCount: 50, prettyErrors: false });
  } catch (error) {
    fail('INVALID_YAML', `This is not valid YAML: ${(error as Error).message.split('\n')[0]}`, 'yaml');
  }
  if (!document || typeof document !== 'object' || Array.isArray(document))
    fail('INVALID_PUBLICCODE', 'A publiccode.yml is a YAML mapping.', 'yaml');
  const doc = document as Record<string, unknown>;
  if (!doc.publiccodeYmlVersion)
    fail('INVALID_PUBLICCODE', 'publiccodeYmlVersion is missing: is this a publiccode.yml?', 'yaml');
  const name = text(doc.name, 200);
  if (!name) fail('INVALID_PUBLICCODE', 'name is missing.', 'yaml');
  const descriptions = (
    doc.description && typeof doc.description === 'object' ? doc.description : {}
  ) as Record<string, Record<string, unknown>>;
  const description =
    descriptions.de ??
    descriptions.deu ??
    descriptions.en ??
    descriptions.eng ??
    Object.values(descriptions)[0] ??
    {};
  const legal = (doc.legal && typeof doc.legal === 'object' ? doc.legal : {}) as Record<string, unknown>;
  const maintenance = (
    doc.maintenance && typeof doc.maintenance === 'object' ? doc.maintenance : {}
  ) as Record<string, unknown>;
  const contractors = Array.isArray(maintenance.contractors)
    ? (maintenance.contractors as Record<string, unknown>[])
    : [];
  const licence = text(legal.license, 200);
  let repositoryUrl = text(doc.url, 500);
  if (repositoryUrl && !isURL(repositoryUrl, { protocols: ['http', 'https'], require_protocol: true }))
    repositoryUrl = null;
  return {
    title: name,
    summary: text(description?.shortDescription, 1000),
    description: text(description?.longDescription, 50_000),
    solution: {
      product: name,
      vendor: text(legal.mainCopyrightOwner, 200) ?? text(contractors[0]?.name, 200),
      openSource: licence ? !/^LicenseRef-/i.test(licence) && licence !== 'NOASSERTION' : null,
      licence,
      repositoryUrl,
    },
  };
}
