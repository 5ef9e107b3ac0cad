import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { graphql } from '../../gql';
import { useT } from '../../i18n';
import { useViewer } from '../../session/useViewer';
import { Alert } from '../../ui/Alert';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { Page } from '../../ui/Page';
import {
  type ContactOption,
  emptyProjectForm,
  ProjectForm,
  type ProjectFormValues,
  toProjectInput,
} from './ProjectForm';
import { projectPaths } from './projectPaths';
import './projects.css';

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

const centsToEuroText = (cents: unknown) => (Number(cents) / 100).toFixed(2).replace('.', ',');

/** Starts a project, optionally prefilled from a publiccode.yml; the form shows similar ones first ("nothing twice"). */
export function CreateProjectPage() {
  const t = useT();
  const navigate = useNavigate();
  const { viewer } = useViewer();
  const [create, { loading }] = useMutation(CreateProjectMutation);
  const [prefill] = useMutation(PrefillMutation);
  const [problems, setProblems] = useState<string[]>([]);
  const [initial, setInitial] = useState(emptyProjectForm);
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
        setProblems(payload?.userErrors.map((e) => e.message) ?? []);
        return;
      }
      setProblems([]);
      setInitial({
        ...emptyProjectForm,
        title: draft.title ?? '',
        summary: draft.summary ?? '',
        description: draft.description ?? '',
        product: draft.solution?.product ?? '',
        vendor: draft.solution?.vendor ?? '',
        openSource: draft.solution?.openSource ?? false,
        licence: draft.solution?.licence ?? '',
        repositoryUrl: draft.solution?.repositoryUrl ?? '',
      });
      setFormKey((key) => key + 1);
      setPrefilled(true);
    } catch (error) {
      setProblems([apiErrorMessage(error, t)]);
    }
  };
  const submit = async (values: ProjectFormValues) => {
    const input = toProjectInput(values);
    if (!input) return;
    const { contactIds: _noContactsYet, ...fields } = input;
    try {
      const { data } = await create({
        variables: {
          input: {
            ...fields,
            publish: values.publish,
            leadMunicipalityId: values.lead?.id ?? null,
          },
        },
      });
      const payload = data?.createProject;
      if (payload?.project) navigate(projectPaths.detail(payload.project.id));
      else setProblems(payload?.userErrors.map((e) => e.message) ?? []);
    } catch (error) {
      setProblems([apiErrorMessage(error, t)]);
    }
  };
  return (
    <Page title={t('projects.form.createTitle')}>
      <details className="hub-project-section">
        <summary className="kern-link">{t('projects.prefill.summary')}</summary>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="project-publiccode">
            {t('projects.prefill.label')}
          </label>
          <textarea
            className="kern-form-input__input"
            id="project-publiccode"
            rows={8}
            value={yaml}
            onChange={(event) => setYaml(event.target.value)}
          />
        </div>
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
        problems={problems}
        onSubmit={(v) => void submit(v)}
        canSetNetworkProject={viewer?.role === 'COORDINATOR'}
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
  const [problems, setProblems] = useState<string[]>([]);
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
  const submit = async (values: ProjectFormValues) => {
    const input = toProjectInput(values);
    if (!input) return;
    // Only what changed of the fields the viewer may not see in full or may not set.
    const { contactIds, workingGroupId, isNetworkProject, ...fields } = input;
    const changes = {
      ...fields,
      ...(sameList(contactIds, initial.contactIds) ? {} : { contactIds }),
      ...(values.workingGroup?.id === initial.workingGroup?.id ? {} : { workingGroupId }),
      ...(project.viewerCan.setNetworkProject ? { isNetworkProject } : {}),
    };
    try {
      const { data: result } = await update({ variables: { input: { id: project.id, ...changes } } });
      const payload = result?.updateProject;
      if (payload?.project) navigate(projectPaths.detail(payload.project.id));
      else setProblems(payload?.userErrors.map((e) => e.message) ?? []);
    } catch (error) {
      setProblems([apiErrorMessage(error, t)]);
    }
  };
  return (
    <Page title={t('projects.form.editTitle')} heading={project.title}>
      <ProjectForm
        initial={initial}
        creating={false}
        submitting={saving}
        problems={problems}
        onSubmit={(v) => void submit(v)}
        canSetNetworkProject={project.viewerCan.setNetworkProject}
        contactOptions={contactOptions}
      />
    </Page>
  );
}
