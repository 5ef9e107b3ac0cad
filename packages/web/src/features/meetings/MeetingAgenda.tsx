import { useMutation } from '@apollo/client/react';
import { type FormEvent, useEffect, useState } from 'react';
import { graphql } from '../../gql';
import type { MeetingAgenda_MeetingFragment, OutcomeKind } from '../../gql/graphql';
import { useT } from '../../i18n';
import { ActionMenu } from '../../ui/ActionMenu';
import { Alert } from '../../ui/Alert';
import { useConfirm } from '../../ui/ConfirmDialog';
import { DateField } from '../../ui/DateField';
import { Select } from '../../ui/Select';
import { meetingErrorMessage } from './meetingErrors';
import { OutcomeItem } from './OutcomeItem';
import { LinkedProjects, type PickedProject, ProjectPicker } from './ProjectPicker';

export const MeetingAgendaFragment = graphql(`
  fragment MeetingAgenda_meeting on Meeting {
    id
    agendaItems {
      id
      position
      title
      description
      plannedMinutes
      presenter {
        id
        name
      }
      project {
        id
        title
      }
      outcomes {
        id
        ...OutcomeItem_outcome
      }
    }
    openActionItems {
      id
      meeting {
        id
        title
      }
      ...OutcomeItem_outcome
    }
    invitations {
      id
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
      editMinutes
    }
  }
`);

const AddAgendaItemMutation = graphql(`
  mutation AddAgendaItem($input: AddAgendaItemInput!) {
    addAgendaItem(input: $input) {
      meeting {
        ...MeetingAgendaChange_meeting
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const ReorderAgendaMutation = graphql(`
  mutation ReorderAgenda($input: ReorderAgendaInput!) {
    reorderAgenda(input: $input) {
      meeting {
        ...MeetingAgendaChange_meeting
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const RemoveAgendaItemMutation = graphql(`
  mutation RemoveAgendaItem($input: AgendaItemRefInput!) {
    removeAgendaItem(input: $input) {
      meeting {
        ...MeetingAgendaChange_meeting
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const UpdateAgendaItemMutation = graphql(`
  mutation UpdateAgendaItemProject($input: UpdateAgendaItemInput!) {
    updateAgendaItem(input: $input) {
      meeting {
        ...MeetingAgendaChange_meeting
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const AddOutcomeMutation = graphql(`
  mutation AddOutcome($input: AddOutcomeInput!) {
    addOutcome(input: $input) {
      outcome {
        id
        meeting {
          ...MeetingAgendaChange_meeting
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/**
 * What an agenda change touches: the agenda with its outcomes, and the minutes' notes per item.
 * Every agenda mutation selects it, so the page shows the answer from the cache.
 */
export const MeetingAgendaChangeFragment = graphql(`
  fragment MeetingAgendaChange_meeting on Meeting {
    id
    ...MeetingAgenda_meeting
    ...MeetingMinutesSection_meeting
  }
`);

type Invitation = NonNullable<MeetingAgenda_MeetingFragment['invitations']>[number];
type Item = MeetingAgenda_MeetingFragment['agendaItems'][number];

/** Changes the project linked to an existing agenda item; the other fields are sent unchanged. */
function AgendaItemProjectForm({ item, onDone }: { item: Item; onDone: () => void }) {
  const t = useT();
  const [update, { loading }] = useMutation(UpdateAgendaItemMutation);
  const [projects, setProjects] = useState<PickedProject[]>(item.project ? [item.project] : []);
  const [problem, setProblem] = useState<string | null>(null);
  const pickerId = `agenda-${item.id}`;
  // Opened from the item's menu: the keyboard focus follows to the form's search field.
  useEffect(() => document.getElementById(`${pickerId}-project-search`)?.focus(), [pickerId]);
  return (
    <form
      className="hub-form hub-agenda-item__edit"
      aria-label={t('meetings.projects.changeFor', { title: item.title })}
      onSubmit={async (event) => {
        event.preventDefault();
        const result = await update({
          variables: {
            input: {
              agendaItemId: item.id,
              title: item.title,
              description: item.description,
              presenterId: item.presenter?.id ?? null,
              plannedMinutes: item.plannedMinutes ?? null,
              projectId: projects[0]?.id ?? null,
            },
          },
        });
        const message = meetingErrorMessage(result.data?.updateAgendaItem.userErrors ?? [], t);
        setProblem(message);
        if (!message) onDone();
      }}
    >
      {problem ? <Alert variant="danger" title={problem} role="alert" /> : null}
      <ProjectPicker idPrefix={pickerId} multiple={false} selected={projects} onChange={setProjects} />
      <div className="hub-form__actions">
        <button type="submit" className="kern-btn kern-btn--secondary" disabled={loading}>
          <span className="kern-label">{t('meetings.projects.save')}</span>
        </button>
        <button type="button" className="kern-btn kern-btn--tertiary" onClick={onDone}>
          <span className="kern-label">{t('common.cancel')}</span>
        </button>
      </div>
    </form>
  );
}

/** Records an outcome of an agenda item; action items need an owner and a due date. */
function OutcomeForm({ agendaItemId, invitations }: { agendaItemId: string; invitations: Invitation[] }) {
  const t = useT();
  const [addOutcome, { loading }] = useMutation(AddOutcomeMutation);
  const [kind, setKind] = useState<OutcomeKind>('DECISION');
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [projects, setProjects] = useState<PickedProject[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const municipalities = new Map(
    invitations
      .filter((i) => i.municipality)
      .map((i) => [i.municipality?.id ?? '', i.municipality?.name ?? '']),
  );
  const prefix = `outcome-${agendaItemId}`;
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const [ownerKind, ownerId] = owner.split(':');
    const result = await addOutcome({
      variables: {
        input: {
          agendaItemId,
          kind,
          title,
          ownerUserId: kind === 'ACTION_ITEM' && ownerKind === 'user' ? ownerId : null,
          ownerMunicipalityId: kind === 'ACTION_ITEM' && ownerKind === 'municipality' ? ownerId : null,
          dueDate: kind === 'ACTION_ITEM' && dueDate ? dueDate : null,
          projectIds: kind === 'ACTION_ITEM' ? projects.map((p) => p.id) : null,
        },
      },
    });
    const message = meetingErrorMessage(result.data?.addOutcome.userErrors ?? [], t);
    setProblem(message);
    if (!message) {
      setTitle('');
      setDueDate('');
      setProjects([]);
    }
  };
  return (
    <form className="hub-form" onSubmit={submit} aria-label={t('meetings.outcome.add')}>
      {problem ? <Alert variant="danger" title={problem} role="alert" /> : null}
      <div className="kern-form-input">
        <label className="kern-label" htmlFor={`${prefix}-kind`}>
          {t('meetings.outcome.kindLabel')}
        </label>
        <Select id={`${prefix}-kind`} value={kind} onChange={(e) => setKind(e.target.value as OutcomeKind)}>
          {(['DECISION', 'ACTION_ITEM', 'INFORMATION'] as const).map((value) => (
            <option key={value} value={value}>
              {t(`meetings.outcome.kind.${value}`)}
            </option>
          ))}
        </Select>
      </div>
      <div className="kern-form-input">
        <label className="kern-label" htmlFor={`${prefix}-title`}>
          {t('meetings.outcome.title')}
        </label>
        <input
          className="kern-form-input__input"
          id={`${prefix}-title`}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
      </div>
      {kind === 'ACTION_ITEM' ? (
        <>
          <div className="kern-form-input">
            <label className="kern-label" htmlFor={`${prefix}-owner`}>
              {t('meetings.outcome.owner')}
            </label>
            <Select id={`${prefix}-owner`} value={owner} onChange={(e) => setOwner(e.target.value)}>
              <option value="">{t('meetings.outcome.chooseOwner')}</option>
              {invitations.map((i) =>
                i.user ? (
                  <option key={i.id} value={`user:${i.user.id}`}>
                    {i.user.name}
                  </option>
                ) : null,
              )}
              {[...municipalities].map(([id, name]) => (
                <option key={id} value={`municipality:${id}`}>
                  {t('meetings.outcome.municipalityOwner', { name })}
                </option>
              ))}
            </Select>
          </div>
          <DateField
            id={`${prefix}-due`}
            label={t('meetings.outcome.dueDate')}
            value={dueDate}
            onChange={setDueDate}
          />
          <ProjectPicker idPrefix={prefix} multiple selected={projects} onChange={setProjects} />
        </>
      ) : null}
      <div className="hub-form__actions">
        <button type="submit" className="kern-btn kern-btn--secondary" disabled={loading}>
          <span className="kern-label">{t('meetings.outcome.add')}</span>
        </button>
      </div>
    </form>
  );
}

/** The agenda in order, its outcomes, the carried-over open action items; editing for organisers. */
export function MeetingAgenda({ meeting }: { meeting: MeetingAgenda_MeetingFragment }) {
  const t = useT();
  const [addItem, adding] = useMutation(AddAgendaItemMutation);
  const [reorder] = useMutation(ReorderAgendaMutation);
  const [removeItem] = useMutation(RemoveAgendaItemMutation);
  const { confirm, dialog } = useConfirm();
  // The one item whose linked project is being changed (opened from its menu).
  const [editingProjectOf, setEditingProjectOf] = useState<string | null>(null);
  const [newTitle, setNewTitle] = useState('');
  const [newPresenter, setNewPresenter] = useState('');
  const [newMinutes, setNewMinutes] = useState('');
  const [newProject, setNewProject] = useState<PickedProject[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const items = meeting.agendaItems;
  const move = async (index: number, by: number) => {
    const ids = items.map((item) => item.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + by, 0, moved);
    const result = await reorder({ variables: { input: { meetingId: meeting.id, agendaItemIds: ids } } });
    setProblem(meetingErrorMessage(result.data?.reorderAgenda.userErrors ?? [], t));
  };
  const remove = async (item: Item, menuButton: HTMLButtonElement | null) => {
    const confirmed = await confirm(
      {
        title: t('meetings.agenda.confirmRemove.title', { title: item.title }),
        consequence: t('meetings.agenda.confirmRemove.consequence'),
        confirmLabel: t('meetings.agenda.confirmRemove.confirm'),
      },
      menuButton,
    );
    if (!confirmed) return;
    const result = await removeItem({ variables: { input: { agendaItemId: item.id } } });
    setProblem(meetingErrorMessage(result.data?.removeAgendaItem.userErrors ?? [], t));
  };

  return (
    <section className="hub-meeting-section" aria-labelledby="meeting-agenda">
      <h2 className="kern-heading-medium" id="meeting-agenda">
        {t('meetings.agenda.title')}
      </h2>
      {problem ? <Alert variant="danger" title={problem} role="alert" /> : null}
      {dialog}
      {items.length === 0 ? <p className="kern-body">{t('meetings.agenda.empty')}</p> : null}
      <ol className="hub-meeting-agenda">
        {items.map((item, index) => (
          <li key={item.id}>
            <div className="hub-agenda-item__head">
              <h3 className="kern-heading-small">{item.title}</h3>
              {meeting.viewerCan.manage ? (
                <ActionMenu
                  label={t('meetings.agenda.actions')}
                  accessibleLabel={t('meetings.agenda.actionsFor', { title: item.title })}
                  actions={[
                    {
                      label: t('meetings.agenda.moveUpShort'),
                      accessibleLabel: t('meetings.agenda.moveUp', { title: item.title }),
                      disabled: index === 0,
                      onSelect: () => move(index, -1),
                    },
                    {
                      label: t('meetings.agenda.moveDownShort'),
                      accessibleLabel: t('meetings.agenda.moveDown', { title: item.title }),
                      disabled: index === items.length - 1,
                      onSelect: () => move(index, 1),
                    },
                    {
                      label: t('meetings.projects.change'),
                      accessibleLabel: t('meetings.projects.changeFor', { title: item.title }),
                      onSelect: () => setEditingProjectOf(item.id),
                    },
                    {
                      label: t('meetings.agenda.removeShort'),
                      accessibleLabel: t('meetings.agenda.remove', { title: item.title }),
                      destructive: true,
                      onSelect: (menuButton) => remove(item, menuButton),
                    },
                  ]}
                />
              ) : null}
            </div>
            <p className="kern-body kern-body--small">
              {[
                item.presenter ? t('meetings.agenda.presenter', { name: item.presenter.name }) : null,
                item.plannedMinutes ? t('meetings.agenda.minutes', { count: item.plannedMinutes }) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
            {item.description ? <p className="kern-body">{item.description}</p> : null}
            <LinkedProjects projects={item.project ? [item.project] : []} />
            {meeting.viewerCan.manage && editingProjectOf === item.id ? (
              <AgendaItemProjectForm item={item} onDone={() => setEditingProjectOf(null)} />
            ) : null}
            {item.outcomes.length ? (
              <ul
                className="hub-meeting-list"
                aria-label={t('meetings.outcome.listLabel', { title: item.title })}
              >
                {item.outcomes.map((outcome) => (
                  <OutcomeItem
                    key={outcome.id}
                    outcome={outcome}
                    mayRecordDecisions={meeting.viewerCan.editMinutes}
                  />
                ))}
              </ul>
            ) : null}
            {meeting.viewerCan.editMinutes ? (
              <details>
                <summary
                  className="kern-link"
                  aria-label={t('meetings.outcome.addFor', { title: item.title })}
                >
                  {t('meetings.outcome.add')}
                </summary>
                <OutcomeForm agendaItemId={item.id} invitations={meeting.invitations ?? []} />
              </details>
            ) : null}
          </li>
        ))}
        {meeting.openActionItems.length ? (
          <li>
            <h3 className="kern-heading-small">{t('meetings.agenda.openActionItems')}</h3>
            <ul className="hub-meeting-list">
              {meeting.openActionItems.map((outcome) => (
                <OutcomeItem key={outcome.id} outcome={outcome} context={outcome.meeting?.title} />
              ))}
            </ul>
          </li>
        ) : null}
      </ol>
      {meeting.viewerCan.manage ? (
        <form
          className="hub-form"
          onSubmit={async (event) => {
            event.preventDefault();
            if (!newTitle.trim()) return;
            const result = await addItem({
              variables: {
                input: {
                  meetingId: meeting.id,
                  title: newTitle.trim(),
                  presenterId: newPresenter || null,
                  plannedMinutes: newMinutes ? Number(newMinutes) : null,
                  projectId: newProject[0]?.id ?? null,
                },
              },
            });
            const message = meetingErrorMessage(result.data?.addAgendaItem.userErrors ?? [], t);
            setProblem(message);
            if (!message) {
              setNewTitle('');
              setNewPresenter('');
              setNewMinutes('');
              setNewProject([]);
            }
          }}
        >
          <div className="kern-form-input">
            <label className="kern-label" htmlFor="agenda-new-title">
              {t('meetings.agenda.newItem')}
            </label>
            <input
              className="kern-form-input__input"
              id="agenda-new-title"
              value={newTitle}
              onChange={(e) => setNewTitle(e.target.value)}
            />
          </div>
          <div className="kern-form-input">
            <label className="kern-label" htmlFor="agenda-new-presenter">
              {t('meetings.agenda.presenterLabel')}
            </label>
            <Select
              id="agenda-new-presenter"
              value={newPresenter}
              onChange={(e) => setNewPresenter(e.target.value)}
            >
              <option value="">{t('meetings.agenda.noPresenter')}</option>
              {(meeting.invitations ?? []).map((i) =>
                i.user ? (
                  <option key={i.id} value={i.user.id}>
                    {i.user.name}
                  </option>
                ) : null,
              )}
            </Select>
          </div>
          <div className="kern-form-input">
            <label className="kern-label" htmlFor="agenda-new-minutes">
              {t('meetings.agenda.plannedMinutes')}
            </label>
            <input
              className="kern-form-input__input"
              id="agenda-new-minutes"
              type="number"
              min={1}
              value={newMinutes}
              onChange={(e) => setNewMinutes(e.target.value)}
            />
          </div>
          <ProjectPicker
            idPrefix="agenda-new"
            multiple={false}
            selected={newProject}
            onChange={setNewProject}
          />
          <div className="hub-form__actions">
            <button type="submit" className="kern-btn kern-btn--secondary" disabled={adding.loading}>
              <span className="kern-label">{t('meetings.agenda.add')}</span>
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
