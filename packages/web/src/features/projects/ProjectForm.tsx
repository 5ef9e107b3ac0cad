import { type FormEvent, useState } from 'react';
import type { UserError } from '../../errors/userErrors';
import { useT } from '../../i18n';
import { useViewer } from '../../session/useViewer';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { useFormErrors } from '../../ui/useFormErrors';
import { BasicsSection } from './form/BasicsSection';
import { ContactsSection } from './form/ContactsSection';
import { CostsSection } from './form/CostsSection';
import { DescriptionSection } from './form/DescriptionSection';
import { FundingSection } from './form/FundingSection';
import { KnowledgeSection } from './form/KnowledgeSection';
import { MilestonesSection } from './form/MilestonesSection';
import { PartnersSection } from './form/PartnersSection';
import { PhaseSection } from './form/PhaseSection';
import { PublicationSection } from './form/PublicationSection';
import {
  type ContactOption,
  type ProjectFormSectionProps,
  type ProjectFormValues,
  projectFieldIds,
  validateProject,
} from './form/projectFormValues';
import { SolutionSection } from './form/SolutionSection';
import { SimilarProjects } from './SimilarProjects';

export {
  type ContactOption,
  emptyProjectForm,
  type ProjectFormValues,
  toProjectInput,
} from './form/projectFormValues';

interface ProjectFormProps {
  initial: ProjectFormValues;
  creating: boolean;
  submitting: boolean;
  /** Saves the values; resolves to the payload's userErrors (empty when saved). */
  save: (values: ProjectFormValues) => Promise<readonly UserError[]>;
  /** The API's viewerCan.setNetworkProject (coordinators). */
  canSetNetworkProject: boolean;
  /** Coordinators choose the lead municipality of a new project; officers lead for their own. */
  choosesLead: boolean;
  /** People who may be contacts; null while creating: then the lead municipality's officers and the coordinators. */
  contactOptions: ContactOption[] | null;
}

/**
 * Create and edit form of a project, one section per part of it (form/…Section.tsx); while creating,
 * similar existing projects are shown. The values, their checks and the API input live in
 * form/projectFormValues.ts.
 */
export function ProjectForm({
  initial,
  creating,
  submitting,
  save,
  canSetNetworkProject,
  choosesLead,
  contactOptions,
}: ProjectFormProps) {
  const t = useT();
  const { viewer } = useViewer();
  const [values, setValues] = useState(initial);
  const form = useFormErrors(projectFieldIds(values), 'projects');
  const set: ProjectFormSectionProps['set'] =
    (key, field = key) =>
    (value) => {
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
  const section = { values, set, error };

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
        <BasicsSection {...section} choosesLead={creating && choosesLead} />
        <PartnersSection {...section} />
        {creating ? (
          <SimilarProjects title={values.title} summary={values.summary} category={values.category} />
        ) : null}
        <DescriptionSection {...section} />
        <PhaseSection {...section} />
        <SolutionSection {...section} />
        <CostsSection rows={values.costs} onChange={setRows('costs')} error={error} />
        <FundingSection rows={values.funding} onChange={setRows('funding')} error={error} />
        <MilestonesSection rows={values.milestones} onChange={setRows('milestones')} error={error} />
        <KnowledgeSection {...section} />
        <ContactsSection
          {...section}
          contactOptions={contactOptions}
          leadMunicipalityId={values.lead?.id ?? viewer?.municipality?.id ?? null}
        />
        <PublicationSection
          values={values}
          set={set}
          canSetNetworkProject={canSetNetworkProject}
          creating={creating}
        />
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
