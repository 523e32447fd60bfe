// Real data: a 5 % stratified sample of the SpamAssassin corpus (~300 messages), parsed.
import { emailText, loadSpamAssassin } from './spam-assassin';

describe('SpamAssassin loader', () => {
  it('reads subject + decoded body, HTML stripped, no other headers; a seeded stratified sample', async () => {
    const rows = await loadSpamAssassin({ fraction: 0.05, seed: 3 });
    const count = (l: string) => rows.filter((r) => r.label === l).length;
    // per group: round(0.05 × n) of 4,150 ham and 1,896 spam
    expect([count('ham'), count('spam')]).toEqual([208, 95]);
    // every raw message's headers name the corpus's mail host; quoted mails in bodies do not
    expect(rows.filter((r) => r.text.includes('labs.spamassassin.taint.org'))).toEqual([]);
    expect(rows.filter((r) => /<\/?(html|body|table|font|br)\b/i.test(r.text))).toEqual([]);
    expect(rows.every((r) => r.text.length > 0)).toBe(true);
    expect(await loadSpamAssassin({ fraction: 0.05, seed: 3 })).toEqual(rows);
  }, 60_000); // Slow (~3 s idle, 10+ s on a busy machine): reads the package's 6,046 JSON files twice, parses 600 messages

  it('decodes quoted-printable HTML and keeps the subject line', async () => {
    const raw = [
      'From: a@example.com',
      'Subject: Life Insurance - Why Pay More?',
      'Content-Type: text/html; charset="iso-8859-1"',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      '<HTML><BODY><P>Save up to 70%=20on <A HREF=3D"http://x.example">life insurance</A>.</P>',
      '<IMG SRC=3D"a.gif"></BODY></HTML>',
    ].join('\r\n');
    expect(await emailText(raw)).toBe('Life Insurance - Why Pay More?\nSave up to 70% on life insurance.');
    await expect(loadSpamAssassin({ fraction: 2 })).rejects.toThrow('fraction must be in (0, 1]');
  });
});
