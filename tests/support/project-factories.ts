import { randomBytes } from 'node:crypto';
import {
  CostRecurrence,
  CostType,
  ProjectCategory,
  ProjectParticipantRole,
  ProjectPhase,
  ProjectStatus,
} from '@hub/shared';
import type { DataSource } from 'typeorm';
import { renderMarkdown } from '../../packages/api/src/markdown';
import { Project } from '../../packages/api/src/modules/projects/project.entity';
import {
  ProjectCost,
  ProjectParticipant,
  ProjectStatusUpdate,
} from '../../packages/api/src/modules/projects/project-details.entity';
import { freshMunicipality } from './network-factories';

export interface ProjectOverrides extends Partial<Project> {
  /** A municipality no other project of the test file leads, unless given. */
  leadMunicipalityId?: string;
  partnerIds?: string[];
  interestedIds?: string[];
  costs?: { amountCents: number; recurrence?: CostRecurrence; costType?: CostType; label?: string }[];
  statusUpdates?: { reportedOn: string; progressPercent: number; phase?: ProjectPhase; text?: string }[];
}

/** A project (published unless given) with its lead participant, partners, costs and status updates. */
export async function buildProject(
  dataSource: DataSource,
  overrides: ProjectOverrides = {},
): Promise<Project> {
  const { partnerIds = [], interestedIds = [], costs = [], statusUpdates = [], ...fields } = overrides;
  const leadMunicipalityId = fields.leadMunicipalityId ?? (await freshMunicipality(dataSource)).id;
  const description = fields.description ?? '';
  const project = dataSource.getRepository(Project).create({
    title: `Projekt ${randomBytes(3).toString('hex')}`,
    summary: '',
    category: ProjectCategory.ADMINISTRATION,
    phase: ProjectPhase.PILOT,
    status: ProjectStatus.PUBLISHED,
    publishedAt: new Date(),
    implementationNotes: '',
    lessonsLearned: '',
    adaptationNotes: '',
    adoptionCount: 0,
    isDemo: false,
    isNetworkProject: false,
    ...fields,
    leadMunicipalityId,
    description,
    descriptionHtml: renderMarkdown(description),
  });
  await dataSource.getRepository(Project).insert(project);
  await dataSource.getRepository(ProjectParticipant).insert([
    {
      projectId: project.id,
      municipalityId: project.leadMunicipalityId,
      role: ProjectParticipantRole.LEAD,
    },
    ...partnerIds.map((municipalityId) => ({
      projectId: project.id,
      municipalityId,
      role: ProjectParticipantRole.PARTNER,
    })),
    ...interestedIds.map((municipalityId) => ({
      projectId: project.id,
      municipalityId,
      role: ProjectParticipantRole.INTERESTED,
    })),
  ]);
  if (costs.length) {
    await dataSource.getRepository(ProjectCost).insert(
      costs.map((c, position) => ({
        projectId: project.id,
        position,
        label: c.label ?? `Posten ${position + 1}`,
        costType: c.costType ?? CostType.SERVICES,
        recurrence: c.recurrence ?? CostRecurrence.ONE_OFF,
        amountCents: c.amountCents,
        currency: 'EUR',
      })),
    );
  }
  if (statusUpdates.length) {
    await dataSource.getRepository(ProjectStatusUpdate).insert(
      statusUpdates.map((u) => ({
        projectId: project.id,
        reportedOn: u.reportedOn,
        progressPercent: u.progressPercent,
        phase: u.phase ?? project.phase,
        text: u.text ?? 'Sachstand',
      })),
    );
  }
  return project;
}
