// Outgoing e-mail through the SMTP server of ESCRIBA_SMTP_URL (nodemailer); without one, nothing is sent and the
// caller shows the link instead. A mail that cannot be delivered never fails the request that wanted to send it.
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

let transport: Transporter | undefined;

function smtpTransport(): Transporter | null {
  const url = env().ESCRIBA_SMTP_URL;
  if (!url) return null;
  transport ??= nodemailer.createTransport(url);
  return transport;
}

export function mailConfigured(): boolean {
  return Boolean(env().ESCRIBA_SMTP_URL);
}

/** True when the SMTP server accepted the message; false when none is configured or it refused (logged). */
export async function sendMail(mail: OutgoingMail): Promise<boolean> {
  const smtp = smtpTransport();
  if (!smtp) return false;
  try {
    await smtp.sendMail({ from: env().ESCRIBA_MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
    return true;
  } catch (error) {
    console.error(`Could not send mail: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}
