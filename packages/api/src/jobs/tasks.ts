import { EmailFrequency } from '@hub/shared';
import type { CronItem, TaskList } from 'graphile-worker';
import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { closeDueRounds } from '../modules/initiatives';
import type { Mailer } from '../modules/mail/mail-delivery';
import { SEND_MAIL_TASK } from '../modules/mail/mail-delivery';
import {
  CONSUME_TASK,
  consumeDomainEvents,
  remindOfActionItems,
  remindOfClosingRounds,
  sendDigests,
} from '../modules/notifications';
import { purgeExpired } from '../modules/privacy';

export interface TaskDeps {
  dataSource: DataSource;
  /** Read at each run: tests set publicUrl once the port is known. */
  config: Config;
  mailer: Mailer;
  log: Logger;
}

/** Every task the queue runs, by name. */
export function taskList({ dataSource, config, mailer, log }: TaskDeps): TaskList {
  return {
    [SEND_MAIL_TASK]: async (payload) => {
      await mailer.sendOutboxMessage(dataSource, (payload as { outboxId: string }).outboxId);
    },
    [CONSUME_TASK]: async () => {
      const written = await consumeDomainEvents(dataSource, config.publicUrl);
      if (written) log.info({ written }, 'notifications written');
    },
    'notifications.digest': async (payload) => {
      const frequency =
        (payload as { frequency?: string }).frequency === EmailFrequency.WEEKLY
          ? EmailFrequency.WEEKLY
          : EmailFrequency.DAILY;
      const sent = await sendDigests(dataSource, frequency, config.publicUrl);
      log.info({ frequency, ...sent }, 'digests queued');
    },
    'notifications.actionItemReminders': async () => {
      const written = await remindOfActionItems(dataSource, config.publicUrl);
      log.info({ written }, 'action item reminders written');
    },
    'initiatives.closeDueRounds': async () => {
      const closed = await closeDueRounds(dataSource);
      if (closed) log.info({ closed }, 'prioritisation rounds closed at their deadline');
    },
    'notifications.roundReminders': async () => {
      const written = await remindOfClosingRounds(dataSource, config.publicUrl);
      if (written) log.info({ written }, 'round reminders written');
    },
    'housekeeping.purge': async () => {
      await purgeExpired(dataSource, config.retention);
    },
  };
}

/**
 * When scheduled work runs (UTC; graphile-worker's cron): each tick becomes one job for the
 * whole cluster of API processes. Digests go out at 06:00 UTC (7 or 8 o'clock in Germany).
 */
export const crontab: CronItem[] = [
  { task: 'housekeeping.purge', match: '17 * * * *', identifier: 'housekeeping' },
  // The backstop of the after-commit trigger: events of a crashed process are still notified.
  {
    task: CONSUME_TASK,
    match: '* * * * *',
    identifier: 'notifications-consume',
    options: { backfillPeriod: 0, jobKey: CONSUME_TASK, jobKeyMode: 'preserve_run_at' },
  },
  // Rounds close themselves within a minute of their deadline (a coordinator may close earlier).
  {
    task: 'initiatives.closeDueRounds',
    match: '* * * * *',
    identifier: 'initiatives-close-due-rounds',
    options: { backfillPeriod: 0 },
  },
  {
    task: 'notifications.roundReminders',
    match: '25 * * * *',
    identifier: 'round-reminders',
    options: { backfillPeriod: 3600_000 },
  },
  {
    task: 'notifications.actionItemReminders',
    match: '0 5 * * *',
    identifier: 'action-item-reminders',
    options: { backfillPeriod: 6 * 3600_000 },
  },
  {
    task: 'notifications.digest',
    match: '0 6 * * *',
    identifier: 'daily-digest',
    payload: { frequency: EmailFrequency.DAILY },
    options: { backfillPeriod: 6 * 3600_000 },
  },
  {
    task: 'notifications.digest',
    match: '0 6 * * 1',
    identifier: 'weekly-digest',
    payload: { frequency: EmailFrequency.WEEKLY },
    options: { backfillPeriod: 6 * 3600_000 },
  },
];
