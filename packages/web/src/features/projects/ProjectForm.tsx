import type { ReactNode } from 'react';
import { type FormEvent, useState } from 'react';
import { graphql } from '../../gql';
import type { CostRecurrence, CostType, ProjectCategory, ProjectPhase } from '../../gql/graphql';
import { useT } from '../../i18n';
import { useViewer } from '../../session/useViewer';
import { Alert } from '../../ui/Alert';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
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
};

/** A whole percentage from 0 to 100, null for an empty field, undefined when invalid. */
function parseShare(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (!trimmed) return null;
  if (!/^\d{1,3}$/.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return value <= 100 ? value : undefined;
}

/** The values as the API's input fields (amounts in cents); null and a message when something is off. */
export function toProjectInput(values: ProjectFormValues) {
  const costs = values.costs.map((row) => ({
    label: row.label.trim(),
    costType: row.costType,
    recurrence: row.recurrence,
    amountCents: parseEuroToCents(row.euro),
  }));
  if (costs.some((c) => c.amountCents === null)) return null;
  const funding = values.funding.map((row) => ({
    programme: row.programme.trim(),
    amountCents: parseEuroToCents(row.euro),
    sharePercent: parseShare(row.share),
  }));
  if (funding.some((f) => f.amountCents === null || f.sharePercent === undefined)) return null;
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
    costs: costs.map((c) => ({ ...c, amountCents: c.amountCents as number })),
    partnerMunicipalityIds: values.partners.map((p) => p.id),
    funding: funding.map((f) => ({
      programme: f.programme,
      amountCents: f.amountCents as number,
      sharePercent: f.sharePercent ?? null,
    })),
    milestones: values.milestones.map((m) => ({
      title: m.title.trim(),
      dueDate: m.dueDate || null,
      done: m.done,
    })),
    workingGroupId: values.workingGroup?.id ?? null,
    isNetworkProject: values.isNetworkProject,
    contactIds: values.contactIds,
  };
}

interface ProjectFormProps {
  initial: ProjectFormValues;
  creating: boolean;
  submitting: boolean;
  problems: string[];
  onSubmit: (values: ProjectFormValues) => void;
  /** Coordinators only (the API's viewerCan.setNetworkProject). */
  canSetNetworkProject: boolean;
  /** People who may be contacts; null hides the field (a new project has no participants yet). */
  contactOptions: ContactOption[] | null;
}

/** Create and edit form of a project; while creating, similar existing projects are shown. */
export function ProjectForm({
  initial,
  creating,
  submitting,
  problems,
  onSubmit,
  canSetNetworkProject,
  contactOptions,
}: ProjectFormProps) {
  const t = useT();
  const { viewer } = useViewer();
  const [values, setValues] = useState(initial);
  const [partnerCandidate, setPartnerCandidate] = useState<PickedMunicipality | null>(null);
  const [partnerProblem, setPartnerProblem] = useState('');
  const [clientProblems, setClientProblems] = useState<string[]>([]);
  const set =
    <K extends keyof ProjectFormValues>(key: K) =>
    (value: ProjectFormValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: string[] = [];
    if (values.title.trim().length < 3) found.push(t('projects.form.titleRequired'));
    if (
      values.costs.some((row) => parseEuroToCents(row.euro) === null) ||
      values.funding.some((row) => parseEuroToCents(row.euro) === null)
    )
      found.push(t('projects.form.amountInvalid'));
    if (values.funding.some((row) => parseShare(row.share) === undefined))
      found.push(t('projects.form.shareInvalid'));
    if (values.milestones.some((row) => !row.title.trim()))
      found.push(t('projects.form.milestoneTitleRequired'));
    setClientProblems(found);
    if (!found.length) onSubmit(values);
  };
  const shown = [...clientProblems, ...problems];
  return (
    <form className="hub-form" noValidate onSubmit={submit}>
      {shown.length ? <Alert variant="danger" title={shown.join(' ')} role="alert" /> : null}
      <TextField
        id="project-title"
        label={t('projects.form.title')}
        value={values.title}
        onChange={set('title')}
      />
      <TextField
        id="project-summary"
        label={t('projects.form.summary')}
        value={values.summary}
        onChange={set('summary')}
        required={false}
      />
      <SelectField
        id="project-category"
        label={t('projects.form.category')}
        value={values.category}
        onChange={(value) => set('category')(value as ProjectCategory)}
        required
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
          onChange={set('lead')}
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
            error={partnerProblem || undefined}
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
      <div className="kern-form-input">
        <label className="kern-label" htmlFor="project-description">
          {t('projects.form.description')}
        </label>
        <div className="kern-hint" id="project-description-hint">
          {t('projects.form.descriptionHint')}
        </div>
        <textarea
          className="kern-form-input__input"
          id="project-description"
          rows={8}
          value={values.description}
          aria-describedby="project-description-hint"
          onChange={(event) => set('description')(event.target.value)}
        />
      </div>
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
        <div className="kern-form-input" key={key}>
          <label className="kern-label" htmlFor={`project-${key}`}>
            {t(key === 'startDate' ? 'projects.form.startDate' : 'projects.form.endDate')}
          </label>
          <input
            className="kern-form-input__input"
            id={`project-${key}`}
            type="date"
            value={values[key]}
            onChange={(event) => set(key)(event.target.value)}
          />
        </div>
      ))}
      <TextField
        id="project-product"
        label={t('projects.form.product')}
        value={values.product}
        onChange={set('product')}
        required={false}
      />
      <TextField
        id="project-vendor"
        label={t('projects.form.vendor')}
        value={values.vendor}
        onChange={set('vendor')}
        required={false}
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
        onChange={set('licence')}
        required={false}
      />
      <TextField
        id="project-repository"
        label={t('projects.form.repositoryUrl')}
        value={values.repositoryUrl}
        onChange={set('repositoryUrl')}
        required={false}
      />
      <RowList
        legend={t('projects.form.costs')}
        rows={values.costs}
        onChange={set('costs')}
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
            />
          </>
        )}
      />
      <RowList
        legend={t('projects.form.funding')}
        rows={values.funding}
        onChange={set('funding')}
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
            />
            <TextField
              id={`project-funding-${n}-amount`}
              label={t('projects.form.fundingAmount', { n })}
              value={row.euro}
              onChange={(euro) => update({ euro })}
            />
            <TextField
              id={`project-funding-${n}-share`}
              label={t('projects.form.fundingShare', { n })}
              value={row.share}
              onChange={(share) => update({ share })}
              required={false}
            />
          </>
        )}
      />
      <RowList
        legend={t('projects.form.milestones')}
        rows={values.milestones}
        onChange={set('milestones')}
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
            />
            <div className="kern-form-input">
              <label className="kern-label" htmlFor={`project-milestone-${n}-due`}>
                {t('projects.form.milestoneDue', { n })}
              </label>
              <input
                className="kern-form-input__input"
                id={`project-milestone-${n}-due`}
                type="date"
                value={row.dueDate}
                onChange={(event) => update({ dueDate: event.target.value })}
              />
            </div>
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
      <WorkingGroupPicker
        id="project-working-group"
        value={values.workingGroup}
        onChange={set('workingGroup')}
      />
      {contactOptions ? (
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="project-contacts">
            {t('projects.form.contacts')}{' '}
            <span className="kern-label__optional">{t('projects.form.optional')}</span>
          </label>
          <div className="kern-hint" id="project-contacts-hint">
            {t('projects.form.contactsHint')}
          </div>
          <select
            className="kern-form-input__input"
            id="project-contacts"
            multiple
            size={Math.min(8, Math.max(3, contactOptions.length + 2))}
            aria-describedby="project-contacts-hint"
            value={values.contactIds}
            onChange={(event) => set('contactIds')([...event.target.selectedOptions].map((o) => o.value))}
          >
            {(
              [
                ['projects.form.contactsMunicipalities', false],
                ['projects.form.contactsCoordinators', true],
              ] as const
            ).map(([groupLabel, coordinators]) => {
              const people = contactOptions.filter((person) => person.coordinator === coordinators);
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
        <button type="submit" className="kern-btn kern-btn--primary" aria-disabled={submitting || undefined}>
          <span className="kern-label">
            {creating ? t('projects.form.submitCreate') : t('projects.form.submitEdit')}
          </span>
        </button>
      </div>
    </form>
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
