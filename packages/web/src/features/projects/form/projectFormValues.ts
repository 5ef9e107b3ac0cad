import type { CostRecurrence, CostType, ProjectCategory, ProjectPhase } from '../../../gql/graphql';
import { type FormErrors, type FormMessage, noFormErrors } from '../../../ui/formErrors';
import type { PickedMunicipality } from '../../members/MunicipalityPicker';
import { parseEuroToCents } from '../money';
import type { PickedWorkingGroup } from '../WorkingGroupPicker';

export interface FundingRow {
  programme: string;
  euro: string;
  /** Whole percent 0–100, or empty when unknown. */
  share: string;
}

export interface MilestoneRow {
  title: string;
  dueDate: string;
  done: boolean;
}

/** A person who may be chosen as a contact: an officer of a participating municipality or a coordinator. */
export interface ContactOption {
  id: string;
  name: string;
  coordinator: boolean;
}

export interface CostRow {
  label: string;
  costType: CostType;
  recurrence: CostRecurrence;
  euro: string;
}

export interface ProjectFormValues {
  title: string;
  summary: string;
  description: string;
  category: ProjectCategory | '';
  phase: ProjectPhase;
  startDate: string;
  endDate: string;
  product: string;
  vendor: string;
  openSource: boolean;
  licence: string;
  repositoryUrl: string;
  costs: CostRow[];
  publish: boolean;
  /** Coordinators choose it; officers lead for their own municipality. */
  lead: PickedMunicipality | null;
  partners: PickedMunicipality[];
  funding: FundingRow[];
  milestones: MilestoneRow[];
  contactIds: string[];
  workingGroup: PickedWorkingGroup | null;
  isNetworkProject: boolean;
  implementationNotes: string;
  lessonsLearned: string;
}

export const emptyProjectForm: ProjectFormValues = {
  title: '',
  summary: '',
  description: '',
  category: '',
  phase: 'IDEA',
  startDate: '',
  endDate: '',
  product: '',
  vendor: '',
  openSource: false,
  licence: '',
  repositoryUrl: '',
  costs: [],
  publish: false,
  lead: null,
  partners: [],
  funding: [],
  milestones: [],
  contactIds: [],
  workingGroup: null,
  isNetworkProject: false,
  implementationNotes: '',
  lessonsLearned: '',
};

/** A whole percentage from 0 to 100, null for an empty field, undefined when invalid. */
function parseShare(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (!trimmed) return null;
  if (!/^\d{1,3}$/.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return value <= 100 ? value : undefined;
}

/** The values as the API's input fields (amounts in cents); call it with values validateProject accepted. */
export function toProjectInput(values: ProjectFormValues) {
  const costs = values.costs.map((row) => ({
    label: row.label.trim(),
    costType: row.costType,
    recurrence: row.recurrence,
    amountCents: parseEuroToCents(row.euro) ?? 0,
  }));
  const funding = values.funding.map((row) => ({
    programme: row.programme.trim(),
    amountCents: parseEuroToCents(row.euro) ?? 0,
    sharePercent: parseShare(row.share) ?? null,
  }));
  return {
    title: values.title.trim(),
    summary: values.summary.trim(),
    description: values.description,
    category: values.category as ProjectCategory,
    phase: values.phase,
    startDate: values.startDate || null,
    endDate: values.endDate || null,
    solution: {
      product: values.product || null,
      vendor: values.vendor || null,
      openSource: values.openSource,
      licence: values.licence || null,
      repositoryUrl: values.repositoryUrl.trim() || null,
    },
    costs,
    partnerMunicipalityIds: values.partners.map((p) => p.id),
    funding,
    milestones: values.milestones.map((m) => ({
      title: m.title.trim(),
      dueDate: m.dueDate || null,
      done: m.done,
    })),
    workingGroupId: values.workingGroup?.id ?? null,
    isNetworkProject: values.isNetworkProject,
    contactIds: values.contactIds,
    implementationNotes: values.implementationNotes,
    lessonsLearned: values.lessonsLearned,
  };
}

/** The input ids of the fields, in the order of the form, keyed by the API's field path. */
export function projectFieldIds(values: ProjectFormValues): Record<string, string> {
  const ids: Record<string, string> = {
    title: 'project-title',
    summary: 'project-summary',
    category: 'project-category',
    leadMunicipalityId: 'project-lead',
    partnerMunicipalityIds: 'project-partner',
    description: 'project-description',
    phase: 'project-phase',
    startDate: 'project-startDate',
    endDate: 'project-endDate',
    'solution.product': 'project-product',
    'solution.vendor': 'project-vendor',
    'solution.licence': 'project-licence',
    'solution.repositoryUrl': 'project-repository',
    implementationNotes: 'project-implementation-notes',
    lessonsLearned: 'project-lessons-learned',
  };
  values.costs.forEach((_, i) => {
    ids[`costs.${i}.label`] = `project-cost-${i + 1}-label`;
    ids[`costs.${i}.amountCents`] = `project-cost-${i + 1}-amount`;
  });
  values.funding.forEach((_, i) => {
    ids[`funding.${i}.programme`] = `project-funding-${i + 1}-programme`;
    ids[`funding.${i}.amountCents`] = `project-funding-${i + 1}-amount`;
    ids[`funding.${i}.sharePercent`] = `project-funding-${i + 1}-share`;
  });
  values.milestones.forEach((_, i) => {
    ids[`milestones.${i}.title`] = `project-milestone-${i + 1}-title`;
    ids[`milestones.${i}.dueDate`] = `project-milestone-${i + 1}-due`;
  });
  ids.workingGroupId = 'project-working-group';
  ids.contactIds = 'project-contacts';
  return ids;
}

/** What the browser can check before sending: each problem on its field. */
export function validateProject(values: ProjectFormValues): FormErrors<string> {
  const errors = noFormErrors<string>();
  const add = (field: string, message: FormMessage) => {
    errors.fields[field] = message;
  };
  if (values.title.trim().length < 3) add('title', (t) => t('projects.form.titleRequired'));
  if (!values.category) add('category', (t) => t('projects.form.categoryRequired'));
  if (values.startDate && values.endDate && values.endDate < values.startDate)
    add('endDate', (t) => t('projects.form.endBeforeStart'));
  values.costs.forEach((row, i) => {
    if (!row.label.trim()) add(`costs.${i}.label`, (t) => t('projects.form.costLabelRequired', { n: i + 1 }));
    if (parseEuroToCents(row.euro) === null)
      add(`costs.${i}.amountCents`, (t) => t('projects.form.amountInvalid'));
  });
  values.funding.forEach((row, i) => {
    if (!row.programme.trim())
      add(`funding.${i}.programme`, (t) => t('projects.form.programmeRequired', { n: i + 1 }));
    if (parseEuroToCents(row.euro) === null)
      add(`funding.${i}.amountCents`, (t) => t('projects.form.amountInvalid'));
    if (parseShare(row.share) === undefined)
      add(`funding.${i}.sharePercent`, (t) => t('projects.form.shareInvalid'));
  });
  values.milestones.forEach((row, i) => {
    if (!row.title.trim()) add(`milestones.${i}.title`, (t) => t('projects.form.milestoneTitleRequired'));
  });
  return errors;
}

/** What every section of the form gets: the values, a setter per value, and the errors per API field path. */
export interface ProjectFormSectionProps {
  values: ProjectFormValues;
  /** A setter for one value; changing it clears the error of `field` (the API's path, the key by default). */
  set: <K extends keyof ProjectFormValues>(key: K, field?: string) => (value: ProjectFormValues[K]) => void;
  error: (field: string) => FormMessage | undefined;
}

/** A section that edits a list of rows (costs, funding, milestones). */
export interface ProjectFormRowsProps<K extends 'costs' | 'funding' | 'milestones'> {
  rows: ProjectFormValues[K];
  /** Replaces the rows; the rows' errors no longer point at the right rows and are cleared. */
  onChange: (rows: ProjectFormValues[K]) => void;
  error: (field: string) => FormMessage | undefined;
}
