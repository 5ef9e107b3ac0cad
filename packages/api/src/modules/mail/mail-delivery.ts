import { AsyncResource } from 'node:async_hooks';
import type { Transporter } from 'nodemailer';
import nodemailer from 'nodemailer';
import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from '../../logger';
import { OutboxMessage } from './outbox-message.entity';

export interface OutgoingMail {
  to: string;
  subject: string;
  body: string;
  kind: string;
}

/** Queues an e-mail in the caller's transaction; it is sent only if that transaction commits. */
export async function enqueueMail(manager: EntityManager, mail: OutgoingMail): Promise<void> {
  await manager.insert(OutboxMessage, {
    recipient: mail.to,
    subject: mail.subject,
    body: mail.body,
    kind: mail.kind,
  });
}

const MAX_ATTEMPTS = 5;

/** Turns queued requests (e.g. password resets) into outbox messages; runs before each delivery. */
export type MailComposer = (dataSource: DataSource) => Promise<void>;

/**
 * Delivers the outbox. With SMTP configured, pending messages go out through nodemailer; without
 * it, each new message is written to the log once (so an invitation link can be copied) and stays
 * in the outbox table.
 */
export class MailDelivery {
  private readonly transport: Transporter | null;
  private running: Promise<void> | null = null;
  private again = false;
  private readonly composers: MailComposer[] = [];
  // Runs are started by requests but belong to none: created here, outside any request, this
  // keeps a run's statements out of the request's async context (statement counts, connection guard).
  private readonly detached = new AsyncResource('MailDelivery');

  constructor(
    private readonly dataSource: DataSource,
    smtpUrl: string | undefined,
    private readonly from: string,
    private readonly log: Logger,
  ) {
    this.transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
  }

  /** Adds work that writes outbox messages at the start of every delivery run. */
  addComposer(composer: MailComposer): void {
    this.composers.push(composer);
  }

  /** Starts a delivery run unless one is running (then another follows it). */
  flushSoon(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.detached
      .runInAsyncScope(() => this.flush())
      .catch((error) => this.log.error({ err: error }, 'mail delivery failed'))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.flushSoon();
        }
      });
  }

  /** Waits for the current delivery run (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async flush(): Promise<void> {
    for (const compose of this.composers) {
      // A failing composer keeps its queue for the next run and does not hold up delivery.
      await compose(this.dataSource).catch((error) =>
        this.log.error({ err: error }, 'composing mail failed'),
      );
    }
    // Claiming rows with SKIP LOCKED lets several API processes share one outbox without sending twice.
    const [claimed] = (await this.dataSource.query(
      `UPDATE outbox_message SET attempts = attempts + 1
        WHERE id IN (SELECT id FROM outbox_message
                      WHERE sent_at IS NULL AND attempts < $1
                      ORDER BY created_at LIMIT 100 FOR UPDATE SKIP LOCKED)
        RETURNING id, recipient, subject, body, kind`,
      [this.transport ? MAX_ATTEMPTS : 1],
    )) as [Pick<OutboxMessage, 'id' | 'recipient' | 'subject' | 'body' | 'kind'>[], number];
    const repository = this.dataSource.getRepository(OutboxMessage);
    for (const message of claimed) {
      if (!this.transport) {
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
        continue;
      }
      try {
        await this.transport.sendMail({
          from: this.from,
          to: message.recipient,
          subject: message.subject,
          text: message.body,
        });
        await repository.update(message.id, { sentAt: new Date(), lastError: null });
      } catch (error) {
        await repository.update(message.id, { lastError: String((error as Error).message).slice(0, 1000) });
        this.log.warn({ outbox: message.id, err: error }, 'SMTP delivery failed; will retry');
      }
    }
  }
}
