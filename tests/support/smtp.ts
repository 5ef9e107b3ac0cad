import type { AddressInfo } from 'node:net';
import type { ParsedMail } from 'mailparser';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on loopback that keeps every mail it receives, parsed. */
export class TestSmtpServer {
  readonly received: ParsedMail[] = [];
  private server: SMTPServer | null = null;
  port = 0;

  /** Starts listening (on the same port again after `stop`, to play an outage). */
  async start(port = this.port): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      // An outage is sudden: open (pooled) connections are cut, not waited for.
      closeTimeout: 100,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            this.received.push(mail);
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string): ParsedMail[] {
    return this.received.filter(
      (mail) => mail.to && !Array.isArray(mail.to) && mail.to.value.some((v) => v.address === address),
    );
  }

  /** Waits until `check` holds for the received mails (polls; fails after `ms`). */
  async waitFor(check: (received: ParsedMail[]) => boolean, ms = 20_000): Promise<void> {
    const until = Date.now() + ms;
    while (!check(this.received)) {
      if (Date.now() > until) throw new Error(`mails not received in time (${this.received.length} so far)`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
