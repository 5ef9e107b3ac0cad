import { AsyncResource } from 'node:async_hooks';
import type { Transporter } from 'nodemailer';
import type { DataSource, EntityManager } from 'typeorm';
import { deferredModule } from '../../deferred-module';
import type { Logger } from '../../logger';

export interface OutgoingMail {
  to: string;
  subject: string;
  /** The plain-text part (always there). */
  body: string;
  /** An HTML alternative, for mails with structure (digests). */
  html?: string | null;
  /** Extra headers, e.g. `List-Unsubscribe`. */
  headers?: Record<string, string> | null;
  kind: string;
}

/** The queue task that sends one outbox message. */
export const SEND_MAIL_TASK = 'mail.send';

/** Attempts of one message before it shows as failed for good (the queue backs off exponentially). */
export const MAIL_MAX_ATTEMPTS = 10;

/**
 * The statement that queues outbox messages: each inserted row gets its `mail.send` job in the
 * same statement, so a message and its delivery exist exactly when the transaction commits.
 * `$rows` is a jsonb array of OutgoingMail-shaped objects.
 */
const INSERT_AND_QUEUE = `
  WITH inserted AS (
    INSERT INTO outbox_message (recipient, subject, body, html, headers, kind)
    SELECT m.to, m.subject, m.body, m.html, m.headers, m.kind
      FROM jsonb_to_recordset($1::jsonb)
        AS m("to" varchar, subject varchar, body text, html text, headers jsonb, kind varchar)
    RETURNING id
  )
  SELECT graphile_worker.add_job('${SEND_MAIL_TASK}', json_build_object('outboxId', id),
           max_attempts => ${MAIL_MAX_ATTEMPTS}, job_key => 'mail:' || id)
    FROM inserted`;

/** Queues e-mails in the caller's transaction (one statement); sent only if that transaction commits. */
export async function enqueueMails(manager: EntityManager, mails: OutgoingMail[]): Promise<void> {
  if (!mails.length) return;
  await manager.query(INSERT_AND_QUEUE, [
    JSON.stringify(
      mails.map((mail) => ({ ...mail, html: mail.html ?? null, headers: mail.headers ?? null })),
    ),
  ]);
}

/** Queues an e-mail in the caller's transaction; it is sent only if that transaction commits. */
export function enqueueMail(manager: EntityManager, mail: OutgoingMail): Promise<void> {
  return enqueueMails(manager, [mail]);
}

interface OutboxRow {
  id: string;
  recipient: string;
  subject: string;
  body: string;
  html: string | null;
  headers: Record<string, string> | null;
  kind: string;
}

/** nodemailer, loaded on first use (deferred-module.ts). */
const nodemailer = deferredModule(() => require('nodemailer') as typeof import('nodemailer'));

/** Sends mail: SMTP when configured, else the log (so an invitation link can be copied). */
export class Mailer {
  private pool: Transporter | null = null;

  constructor(
    private readonly smtpUrl: string | undefined,
    private readonly from: string,
    private readonly log: Logger,
  ) {}

  /**
   * The SMTP transport, made with the first mail. Pooled: the queue sends several mails at once over
   * a few kept-open connections.
   */
  private transport(url: string): Transporter {
    this.pool ??= nodemailer().createTransport({ url, pool: true, maxConnections: 4 });
    return this.pool;
  }

  /** Closes the pooled SMTP connections (shutdown). */
  close(): void {
    this.pool?.close();
  }

  /**
   * Sends one outbox message (the `mail.send` task). A failure is recorded on the message and
   * thrown, so the queue retries it with backoff; a sent or missing message is done.
   */
  async sendOutboxMessage(dataSource: DataSource, outboxId: string): Promise<void> {
    const [claimed] = (await dataSource.query(
      `UPDATE outbox_message SET attempts = attempts + 1
        WHERE id = $1 AND sent_at IS NULL
        RETURNING id, recipient, subject, body, html, headers, kind`,
      [outboxId],
    )) as [OutboxRow[], number];
    const message = claimed[0];
    if (!message) return;
    if (!this.smtpUrl) {
      this.log.info(
        {
          outbox: message.id,
          to: message.recipient,
          kind: message.kind,
          subject: message.subject,
          body: message.body,
        },
        'e-mail kept in the outbox (no SMTP_URL configured)',
      );
      return;
    }
    try {
      await this.transport(this.smtpUrl).sendMail({
        from: this.from,
        to: message.recipient,
        subject: message.subject,
        text: message.body,
        html: message.html ?? undefined,
        headers: message.headers ?? undefined,
      });
    } catch (error) {
      await dataSource.query(`UPDATE outbox_message SET last_error = $2 WHERE id = $1`, [
        message.id,
        String((error as Error).message).slice(0, 1000),
      ]);
      this.log.warn({ outbox: message.id, err: error }, 'SMTP delivery failed; the queue retries it');
      throw error;
    }
    await dataSource.query(`UPDATE outbox_message SET sent_at = now(), last_error = NULL WHERE id = $1`, [
      message.id,
    ]);
  }
}

/** Turns queued requests (e.g. password resets) into outbox messages; runs after each mutation. */
export type MailComposer = (dataSource: DataSource) => Promise<void>;

/**
 * Runs the mail composers after each committed mutation, outside the request (password reset
 * mails are composed apart from the request so that neither its answer nor its timing tells
 * whether the address exists). Sending is the job queue's `mail.send` task.
 */
export class MailDelivery {
  private running: Promise<void> | null = null;
  private again = false;
  private readonly composers: MailComposer[] = [];
  // Runs are started by requests but belong to none: created here, outside any request, this
  // keeps a run's statements out of the request's async context (statement counts, connection guard).
  private readonly detached = new AsyncResource('MailDelivery');

  constructor(
    private readonly dataSource: DataSource,
    private readonly log: Logger,
  ) {}

  /** Adds work that writes outbox messages after every mutation. */
  addComposer(composer: MailComposer): void {
    this.composers.push(composer);
  }

  /** Starts a composing run unless one is running (then another follows it). */
  flushSoon(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.detached
      .runInAsyncScope(() => this.flush())
      .catch((error) => this.log.error({ err: error }, 'composing mail failed'))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.flushSoon();
        }
      });
  }

  /** Waits for the current run (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async flush(): Promise<void> {
    for (const compose of this.composers) {
      // A failing composer keeps its queue for the next run.
      await compose(this.dataSource).catch((error) =>
        this.log.error({ err: error }, 'composing mail failed'),
      );
    }
  }
}
