import { useQuery } from '@apollo/client/react';
import { projectLimits } from '@hub/shared';
import type { ReactNode } from 'react';
import { type FormEvent, useState } from 'react';
import type { UserError } from '../../errors/userErrors';
import { graphql } from '../../gql';
import type { CostRecurrence, CostType, ProjectCategory, ProjectPhase } from '../../gql/graphql';
import { useT } from '../../i18n';
import { useViewer } from '../../session/useViewer';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { type FormErrors, type FormMessage, noFormErrors } from '../../ui/formErrors';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { useFormErrors } from '../../ui/useFormErrors';
import { MunicipalityPicker, type PickedMunicipality } from '../members/MunicipalityPicker';
import {
  CATEGORIES,
  COST_TYPES,
  categoryLabel,
  costTypeLabel,
  PHASES,
  phaseLabel,
  RECURRENCES,
  recurrenceLabel,
} from './labels';
import { parseEuroToCents } from './money';
import { SimilarProjects } from './SimilarProjects';
import { type PickedWorkingGroup, WorkingGroupPicker } from './WorkingGroupPicker';

/** Network members by name; the adopt flow picks among them (ProjectActions). */
export const ProjectFormMembersQuery = graphql(`
  query ProjectFormMembers {
    municipalities(first: 100, filter: { networkMember: true }, sort: NAME) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

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

interface ProjectFormProps {
  initial: ProjectFormValues;
  creating: boolean;
  submitting: boolean;
  /** Saves the values; resolves to the payload's userErrors (empty when saved). */
  save: (values: ProjectFormValues) => Promise<readonly UserError[]>;
  /** Coordinators only (the API's viewerCan.setNetworkProject). */
  canSetNetworkProject: boolean;
  /** People who may be contacts; null while creating: then the lead municipality's officers and the coordinators. */
  contactOptions: ContactOption[] | null;
}

/** Officers of the lead municipality and the coordinators: who may be a new project's contact. */
export const NewProjectContactsQuery = graphql(`
  query NewProjectContacts($municipalityId: ID!, $withMunicipality: Boolean!) {
    officers: people(first: 100, filter: { municipalityId: $municipalityId, roles: [OFFICER] })
      @include(if: $withMunicipality) {
      edges {
        node {
          id
          name
        }
      }
    }
    coordinators: people(first: 100, filter: { roles: [COORDINATOR] }) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

function useNewProjectContacts(municipalityId: string | null, skip: boolean): ContactOption[] {
  const { data } = useQuery(NewProjectContactsQuery, {
    variables: { municipalityId: municipalityId ?? '', withMunicipality: Boolean(municipalityId) },
    skip,
  });
  const officers = (data?.officers?.edges ?? []).map((e) => ({ ...e.node, coordinator: false }));
  const coordinators = (data?.coordinators.edges ?? []).map((e) => ({ ...e.node, coordinator: true }));
  return [...officers, ...coordinators];
}

/** The input ids of the fields, in the order of the form, keyed by the API's field path. */
function projectFieldIds(values: ProjectFormValues): Record<string, string> {
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
function validateProject(values: ProjectFormValues): FormErrors<string> {
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

/** Create and edit form of a project; while creating, similar existing projects are shown. */
export function ProjectForm({
  initial,
  creating,
  submitting,
  save,
  canSetNetworkProject,
  contactOptions,
}: ProjectFormProps) {
  const t = useT();
  const { viewer } = useViewer();
  const [values, setValues] = useState(initial);
  const [partnerCandidate, setPartnerCandidate] = useState<PickedMunicipality | null>(null);
  const [partnerProblem, setPartnerProblem] = useState('');
  const fieldIds = projectFieldIds(values);
  const form = useFormErrors(fieldIds, 'projects');
  const leadId = values.lead?.id ?? viewer?.municipality?.id ?? null;
  const newProjectContacts = useNewProjectContacts(leadId, contactOptions !== null);
  const contacts = contactOptions ?? newProjectContacts;
  const set =
    <K extends keyof ProjectFormValues>(key: K, field: string = key) =>
    (value: ProjectFormValues[K]) => {
      setValues((v) => ({ ...v, [key]: value }));
      form.fieldChanged(field);
    };
  /** A list of rows changed: its errors no longer point at the right rows. */
  const setRows =
    <K extends 'costs' | 'funding' | 'milestones'>(key: K) =>
    (rows: ProjectFormValues[K]) => {
      setValues((v) => ({ ...v, [key]: rows }));
      form.fieldChanged(key);
    };
  const error = (field: string) => form.errorOf(field);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    if (!form.check(validateProject(values))) return;
    try {
      const userErrors = await save(values);
      if (userErrors.length) form.showUserErrors(userErrors);
    } catch (requestError) {
      form.showRequestError(requestError);
    }
  };
  return (
    <>
      <ErrorSummary {...form.summary} />
      <form className="hub-form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          id="project-title"
          label={t('projects.form.title')}
          value={values.title}
          onChange={set('title')}
          error={error('title')}
        />
        <TextField
          id="project-summary"
          label={t('projects.form.summary')}
          value={values.summary}
          onChange={set('summary')}
          required={false}
          error={error('summary')}
        />
        <SelectField
          id="project-category"
          label={t('projects.form.category')}
          value={values.category}
          onChange={(value) => set('category')(value as ProjectCategory)}
          required
          error={error('category')}
        >
          <option value="">–</option>
          {CATEGORIES.map((value) => (
            <option key={value} value={value}>
              {t(categoryLabel(value))}
            </option>
          ))}
        </SelectField>
        {creating && viewer?.role === 'COORDINATOR' ? (
          <MunicipalityPicker
            id="project-lead"
            searchLabel={t('projects.form.leadSearch')}
            label={t('projects.form.lead')}
            value={values.lead}
            onChange={set('lead', 'leadMunicipalityId')}
            error={error('leadMunicipalityId')?.(t)}
          />
        ) : null}
        <fieldset className="kern-fieldset">
          <legend className="kern-label">
            {t('projects.form.partners')}{' '}
            <span className="kern-label__optional">{t('projects.form.optional')}</span>
          </legend>
          <div className="kern-fieldset__body">
            {values.partners.length === 0 ? (
              <p className="kern-body">{t('projects.form.noPartners')}</p>
            ) : (
              <ul className="kern-list">
                {values.partners.map((partner) => (
                  <li key={partner.id} className="kern-body">
                    {partner.name}{' '}
                    <button
                      type="button"
                      className="kern-btn kern-btn--tertiary"
                      onClick={() =>
                        setValues((v) => ({ ...v, partners: v.partners.filter((p) => p.id !== partner.id) }))
                      }
                    >
                      <span className="kern-label">
                        {t('projects.form.removePartner', { name: partner.name })}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <MunicipalityPicker
              id="project-partner"
              searchLabel={t('projects.form.partnerSearch')}
              label={t('projects.form.partnerPick')}
              value={partnerCandidate}
              onChange={(picked) => {
                setPartnerCandidate(picked);
                setPartnerProblem('');
              }}
              error={partnerProblem || error('partnerMunicipalityIds')?.(t)}
            />
            <button
              type="button"
              className="kern-btn kern-btn--secondary"
              onClick={() => {
                const picked = partnerCandidate;
                if (!picked) {
                  setPartnerProblem(t('projects.form.partnerChooseFirst'));
                  return;
                }
                setValues((v) =>
                  v.partners.some((p) => p.id === picked.id)
                    ? v
                    : { ...v, partners: [...v.partners, { id: picked.id, name: picked.name }] },
                );
                setPartnerCandidate(null);
              }}
            >
              <span className="kern-label">{t('projects.form.addPartner')}</span>
            </button>
          </div>
        </fieldset>
        {creating ? (
          <SimilarProjects title={values.title} summary={values.summary} category={values.category} />
        ) : null}
        <TextAreaField
          id="project-description"
          label={t('projects.form.description')}
          hint={t('projects.form.descriptionHint')}
          value={values.description}
          onChange={set('description')}
          maxLength={projectLimits.description.maxLength}
          rows={8}
          error={error('description')}
        />
        <SelectField
          id="project-phase"
          label={t('projects.form.phase')}
          value={values.phase}
          onChange={(value) => set('phase')(value as ProjectPhase)}
        >
          {PHASES.map((value) => (
            <option key={value} value={value}>
              {t(phaseLabel(value))}
            </option>
          ))}
        </SelectField>
        {(['startDate', 'endDate'] as const).map((key) => (
          <TextField
            key={key}
            id={`project-${key}`}
            type="date"
            label={t(key === 'startDate' ? 'projects.form.startDate' : 'projects.form.endDate')}
            value={values[key]}
            onChange={set(key)}
            required={false}
            error={error(key)}
          />
        ))}
        <TextField
          id="project-product"
          label={t('projects.form.product')}
          value={values.product}
          onChange={set('product', 'solution.product')}
          required={false}
          error={error('solution.product')}
        />
        <TextField
          id="project-vendor"
          label={t('projects.form.vendor')}
          value={values.vendor}
          onChange={set('vendor', 'solution.vendor')}
          required={false}
          error={error('solution.vendor')}
        />
        <div className="kern-form-check">
          <input
            className="kern-form-check__checkbox"
            id="project-open-source"
            type="checkbox"
            checked={values.openSource}
            onChange={(event) => set('openSource')(event.target.checked)}
          />
          <label className="kern-label" htmlFor="project-open-source">
            {t('projects.form.openSource')}
          </label>
        </div>
        <TextField
          id="project-licence"
          label={t('projects.form.licence')}
          value={values.licence}
          onChange={set('licence', 'solution.licence')}
          required={false}
          error={error('solution.licence')}
        />
        <TextField
          id="project-repository"
          label={t('projects.form.repositoryUrl')}
          value={values.repositoryUrl}
          onChange={set('repositoryUrl', 'solution.repositoryUrl')}
          required={false}
          error={error('solution.repositoryUrl')}
        />
        <RowList
          legend={t('projects.form.costs')}
          rows={values.costs}
          onChange={setRows('costs')}
          emptyRow={(): CostRow => ({ label: '', costType: 'SERVICES', recurrence: 'ONE_OFF', euro: '' })}
          removeLabel={(n) => t('projects.form.removeCost', { n })}
          addLabel={t('projects.form.addCost')}
          renderRow={(row, n, update) => (
            <>
              <TextField
                id={`project-cost-${n}-label`}
                label={t('projects.form.costLabel', { n })}
                value={row.label}
                onChange={(label) => update({ label })}
                error={error(`costs.${n - 1}.label`)}
              />
              <SelectField
                id={`project-cost-${n}-type`}
                label={t('projects.form.costType', { n })}
                value={row.costType}
                onChange={(value) => update({ costType: value as CostType })}
              >
                {COST_TYPES.map((value) => (
                  <option key={value} value={value}>
                    {t(costTypeLabel(value))}
                  </option>
                ))}
              </SelectField>
              <SelectField
                id={`project-cost-${n}-recurrence`}
                label={t('projects.form.costRecurrence', { n })}
                value={row.recurrence}
                onChange={(value) => update({ recurrence: value as CostRecurrence })}
              >
                {RECURRENCES.map((value) => (
                  <option key={value} value={value}>
                    {t(recurrenceLabel(value))}
                  </option>
                ))}
              </SelectField>
              <TextField
                id={`project-cost-${n}-amount`}
                label={t('projects.form.costAmount', { n })}
                value={row.euro}
                onChange={(euro) => update({ euro })}
                error={error(`costs.${n - 1}.amountCents`)}
              />
            </>
          )}
        />
        <RowList
          legend={t('projects.form.funding')}
          rows={values.funding}
          onChange={setRows('funding')}
          emptyRow={(): FundingRow => ({ programme: '', euro: '', share: '' })}
          removeLabel={(n) => t('projects.form.removeFunding', { n })}
          addLabel={t('projects.form.addFunding')}
          renderRow={(row, n, update) => (
            <>
              <TextField
                id={`project-funding-${n}-programme`}
                label={t('projects.form.fundingProgramme', { n })}
                value={row.programme}
                onChange={(programme) => update({ programme })}
                error={error(`funding.${n - 1}.programme`)}
              />
              <TextField
                id={`project-funding-${n}-amount`}
                label={t('projects.form.fundingAmount', { n })}
                value={row.euro}
                onChange={(euro) => update({ euro })}
                error={error(`funding.${n - 1}.amountCents`)}
              />
              <TextField
                id={`project-funding-${n}-share`}
                label={t('projects.form.fundingShare', { n })}
                value={row.share}
                onChange={(share) => update({ share })}
                required={false}
                error={error(`funding.${n - 1}.sharePercent`)}
              />
            </>
          )}
        />
        <RowList
          legend={t('projects.form.milestones')}
          rows={values.milestones}
          onChange={setRows('milestones')}
          emptyRow={(): MilestoneRow => ({ title: '', dueDate: '', done: false })}
          removeLabel={(n) => t('projects.form.removeMilestone', { n })}
          addLabel={t('projects.form.addMilestone')}
          renderRow={(row, n, update) => (
            <>
              <TextField
                id={`project-milestone-${n}-title`}
                label={t('projects.form.milestoneTitle', { n })}
                value={row.title}
                onChange={(title) => update({ title })}
                error={error(`milestones.${n - 1}.title`)}
              />
              <TextField
                id={`project-milestone-${n}-due`}
                type="date"
                label={t('projects.form.milestoneDue', { n })}
                value={row.dueDate}
                onChange={(dueDate) => update({ dueDate })}
                required={false}
                error={error(`milestones.${n - 1}.dueDate`)}
              />
              <div className="kern-form-check">
                <input
                  className="kern-form-check__checkbox"
                  id={`project-milestone-${n}-done`}
                  type="checkbox"
                  checked={row.done}
                  onChange={(event) => update({ done: event.target.checked })}
                />
                <label className="kern-label" htmlFor={`project-milestone-${n}-done`}>
                  {t('projects.form.milestoneDone', { n })}
                </label>
              </div>
            </>
          )}
        />
        <TextAreaField
          id="project-implementation-notes"
          label={t('projects.form.implementationNotes')}
          hint={t('projects.form.implementationNotesHint')}
          value={values.implementationNotes}
          onChange={set('implementationNotes')}
          maxLength={projectLimits.notes.maxLength}
          error={error('implementationNotes')}
        />
        <TextAreaField
          id="project-lessons-learned"
          label={t('projects.form.lessonsLearned')}
          hint={t('projects.form.lessonsLearnedHint')}
          value={values.lessonsLearned}
          onChange={set('lessonsLearned')}
          maxLength={projectLimits.notes.maxLength}
          error={error('lessonsLearned')}
        />
        <WorkingGroupPicker
          id="project-working-group"
          value={values.workingGroup}
          onChange={set('workingGroup', 'workingGroupId')}
        />
        {contacts.length ? (
          <div className={`kern-form-input${error('contactIds') ? ' kern-form-input--error' : ''}`}>
            <label className="kern-label" htmlFor="project-contacts">
              {t('projects.form.contacts')}{' '}
              <span className="kern-label__optional">{t('projects.form.optional')}</span>
            </label>
            <div className="kern-hint" id="project-contacts-hint">
              {t('projects.form.contactsHint')}
            </div>
            <select
              className="kern-form-input__input hub-project-contacts"
              id="project-contacts"
              multiple
              size={Math.min(8, Math.max(3, contacts.length + 2))}
              aria-describedby={
                error('contactIds') ? 'project-contacts-hint project-contacts-error' : 'project-contacts-hint'
              }
              aria-invalid={error('contactIds') ? true : undefined}
              value={values.contactIds}
              onChange={(event) => set('contactIds')([...event.target.selectedOptions].map((o) => o.value))}
            >
              {(
                [
                  ['projects.form.contactsMunicipalities', false],
                  ['projects.form.contactsCoordinators', true],
                ] as const
              ).map(([groupLabel, coordinators]) => {
                const people = contacts.filter((person) => person.coordinator === coordinators);
                return people.length ? (
                  <optgroup key={groupLabel} label={t(groupLabel)}>
                    {people.map((person) => (
                      <option key={person.id} value={person.id}>
                        {person.name}
                      </option>
                    ))}
                  </optgroup>
                ) : null;
              })}
            </select>
            {error('contactIds') ? (
              <p className="kern-error" id="project-contacts-error">
                <span className="kern-icon kern-icon--danger" aria-hidden="true" />
                <span className="kern-body">{error('contactIds')?.(t)}</span>
              </p>
            ) : null}
          </div>
        ) : null}
        {canSetNetworkProject ? (
          <div className="kern-form-check">
            <input
              className="kern-form-check__checkbox"
              id="project-network"
              type="checkbox"
              checked={values.isNetworkProject}
              onChange={(event) => set('isNetworkProject')(event.target.checked)}
            />
            <label className="kern-label" htmlFor="project-network">
              {t('projects.form.networkProject')}
            </label>
          </div>
        ) : null}
        {creating ? (
          <div className="kern-form-check">
            <input
              className="kern-form-check__checkbox"
              id="project-publish"
              type="checkbox"
              checked={values.publish}
              onChange={(event) => set('publish')(event.target.checked)}
            />
            <label className="kern-label" htmlFor="project-publish">
              {t('projects.form.publish')}
            </label>
          </div>
        ) : null}
        <div className="hub-form__actions">
          <button
            type="submit"
            className="kern-btn kern-btn--primary"
            aria-disabled={submitting || undefined}
          >
            <span className="kern-label">
              {creating ? t('projects.form.submitCreate') : t('projects.form.submitEdit')}
            </span>
          </button>
        </div>
      </form>
    </>
  );
}

interface RowListProps<T> {
  legend: string;
  rows: T[];
  onChange: (rows: T[]) => void;
  emptyRow: () => T;
  renderRow: (row: T, n: number, update: (patch: Partial<T>) => void) => ReactNode;
  removeLabel: (n: number) => string;
  addLabel: string;
}

/** A fieldset of editable rows (costs, funding, milestones): a remove button per row, add at the end. */
function RowList<T>({ legend, rows, onChange, emptyRow, renderRow, removeLabel, addLabel }: RowListProps<T>) {
  return (
    <fieldset className="kern-fieldset">
      <legend className="kern-label">{legend}</legend>
      <div className="kern-fieldset__body">
        {rows.map((row, index) => {
          const n = index + 1;
          const update = (patch: Partial<T>) =>
            onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own until saved.
            <div className="hub-project-cost-row" key={index}>
              {renderRow(row, n, update)}
              <button
                type="button"
                className="kern-btn kern-btn--tertiary"
                onClick={() => onChange(rows.filter((_, i) => i !== index))}
              >
                <span className="kern-label">{removeLabel(n)}</span>
              </button>
            </div>
          );
        })}
        <button
          type="button"
          className="kern-btn kern-btn--secondary"
          onClick={() => onChange([...rows, emptyRow()])}
        >
          <span className="kern-label">{addLabel}</span>
        </button>
      </div>
    </fieldset>
  );
}
