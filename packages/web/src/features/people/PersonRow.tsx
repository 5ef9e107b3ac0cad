import { useMutation } from '@apollo/client/react';
import { useId, useState } from 'react';
import { apiErrorMessage } from '../../errors/apiErrors';
import { graphql } from '../../gql';
import type { PersonRow_UserFragment, Role } from '../../gql/graphql';
import { useT } from '../../i18n';
import { useConfirm } from '../../ui/ConfirmDialog';
import { Select } from '../../ui/Select';
import { MunicipalityPicker, type PickedMunicipality } from '../members/MunicipalityPicker';
import { PersonPrivacyActions } from '../privacy/PersonPrivacyActions';
import { personErrorMessage } from './personErrors';
import { roleLabel, roles } from './roles';

export const PersonRowFragment = graphql(`
  fragment PersonRow_user on User {
    id
    name
    position
    email
    phone
    role
    status
    municipality {
      id
      name
    }
    viewerCan {
      manage
      resendInvitation
    }
    ...PersonPrivacyActions_user
  }
`);

const DeactivateUser = graphql(`
  mutation DeactivateUser($input: PersonInput!) {
    deactivateUser(input: $input) {
      user {
        ...PersonRow_user
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
const ReactivateUser = graphql(`
  mutation ReactivateUser($input: PersonInput!) {
    reactivateUser(input: $input) {
      user {
        ...PersonRow_user
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
const ChangeUserRole = graphql(`
  mutation ChangeUserRole($input: ChangeRoleInput!) {
    changeUserRole(input: $input) {
      user {
        ...PersonRow_user
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
const ResendInvitation = graphql(`
  mutation PeopleResendInvitation($input: ResendInvitationInput!) {
    resendInvitation(input: $input) {
      user {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** One person of the people list, with what the viewer may do with them. */
export function PersonRow({ person }: { person: PersonRow_UserFragment }) {
  const t = useT();
  const { confirm, dialog } = useConfirm();
  const roleId = useId();
  const municipalityId = useId();
  const [role, setRole] = useState<Role>(person.role);
  // An officer's municipality: their current one until the coordinator picks another.
  const [municipality, setMunicipality] = useState<PickedMunicipality | null>(person.municipality ?? null);
  // Officers keep their municipality unless the coordinator asks to pick another one.
  const [picking, setPicking] = useState(false);
  const showPicker = role === 'OFFICER' && (person.role !== 'OFFICER' || picking);
  const [message, setMessage] = useState<string | null>(null);
  const [deactivate] = useMutation(DeactivateUser);
  const [reactivate] = useMutation(ReactivateUser);
  const [changeRole] = useMutation(ChangeUserRole);
  const [resend] = useMutation(ResendInvitation);
  const input = { input: { userId: person.id } };

  const attempt = async (
    work: () => Promise<readonly { field: string | null; code: string; message: string }[] | undefined>,
    done: string,
  ) => {
    try {
      const errors = (await work()) ?? [];
      setMessage(errors.length ? errors.map((e) => personErrorMessage(e)(t)).join(' ') : done);
    } catch (error) {
      setMessage(apiErrorMessage(error, t));
    }
  };

  return (
    <tr className="kern-table__row">
      <th scope="row" className="kern-table__cell">
        {person.name}
        {person.position ? <div className="kern-body kern-body--small">{person.position}</div> : null}
      </th>
      <td className="kern-table__cell">{person.municipality?.name ?? '–'}</td>
      <td className="kern-table__cell">{t(roleLabel[person.role])}</td>
      <td className="kern-table__cell">
        {person.email ? (
          <a className="kern-link" href={`mailto:${person.email}`}>
            {person.email}
          </a>
        ) : null}
        {person.phone ? <div>{person.phone}</div> : null}
      </td>
      <td className="kern-table__cell">{person.status ? t(`people.status.${person.status}`) : '–'}</td>
      <td className="kern-table__cell">
        {person.viewerCan.manage ? (
          <div className="hub-members-actions">
            {person.status === 'DEACTIVATED' ? (
              <button
                type="button"
                className="kern-btn kern-btn--secondary kern-btn--x-small"
                onClick={() =>
                  attempt(
                    async () => (await reactivate({ variables: input })).data?.reactivateUser.userErrors,
                    t('people.done'),
                  )
                }
              >
                <span className="kern-label">
                  {t('people.reactivate')}
                  <span className="kern-sr-only">: {person.name}</span>
                </span>
              </button>
            ) : (
              <button
                type="button"
                className="kern-btn kern-btn--secondary kern-btn--x-small"
                onClick={async () => {
                  const confirmed = await confirm({
                    title: t('people.confirmDeactivate.title', { name: person.name }),
                    consequence: t('people.confirmDeactivate.consequence', { name: person.name }),
                    confirmLabel: t('people.confirmDeactivate.confirm'),
                  });
                  if (!confirmed) return;
                  await attempt(
                    async () => (await deactivate({ variables: input })).data?.deactivateUser.userErrors,
                    t('people.done'),
                  );
                }}
              >
                <span className="kern-label">
                  {t('people.deactivate')}
                  <span className="kern-sr-only">: {person.name}</span>
                </span>
              </button>
            )}
            {person.viewerCan.resendInvitation ? (
              <button
                type="button"
                className="kern-btn kern-btn--secondary kern-btn--x-small"
                onClick={() =>
                  attempt(
                    async () => (await resend({ variables: input })).data?.resendInvitation.userErrors,
                    t('people.invitationSent'),
                  )
                }
              >
                <span className="kern-label">
                  {t('people.resendInvitation')}
                  <span className="kern-sr-only">: {person.name}</span>
                </span>
              </button>
            ) : null}
            <label className="kern-label kern-sr-only" htmlFor={roleId}>
              {t('people.roleOf', { name: person.name })}
            </label>
            <Select id={roleId} value={role} onChange={(event) => setRole(event.target.value as Role)}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {t(roleLabel[r])}
                </option>
              ))}
            </Select>
            {role === 'OFFICER' && !showPicker ? (
              <button
                type="button"
                className="kern-btn kern-btn--tertiary kern-btn--x-small"
                onClick={() => setPicking(true)}
              >
                <span className="kern-label">
                  {t('people.changeMunicipality')}
                  <span className="kern-sr-only">: {person.name}</span>
                </span>
              </button>
            ) : null}
            {showPicker ? (
              <MunicipalityPicker
                id={municipalityId}
                searchLabel={t('people.municipalitySearchFor', { name: person.name })}
                label={t('people.municipalityOf', { name: person.name })}
                value={municipality}
                onChange={setMunicipality}
              />
            ) : null}
            <button
              type="button"
              className="kern-btn kern-btn--secondary kern-btn--x-small"
              onClick={() =>
                attempt(
                  async () =>
                    (
                      await changeRole({
                        variables: {
                          input: {
                            userId: person.id,
                            role,
                            municipalityId: role === 'OFFICER' ? (municipality?.id ?? null) : null,
                          },
                        },
                      })
                    ).data?.changeUserRole.userErrors,
                  t('people.done'),
                )
              }
            >
              <span className="kern-label">
                {t('people.changeRole')}
                <span className="kern-sr-only">: {person.name}</span>
              </span>
            </button>
            <PersonPrivacyActions person={person} />
          </div>
        ) : null}
        {dialog}
        {message ? (
          <p className="kern-body kern-body--small" role="status">
            {message}
          </p>
        ) : null}
      </td>
    </tr>
  );
}
