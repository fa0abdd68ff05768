import { startTestMailbox, TestMailbox } from '@hub/testing';
import { loadConfig } from '@hub/config';
import { mailConfig, MailRejectedError, Mailer } from '@hub/mail';

describe('Mailer (a real SMTP peer)', () => {
  let mailbox: TestMailbox;
  let mailer: Mailer;
  beforeAll(async () => {
    mailbox = await startTestMailbox();
    mailer = new Mailer(loadConfig(mailConfig, { SMTP_URL: mailbox.url, SMTP_TIMEOUT_MS: '2000' }));
  });
  afterAll(async () => {
    mailer.onApplicationShutdown();
    await mailbox.close();
  });

  it('delivers plain text with the given Message-ID, language and the configured sender', async () => {
    await mailer.send({
      to: 'intake@harbor.example',
      subject: 'Nueva derivación',
      text: 'Hola — ñandú',
      messageId: '<outbox-1.agency@hub.test>',
      language: 'es',
    });
    const [mail] = await mailbox.waitFor(1);
    expect(mail).toEqual({
      messageId: '<outbox-1.agency@hub.test>',
      from: 'no-reply@taskforce-hub.invalid',
      to: ['intake@harbor.example'],
      subject: 'Nueva derivación',
      text: 'Hola — ñandú\n',
      language: 'es',
    });
  });

  it('fails (to be retried) while the server is down', async () => {
    await mailbox.stop();
    try {
      const error: unknown = await mailer
        .send({ to: 'a@b.example', subject: 's', text: 't', messageId: '<x@hub.test>', language: 'en' })
        .catch((e: unknown) => e);
      // A connection failure, not a rejection: the job is retried later.
      expect(error).not.toBeInstanceOf(MailRejectedError);
      expect((error as { code?: string }).code).toBe('ESOCKET');
    } finally {
      await mailbox.start();
    }
  });

  it('refuses configuration that is not an smtp(s) URL', () => {
    expect(() => loadConfig(mailConfig, { SMTP_URL: 'http://mail.example' })).toThrow(/SMTP_URL/);
  });
});
