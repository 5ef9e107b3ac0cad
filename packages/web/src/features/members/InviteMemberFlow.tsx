import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { graphql } from '../../gql';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { InvitePersonForm } from '../people/InvitePersonForm';
import { statusLabel } from './labels';
import { MembershipActions } from './MembershipActions';
import { MunicipalityPicker, type PickedMunicipality } from './MunicipalityPicker';
import { memberPaths } from './memberPaths';

const InviteMemberFlowQuery = graphql(`
  query InviteMemberFlow($id: ID!) {
    municipality(id: $id) {
      id
      name
      officers {
        id
        name
      }
      ...MembershipActions_municipality
    }
  }
`);

/**
 * One guided flow for a new member: choose the municipality, invite it into the network, invite
 * its digital officer, who then answers the invitation for it.
 */
export function InviteMemberFlow() {
  const t = useT();
  const [picked, setPicked] = useState<PickedMunicipality | null>(null);
  const { data, loading, error } = useQuery(InviteMemberFlowQuery, {
    variables: { id: picked?.id ?? '' },
    skip: !picked,
    fetchPolicy: 'cache-and-network',
  });
  const municipality = picked ? data?.municipality : null;
  return (
    <ol className="hub-invite-flow">
      <li>
        <h3 className="kern-heading-small">{t('members.flow.choose')}</h3>
        <MunicipalityPicker
          id="invite-flow-municipality"
          searchLabel={t('members.filter.search')}
          label={t('people.municipality')}
          value={picked}
          onChange={setPicked}
        />
      </li>
      <li>
        <h3 className="kern-heading-small">{t('members.flow.network')}</h3>
        {!picked ? (
          <p className="kern-body">{t('members.flow.chooseFirst')}</p>
        ) : loading && !municipality ? (
          <LoadingIndicator />
        ) : error ? (
          <Alert variant="danger" title={apiErrorMessage(error, t)} role="alert" />
        ) : municipality ? (
          <>
            <p className="kern-body">
              <Link className="kern-link" to={memberPaths.municipality(municipality.id)}>
                {municipality.name}
              </Link>
              :{' '}
              {t(
                municipality.membership ? statusLabel[municipality.membership.status] : 'members.status.NONE',
              )}
            </p>
            <MembershipActions municipality={municipality} />
          </>
        ) : null}
      </li>
      <li>
        <h3 className="kern-heading-small">{t('members.flow.officer')}</h3>
        {municipality ? (
          <>
            <p className="kern-body">
              {municipality.officers.length
                ? t('members.flow.officers', {
                    name: municipality.name,
                    officers: municipality.officers.map((o) => o.name).join(', '),
                  })
                : t('members.flow.noOfficer', { name: municipality.name })}
            </p>
            <InvitePersonForm key={municipality.id} municipality={municipality} idPrefix="invite-flow" />
          </>
        ) : (
          <p className="kern-body">{t('members.flow.chooseFirst')}</p>
        )}
      </li>
    </ol>
  );
}
