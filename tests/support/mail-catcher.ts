// A real SMTP server on localhost for tests (smtp-server), keeping every message it receives parsed (mailparser).
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface MailCatcher {
  port: number;
  messages: ParsedMail[];
  /** The first message to `to` whose subject matches, waiting up to `withinMs` for it to arrive. */
  waitForMail(to: string, withinMs?: number): Promise<ParsedMail>;
  close(): Promise<void>;
}

const recipientsOf = (mail: ParsedMail) =>
  [mail.to ?? []].flat().flatMap((address) => address.value.map((entry) => entry.address?.toLowerCase()));

export async function startMailCatcher(port: number): Promise<MailCatcher> {
  const messages: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    port,
    messages,
    async waitForMail(to, withinMs = 15_000) {
      const deadline = Date.now() + withinMs;
      while (Date.now() < deadline) {
        const found = messages.find((mail) => recipientsOf(mail).includes(to.toLowerCase()));
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`no mail to ${to} within ${withinMs} ms (got ${messages.length} others)`);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The one-time link in a message's text. */
export function linkIn(mail: ParsedMail): string {
  const link = /https?:\/\/\S+\/(?:invitation|password-reset)\/[A-Za-z0-9_-]{43}/.exec(mail.text ?? "")?.[0];
  if (!link) throw new Error(`no link in mail: ${mail.text}`);
  return link;
}
