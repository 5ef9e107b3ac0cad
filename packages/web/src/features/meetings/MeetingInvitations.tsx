import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { InvitationResponse, MeetingInvitations_MeetingFragment } from '../../gql/graphql';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { RadioGroup } from '../../ui/RadioGroup';
import { ScrollTable } from '../../ui/ScrollTable';
import { meetingErrorMessage } from './meetingErrors';

export const MeetingInvitationsFragment = graphql(`
  fragment MeetingInvitations_meeting on Meeting {
    id
    cancelled
    startsAt
    workingGroup {
      id
    }
    viewerInvitation {
      id
      response
    }
    participation {
      invited
      yes
      no
      maybe
      pending
      attended
      attendingMunicipalities
    }
    invitations {
      id
      response
      attended
      user {
        id
        name
      }
      municipality {
        id
        name
      }
    }
    viewerCan {
      manage
      respond
    }
  }
`);

const RespondMutation = graphql(`
  mutation RespondToInvitation($input: RespondToInvitationInput!) {
    respondToInvitation(input: $input) {
      invitation {
        id
        response
        meeting {
          ...MeetingInvitationsChange_meeting
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const InviteMutation = graphql(`
  mutation InviteToMeeting($input: InviteToMeetingInput!) {
    inviteToMeeting(input: $input) {
      meeting {
        ...MeetingInvitationsChange_meeting
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const AttendanceMutation = graphql(`
  mutation RecordAttendance($input: RecordAttendanceInput!) {
    recordAttendance(input: $input) {
      meeting {
        ...MeetingInvitationsChange_meeting
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/**
 * What inviting, answering and attendance touch: the invitations with their figures, and the agenda
 * (those invited may present and own action items). The mutations select it, so the page shows the
 * answer from the cache.
 */
export const MeetingInvitationsChangeFragment = graphql(`
  fragment MeetingInvitationsChange_meeting on Meeting {
    id
    ...MeetingInvitations_meeting
    ...MeetingAgenda_meeting
  }
`);
const answers: InvitationResponse[] = ['YES', 'MAYBE', 'NO'];

/** The viewer's answer, who is invited and how they answered, inviting, and attendance afterwards. */
export function MeetingInvitations({ meeting }: { meeting: MeetingInvitations_MeetingFragment }) {
  const t = useT();
  const [respond, responding] = useMutation(RespondMutation);
  const [invite, inviting] = useMutation(InviteMutation);
  const [recordAttendance, recording] = useMutation(AttendanceMutation);
  const [message, setMessage] = useState<{ kind: 'success' | 'danger'; text: string } | null>(null);
  const [present, setPresent] = useState<Record<string, boolean>>({});
  // Shown at once; the server's answer replaces it.
  const [answer, setAnswer] = useState<InvitationResponse | null>(null);
  const started = new Date(meeting.startsAt).getTime() <= Date.now();
  const p = meeting.participation;

  const report = (
    errors: readonly { field: string | null; message: string; code: string }[],
    success: string,
  ) => {
    const problem = meetingErrorMessage(errors, t);
    setMessage(problem ? { kind: 'danger', text: problem } : { kind: 'success', text: success });
  };

  return (
    <section className="hub-meeting-section" aria-labelledby="meeting-invitations">
      <h2 className="kern-heading-medium" id="meeting-invitations">
        {t('meetings.invitations.title')}
      </h2>
      {message ? (
        <Alert
          variant={message.kind}
          title={message.text}
          role={message.kind === 'danger' ? 'alert' : 'status'}
        />
      ) : null}
      <p className="kern-body">
        {t('meetings.invitations.summary', {
          invited: p.invited,
          yes: t('meetings.invitations.yesCount', { count: p.yes }),
          maybe: p.maybe,
          no: t('meetings.invitations.noCount', { count: p.no }),
          pending: p.pending,
        })}
      </p>
      {started ? (
        <p className="kern-body">
          {t('meetings.invitations.attendedSummary', {
            count: p.attended,
            municipalities: t('meetings.invitations.municipalityCount', { count: p.attendingMunicipalities }),
          })}
        </p>
      ) : null}

      {meeting.viewerInvitation && meeting.viewerCan.respond ? (
        <RadioGroup
          name="meeting-answer"
          legend={t('meetings.invitations.yourAnswer')}
          options={answers.map((value) => ({ value, label: t(`meetings.response.${value}`) }))}
          value={answer ?? meeting.viewerInvitation?.response ?? null}
          disabled={responding.loading}
          onChange={async (value) => {
            setAnswer(value);
            const result = await respond({
              variables: { input: { meetingId: meeting.id, response: value } },
            });
            setAnswer(null);
            report(result.data?.respondToInvitation.userErrors ?? [], t('meetings.invitations.answered'));
          }}
        />
      ) : null}

      {meeting.viewerCan.manage ? (
        <div className="hub-form__actions">
          {meeting.workingGroup ? (
            <button
              type="button"
              className="kern-btn kern-btn--secondary"
              disabled={inviting.loading}
              onClick={async () => {
                const result = await invite({
                  variables: { input: { meetingId: meeting.id, workingGroupMembers: true } },
                });
                report(result.data?.inviteToMeeting.userErrors ?? [], t('meetings.invitations.invited'));
              }}
            >
              <span className="kern-label">{t('meetings.invitations.inviteGroup')}</span>
            </button>
          ) : null}
          <button
            type="button"
            className="kern-btn kern-btn--secondary"
            disabled={inviting.loading}
            onClick={async () => {
              const result = await invite({
                variables: { input: { meetingId: meeting.id, allMemberMunicipalities: true } },
              });
              report(result.data?.inviteToMeeting.userErrors ?? [], t('meetings.invitations.invited'));
            }}
          >
            <span className="kern-label">{t('meetings.invitations.inviteMunicipalities')}</span>
          </button>
        </div>
      ) : null}

      {meeting.invitations ? (
        meeting.invitations.length === 0 ? (
          <p className="kern-body">{t('meetings.invitations.none')}</p>
        ) : (
          <form
            onSubmit={async (event) => {
              event.preventDefault();
              const entries = (meeting.invitations ?? [])
                .filter((i) => i.user)
                .map((i) => ({ userId: i.user?.id ?? '', attended: present[i.id] ?? i.attended ?? false }));
              const result = await recordAttendance({
                variables: { input: { meetingId: meeting.id, entries } },
              });
              report(
                result.data?.recordAttendance.userErrors ?? [],
                t('meetings.invitations.attendanceSaved'),
              );
            }}
          >
            <ScrollTable label={t('meetings.invitations.tableCaption')}>
              <table className="hub-meeting-table">
                <caption className="kern-body">{t('meetings.invitations.tableCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('meetings.invitations.person')}</th>
                    <th scope="col">{t('meetings.invitations.municipality')}</th>
                    <th scope="col">{t('meetings.invitations.answer')}</th>
                    <th scope="col">{t('meetings.invitations.attended')}</th>
                  </tr>
                </thead>
                <tbody>
                  {meeting.invitations.map((invitation) => (
                    <tr key={invitation.id}>
                      <td>{invitation.user?.name ?? '–'}</td>
                      <td>{invitation.municipality?.name ?? '–'}</td>
                      <td>{t(`meetings.response.${invitation.response}`)}</td>
                      <td>
                        {meeting.viewerCan.manage && started ? (
                          <input
                            type="checkbox"
                            className="kern-form-check__checkbox"
                            aria-label={t('meetings.invitations.attendedBy', {
                              name: invitation.user?.name ?? '',
                            })}
                            checked={present[invitation.id] ?? invitation.attended ?? false}
                            onChange={(event) =>
                              setPresent({ ...present, [invitation.id]: event.target.checked })
                            }
                          />
                        ) : invitation.attended === null ? (
                          '–'
                        ) : invitation.attended ? (
                          t('meetings.yes')
                        ) : (
                          t('meetings.no')
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
            {meeting.viewerCan.manage && started ? (
              <div className="hub-form__actions">
                <button type="submit" className="kern-btn kern-btn--secondary" disabled={recording.loading}>
                  <span className="kern-label">{t('meetings.invitations.saveAttendance')}</span>
                </button>
              </div>
            ) : null}
          </form>
        )
      ) : null}
    </section>
  );
}
