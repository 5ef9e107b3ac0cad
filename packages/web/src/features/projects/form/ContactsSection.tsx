import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { useT } from '../../../i18n';
import { FormField } from '../../../ui/FormField';
import { WorkingGroupPicker } from '../WorkingGroupPicker';
import type { ContactOption, ProjectFormSectionProps } from './projectFormValues';

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

/** The working group the project belongs to, and the people to contact about it. */
export function ContactsSection({
  values,
  set,
  error,
  contactOptions,
  leadMunicipalityId,
}: ProjectFormSectionProps & {
  /** People who may be contacts; null while creating: then the lead municipality's officers and the coordinators. */
  contactOptions: ContactOption[] | null;
  leadMunicipalityId: string | null;
}) {
  const t = useT();
  const newProjectContacts = useNewProjectContacts(leadMunicipalityId, contactOptions !== null);
  const contacts = contactOptions ?? newProjectContacts;
  return (
    <>
      <WorkingGroupPicker
        id="project-working-group"
        value={values.workingGroup}
        onChange={set('workingGroup', 'workingGroupId')}
      />
      {contacts.length ? (
        <FormField
          id="project-contacts"
          label={
            <>
              {t('projects.form.contacts')}{' '}
              <span className="kern-label__optional">{t('projects.form.optional')}</span>
            </>
          }
          hint={t('projects.form.contactsHint')}
          error={error('contactIds')}
        >
          {(aria) => (
            <select
              className="kern-form-input__input hub-project-contacts"
              id="project-contacts"
              multiple
              size={Math.min(8, Math.max(3, contacts.length + 2))}
              {...aria}
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
          )}
        </FormField>
      ) : null}
    </>
  );
}
