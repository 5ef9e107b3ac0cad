import { useMutation, useQuery } from '@apollo/client/react';
import { projectLimits } from '@hub/shared';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { userErrorMessage } from '../../errors/userErrors';
import { graphql } from '../../gql';
import { useT } from '../../i18n';
import { useViewer } from '../../session/useViewer';
import { Alert } from '../../ui/Alert';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { noFormErrors } from '../../ui/formErrors';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { Page } from '../../ui/Page';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { useFormErrors } from '../../ui/useFormErrors';
import { recurrenceLabel } from './labels';
import { formatEuro, parseEuroToCents } from './money';
import {
  type ContactOption,
  emptyProjectForm,
  ProjectForm,
  type ProjectFormValues,
  toProjectInput,
} from './ProjectForm';
import { projectPaths } from './projectPaths';
import { useAdoptProject } from './useAdoptProject';
import './projects.css';
import { Checkbox } from '../../ui/Checkbox';

/** Network members by name; the adopt flow picks among them. */
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

const PrefillMutation = graphql(`
  mutation PrefillProjectFromPubliccode($input: PrefillFromPubliccodeInput!) {
    prefillProjectFromPubliccode(input: $input) {
      draft {
        title
        summary
        description
        solution {
          product
          vendor
          openSource
          licence
          repositoryUrl
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const CreateProjectMutation = graphql(`
  mutation CreateProject($input: CreateProjectInput!) {
    createProject(input: $input) {
      project {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const UpdateProjectMutation = graphql(`
  mutation UpdateProject($input: UpdateProjectInput!) {
    updateProject(input: $input) {
      project {
        id
        title
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const EditProjectPageQuery = graphql(`
  query EditProjectPage($id: ID!) {
    project(id: $id) {
      id
      title
      summary
      description
      category
      phase
      startDate
      endDate
      implementationNotes
      lessonsLearned
      solution {
        product
        vendor
        openSource
        licence
        repositoryUrl
      }
      costs {
        label
        costType
        recurrence
        amountCents
      }
      funding {
        programme
        amountCents
        sharePercent
      }
      milestones {
        title
        dueDate
        done
      }
      contacts {
        id
        name
      }
      workingGroup {
        id
        name
      }
      isNetworkProject
      leadMunicipality {
        id
        officers {
          id
          name
        }
      }
      participants {
        role
        municipality {
          id
          name
          officers {
            id
            name
          }
        }
      }
      viewerCan {
        edit
        setNetworkProject
      }
    }
  }
`);

/** Coordinators may be contacts of any project (the API accepts them); officers see them in the people directory. */
export const ProjectContactCoordinatorsQuery = graphql(`
  query ProjectContactCoordinators {
    people(first: 100, filter: { roles: [COORDINATOR] }) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

/** What the viewer may decide about a new project (the API's answers from the project policy). */
export const CreateProjectPageQuery = graphql(`
  query CreateProjectPage {
    viewerCan {
      setNetworkProject
      chooseProjectMunicipality
    }
  }
`);

const centsToEuroText = (cents: unknown) => (Number(cents) / 100).toFixed(2).replace('.', ',');

/** Starts a project, optionally prefilled from a publiccode.yml; the form shows similar ones first ("nothing twice"). */
export function CreateProjectPage() {
  const t = useT();
  const navigate = useNavigate();
  const { viewer } = useViewer();
  const permissions = useQuery(CreateProjectPageQuery);
  const [create, { loading }] = useMutation(CreateProjectMutation);
  const [prefill] = useMutation(PrefillMutation);
  const [prefillProblems, setPrefillProblems] = useState<string[]>([]);
  // An officer's (a person of a municipality's) new project names them as its contact unless they choose otherwise.
  const [initial, setInitial] = useState<ProjectFormValues>(() => ({
    ...emptyProjectForm,
    contactIds: viewer?.municipality ? [viewer.id] : [],
  }));
  const [formKey, setFormKey] = useState(0);
  const [yaml, setYaml] = useState('');
  const [prefilled, setPrefilled] = useState(false);
  const takeOver = async () => {
    setPrefilled(false);
    try {
      const { data } = await prefill({ variables: { input: { yaml } } });
      const payload = data?.prefillProjectFromPubliccode;
      const draft = payload?.draft;
      if (!draft) {
        setPrefillProblems(payload?.userErrors.map((e) => userErrorMessage(e, 'projects')(t)) ?? []);
        return;
      }
      setPrefillProblems([]);
      setInitial((current) => ({
        ...current,
        title: draft.title ?? '',
        summary: draft.summary ?? '',
        description: draft.description ?? '',
        product: draft.solution?.product ?? '',
        vendor: draft.solution?.vendor ?? '',
        openSource: draft.solution?.openSource ?? false,
        licence: draft.solution?.licence ?? '',
        repositoryUrl: draft.solution?.repositoryUrl ?? '',
      }));
      setFormKey((key) => key + 1);
      setPrefilled(true);
    } catch (error) {
      setPrefillProblems([apiErrorMessage(error, t)]);
    }
  };
  const save = async (values: ProjectFormValues) => {
    const { data } = await create({
      variables: {
        input: {
          ...toProjectInput(values),
          publish: values.publish,
          leadMunicipalityId: values.lead?.id ?? null,
        },
      },
    });
    const payload = data?.createProject;
    if (payload?.project) void navigate(projectPaths.detail(payload.project.id));
    return payload?.userErrors ?? [];
  };
  const viewerCan = permissions.data?.viewerCan;
  if (!viewerCan) return <LoadingIndicator />;
  return (
    <Page title={t('projects.form.createTitle')}>
      <details className="hub-project-section">
        <summary className="kern-link">{t('projects.prefill.summary')}</summary>
        <TextAreaField
          id="project-publiccode"
          label={t('projects.prefill.label')}
          value={yaml}
          onChange={setYaml}
          maxLength={projectLimits.publiccodeYml.maxLength}
          rows={8}
          markOptional={false}
        />
        {prefillProblems.length ? (
          <Alert variant="danger" title={prefillProblems.join(' ')} role="alert" />
        ) : null}
        <button type="button" className="kern-btn kern-btn--secondary" onClick={() => void takeOver()}>
          <span className="kern-label">{t('projects.prefill.submit')}</span>
        </button>
      </details>
      {prefilled ? <Alert variant="success" title={t('projects.prefill.done')} role="status" /> : null}
      <ProjectForm
        key={formKey}
        initial={initial}
        creating
        submitting={loading}
        save={save}
        canSetNetworkProject={viewerCan.setNetworkProject}
        choosesLead={viewerCan.chooseProjectMunicipality}
        contactOptions={null}
      />
    </Page>
  );
}

/** Edits a project the viewer's municipality leads or partners in. */
export function EditProjectPage() {
  const t = useT();
  const navigate = useNavigate();
  const { projectId = '' } = useParams();
  const { data, loading } = useQuery(EditProjectPageQuery, {
    variables: { id: projectId },
    fetchPolicy: 'network-only',
  });
  const coordinators = useQuery(ProjectContactCoordinatorsQuery, {
    skip: !data?.project?.viewerCan.edit,
  }).data?.people.edges.map((edge) => edge.node);
  const [update, { loading: saving }] = useMutation(UpdateProjectMutation);
  if (loading && !data) return <LoadingIndicator />;
  const project = data?.project;
  if (!project?.viewerCan.edit) {
    return (
      <Page title={t('projects.page.notFound')}>
        <p className="kern-body">{t('projects.page.notFound')}</p>
      </Page>
    );
  }
  const initial: ProjectFormValues = {
    ...emptyProjectForm,
    title: project.title,
    summary: project.summary,
    description: project.description,
    category: project.category,
    phase: project.phase,
    startDate: project.startDate ?? '',
    endDate: project.endDate ?? '',
    product: project.solution.product ?? '',
    vendor: project.solution.vendor ?? '',
    openSource: project.solution.openSource ?? false,
    licence: project.solution.licence ?? '',
    repositoryUrl: project.solution.repositoryUrl ?? '',
    partners: project.participants
      .filter((p) => p.role === 'PARTNER')
      .map((p) => ({ id: p.municipality.id, name: p.municipality.name })),
    costs: project.costs.map((c) => ({
      label: c.label,
      costType: c.costType,
      recurrence: c.recurrence,
      euro: centsToEuroText(c.amountCents),
    })),
    funding: project.funding.map((f) => ({
      programme: f.programme,
      euro: centsToEuroText(f.amountCents),
      share: f.sharePercent === null || f.sharePercent === undefined ? '' : String(f.sharePercent),
    })),
    milestones: project.milestones.map((m) => ({
      title: m.title,
      dueDate: m.dueDate ?? '',
      done: m.done,
    })),
    contactIds: project.contacts.map((c) => c.id),
    workingGroup: project.workingGroup
      ? { id: project.workingGroup.id, name: project.workingGroup.name }
      : null,
    isNetworkProject: project.isNetworkProject,
    implementationNotes: project.implementationNotes,
    lessonsLearned: project.lessonsLearned,
  };
  // Officers of the participating municipalities, the coordinators, and whoever is a contact already.
  const coordinatorIds = new Set((coordinators ?? []).map((person) => person.id));
  const contactOptions: ContactOption[] = [];
  for (const person of [
    ...project.contacts,
    ...project.leadMunicipality.officers,
    ...project.participants.flatMap((p) => p.municipality.officers),
    ...(coordinators ?? []),
  ]) {
    if (!contactOptions.some((o) => o.id === person.id))
      contactOptions.push({ id: person.id, name: person.name, coordinator: coordinatorIds.has(person.id) });
  }
  contactOptions.sort((a, b) => a.name.localeCompare(b.name, 'de'));
  const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((id, i) => id === b[i]);
  const save = async (values: ProjectFormValues) => {
    // Only what changed of the fields the viewer may not see in full or may not set.
    const { contactIds, workingGroupId, isNetworkProject, ...fields } = toProjectInput(values);
    const changes = {
      ...fields,
      ...(sameList(contactIds, initial.contactIds) ? {} : { contactIds }),
      ...(values.workingGroup?.id === initial.workingGroup?.id ? {} : { workingGroupId }),
      ...(project.viewerCan.setNetworkProject ? { isNetworkProject } : {}),
    };
    const { data: result } = await update({ variables: { input: { id: project.id, ...changes } } });
    const payload = result?.updateProject;
    if (payload?.project) void navigate(projectPaths.detail(payload.project.id));
    return payload?.userErrors ?? [];
  };
  return (
    <Page title={t('projects.form.editTitle')} heading={project.title}>
      <ProjectForm
        initial={initial}
        creating={false}
        submitting={saving}
        save={save}
        canSetNetworkProject={project.viewerCan.setNetworkProject}
        choosesLead={false}
        contactOptions={contactOptions}
      />
    </Page>
  );
}

export const AdoptProjectPageQuery = graphql(`
  query AdoptProjectPage($id: ID!) {
    viewerCan {
      chooseProjectMunicipality
    }
    project(id: $id) {
      id
      title
      leadMunicipality {
        id
        name
      }
      costs {
        label
        costType
        recurrence
        amountCents
      }
      viewerCan {
        adopt
      }
    }
  }
`);

type AdoptField = 'municipalityId' | 'title' | 'adaptations' | 'estimatedSavingCents';
const adoptFieldIds: Record<AdoptField, string> = {
  municipalityId: 'project-adopt-municipality',
  title: 'project-adopt-title',
  adaptations: 'project-adopt-adaptations',
  estimatedSavingCents: 'project-adopt-saving',
};

/**
 * Nachnutzung, asked properly: for which municipality (coordinators), under which title, what is
 * adapted, the estimated saving, and whether the origin's cost lines are a starting point. The
 * origin's team is told by e-mail; the new project's page confirms what happened.
 */
export function AdoptProjectPage() {
  const t = useT();
  const { projectId = '' } = useParams();
  const { viewer } = useViewer();
  const { data, loading } = useQuery(AdoptProjectPageQuery, { variables: { id: projectId } });
  // Coordinators adopt on behalf of a municipality; officers for their own.
  const choosesMunicipality = data?.viewerCan.chooseProjectMunicipality ?? false;
  const members =
    useQuery(ProjectFormMembersQuery, { skip: !choosesMunicipality }).data?.municipalities.edges.map(
      (e) => e.node,
    ) ?? [];
  const { adopt, loading: adopting } = useAdoptProject();
  const form = useFormErrors(adoptFieldIds, 'projects');
  const [municipalityId, setMunicipalityId] = useState('');
  // The title follows the chosen municipality until the person writes their own.
  const [ownTitle, setOwnTitle] = useState<string | null>(null);
  const [adaptations, setAdaptations] = useState('');
  const [saving, setSaving] = useState('');
  const [copyCosts, setCopyCosts] = useState(false);

  if (loading && !data) return <LoadingIndicator />;
  const origin = data?.project;
  if (!origin?.viewerCan.adopt) {
    return (
      <Page title={t('projects.adopt.pageTitle')}>
        <Alert variant="warning" title={t('projects.adopt.notAllowed')} />
      </Page>
    );
  }
  const adoptingName = choosesMunicipality
    ? members.find((m) => m.id === municipalityId)?.name
    : viewer?.municipality?.name;
  const suggestedTitle = adoptingName ? `${origin.title} (${adoptingName})` : origin.title;
  const title = ownTitle ?? suggestedTitle;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (adopting) return;
    const found = noFormErrors<AdoptField>();
    if (choosesMunicipality && !municipalityId)
      found.fields.municipalityId = (tr) => tr('projects.reuse.municipalityRequired');
    if (title.trim().length < projectLimits.title.minLength)
      found.fields.title = (tr) => tr('projects.adopt.titleRequired');
    const cents = saving.trim() ? parseEuroToCents(saving) : null;
    if (saving.trim() && cents === null)
      found.fields.estimatedSavingCents = (tr) => tr('projects.form.amountInvalid');
    if (!form.check(found)) return;
    try {
      const userErrors = await adopt({
        projectId: origin.id,
        title: title.trim(),
        adaptations: adaptations.trim() || null,
        estimatedSavingCents: cents,
        copyCosts,
        municipalityId: choosesMunicipality ? municipalityId : null,
      });
      if (userErrors.length) form.showUserErrors(userErrors);
    } catch (error) {
      form.showRequestError(error);
    }
  };

  return (
    <Page
      title={t('projects.adopt.pageTitle')}
      heading={t('projects.adopt.heading', { title: origin.title })}
    >
      <p className="kern-body">
        {t('projects.adopt.intro', { title: origin.title, lead: origin.leadMunicipality.name })}
      </p>
      <ErrorSummary {...form.summary} />
      <form className="hub-form" noValidate onSubmit={(event) => void submit(event)}>
        {choosesMunicipality ? (
          <SelectField
            id={adoptFieldIds.municipalityId}
            label={t('projects.reuse.municipality')}
            hint={t('projects.reuse.municipalityHint')}
            value={municipalityId}
            onChange={(value) => {
              setMunicipalityId(value);
              form.fieldChanged('municipalityId');
            }}
            error={form.errorOf('municipalityId')}
            required
          >
            <option value="">–</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        <TextField
          id={adoptFieldIds.title}
          label={t('projects.adopt.title')}
          hint={t('projects.adopt.titleHint')}
          value={title}
          onChange={(value) => {
            setOwnTitle(value);
            form.fieldChanged('title');
          }}
          error={form.errorOf('title')}
        />
        <TextAreaField
          id={adoptFieldIds.adaptations}
          label={t('projects.reuse.adaptations')}
          hint={t('projects.adopt.adaptationsHint')}
          value={adaptations}
          onChange={(value) => {
            setAdaptations(value);
            form.fieldChanged('adaptations');
          }}
          maxLength={projectLimits.notes.maxLength}
          rows={4}
          error={form.errorOf('adaptations')}
        />
        <TextField
          id={adoptFieldIds.estimatedSavingCents}
          label={t('projects.reuse.savingEuro')}
          hint={t('projects.reuse.savingHint')}
          value={saving}
          onChange={(value) => {
            setSaving(value);
            form.fieldChanged('estimatedSavingCents');
          }}
          required={false}
          error={form.errorOf('estimatedSavingCents')}
        />
        {origin.costs.length ? (
          <fieldset className="kern-fieldset">
            <legend className="kern-label">{t('projects.form.costs')}</legend>
            <div className="kern-fieldset__body">
              <ul className="kern-list">
                {origin.costs.map((cost, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cost lines have no identity of their own.
                  <li key={index} className="kern-body">
                    {cost.label}: {formatEuro(cost.amountCents)} ({t(recurrenceLabel(cost.recurrence))})
                  </li>
                ))}
              </ul>
              <Checkbox
                id="project-adopt-copy-costs"
                label={t('projects.adopt.copyCosts')}
                hint={t('projects.adopt.copyCostsHint')}
                checked={copyCosts}
                onChange={setCopyCosts}
              />
            </div>
          </fieldset>
        ) : (
          <p className="kern-body">{t('projects.adopt.noCosts')}</p>
        )}
        <p className="kern-body">{t('projects.adopt.notify', { lead: origin.leadMunicipality.name })}</p>
        <div className="hub-form__actions">
          <button type="submit" className="kern-btn kern-btn--primary" aria-disabled={adopting || undefined}>
            <span className="kern-label">{t('projects.reuse.submit')}</span>
          </button>
          <Link className="kern-btn kern-btn--secondary" to={projectPaths.detail(origin.id)}>
            <span className="kern-label">{t('projects.adopt.cancel')}</span>
          </Link>
        </div>
      </form>
    </Page>
  );
}
