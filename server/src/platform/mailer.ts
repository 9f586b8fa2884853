import nodemailer from 'nodemailer';
import type { Pool } from 'pg';
import type { Row } from '../db/rows';
import type { Logger } from '../logger';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** An HTML body sent with the text one (a receipt); the outbox keeps the text. */
  html?: string;
  /** Files sent with the mail (a purchase order's PDF). */
  attachments?: Array<{ filename: string; content: Buffer; contentType: string }>;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/** SMTP when SMTP_URL is set. */
export class SmtpMailer implements Mailer {
  private readonly transport;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(url);
  }

  async send(mail: Mail): Promise<void> {
    await this.transport.sendMail({ from: this.from, ...mail });
  }
}

/**
 * No SMTP: mail is kept in the mail_outbox table and announced in the log (without the
 * body, which may hold a reset link), so an operator of a local install can read it.
 */
export class OutboxMailer implements Mailer {
  constructor(
    private readonly pool: Pool,
    private readonly log: Logger,
  ) {}

  async send(mail: Mail): Promise<void> {
    // The outbox keeps text: an attachment is named in the body, its bytes are not kept.
    const files = (mail.attachments ?? []).map((a) => `\n[attached: ${a.filename}]`).join('');
    const { rows } = await this.pool.query<Row<'mail_outbox', 'id'>>(
      'INSERT INTO mail_outbox (to_address, subject, body) VALUES ($1, $2, $3) RETURNING id',
      [mail.to, mail.subject, mail.text + files],
    );
    this.log.info('mail stored in outbox (no SMTP_URL)', {
      outboxId: rows[0]?.id,
      to: mail.to,
      subject: mail.subject,
    });
  }
}
