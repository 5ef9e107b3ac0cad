import { useMutation } from '@apollo/client/react';
import { useId, useState } from 'react';
import { graphql } from '../../gql';
import type { InvitationResponse } from '../../gql/graphql';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { meetingErrorMessage } from '../meetings/meetingErrors';

const AnswerInvitationMutation = graphql(`
  mutation AnswerInvitationFromDashboard($input: RespondToInvitationInput!) {
    respondToInvitation(input: $input) {
      invitation {
        id
        response
      }
      unansweredInvitationCount
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const answers: InvitationResponse[] = ['YES', 'MAYBE', 'NO'];

/** Answers a meeting invitation in place (yes, maybe, no); the dashboard's counts follow. */
export function InvitationAnswer({
  meeting,
  response,
}: {
  meeting: { id: string; title: string };
  response: InvitationResponse;
}) {
  const t = useT();
  const name = useId();
  const [respond, { loading }] = useMutation(AnswerInvitationMutation, {
    // The answer comes back with the invitation (normalised by its ID) and the start page's count.
    update(cache, { data }) {
      const count = data?.respondToInvitation.unansweredInvitationCount;
      if (count === null || count === undefined) return;
      cache.modify({
        id: 'ROOT_QUERY',
        fields: {
          officerDashboard: (board) => (board ? { ...board, unansweredInvitationCount: count } : board),
        },
      });
    },
  });
  const [chosen, setChosen] = useState<InvitationResponse | null>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'danger'; text: string } | null>(null);
  return (
    <>
      <fieldset className="kern-fieldset hub-dashboard-answer">
        <legend className="kern-label">{t('dashboard.meetings.answer', { title: meeting.title })}</legend>
        <div className="kern-fieldset__body hub-dashboard-answer__options">
          {answers.map((value) => (
            <div className="kern-form-check" key={value}>
              <input
                className="kern-form-check__radio"
                type="radio"
                name={name}
                id={`${name}-${value}`}
                checked={(chosen ?? response) === value}
                disabled={loading}
                onChange={async () => {
                  setChosen(value);
                  const result = await respond({
                    variables: { input: { meetingId: meeting.id, response: value } },
                  });
                  setChosen(null);
                  const problem = meetingErrorMessage(result.data?.respondToInvitation.userErrors ?? [], t);
                  setMessage(
                    problem
                      ? { kind: 'danger', text: problem }
                      : { kind: 'success', text: t('dashboard.meetings.answered', { title: meeting.title }) },
                  );
                }}
              />
              <label className="kern-label" htmlFor={`${name}-${value}`}>
                {t(`meetings.response.${value}`)}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      {message ? (
        <Alert
          variant={message.kind}
          title={message.text}
          role={message.kind === 'danger' ? 'alert' : 'status'}
        />
      ) : null}
    </>
  );
}
