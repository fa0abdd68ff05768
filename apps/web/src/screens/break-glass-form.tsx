import { useMutation } from '@apollo/client/react';
import { Button, ButtonGroup } from '@trussworks/react-uswds';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../forms/fields';
import { graphql } from '../gql';
import { fieldErrorsOf } from '../graphql/errors';
import { ErrorNotice } from './error-notice';
import { WhatWillHappen } from './what-will-happen';

export const OPEN_BREAK_GLASS = graphql(`
  mutation OpenBreakGlass($input: OpenBreakGlassInput!) {
    openBreakGlass(input: $input) {
      session {
        id
        expiresAt
      }
    }
  }
`);

/** OpenBreakGlassInput.reason: the imminent danger, 20 to 1,000 characters (trimmed). */
export const BREAK_GLASS_REASON = { min: 20, max: 1000 };

export function validateBreakGlass(values: { reason: string }): Record<string, string> {
  const reason = values.reason.trim();
  if (!reason) return { reason: 'form.required' };
  if (reason.length < BREAK_GLASS_REASON.min) return { reason: 'safety.breakGlass.reasonTooShort' };
  if (reason.length > BREAK_GLASS_REASON.max) return { reason: 'form.tooLong' };
  return {};
}

/**
 * Break-glass on a survivor record (offered only where the API lists OPEN_BREAK_GLASS): the danger in
 * the person's words, and what will happen said before the confirming button — the record's
 * identity and contact open to this person alone, for a limited time, audited, the owning agency
 * notified and able to end and review it. `onOpened` gets the moment access ends.
 */
export function BreakGlassForm(props: {
  survivorId: string;
  /** The agency that owns the record, when the screen knows it. */
  ownerAgencyName?: string;
  onCancel: () => void;
  onOpened: (expiresAt: string) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [open, { loading }] = useMutation(OPEN_BREAK_GLASS);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const owner = props.ownerAgencyName ?? t('safety.breakGlass.theOwner');

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const found = validateBreakGlass({ reason });
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length) {
      requestAnimationFrame(() => document.getElementById('breakGlassReason')?.focus());
      return;
    }
    if (loading) return;
    try {
      const { data } = await open({
        variables: { input: { survivorId: props.survivorId, reason: reason.trim() } },
      });
      if (data) props.onOpened(data.openBreakGlass.session.expiresAt);
    } catch (caught) {
      const fields = fieldErrorsOf(caught, { reason: 'safety.breakGlass.reasonRefused' });
      if (fields) setErrors({ reason: fields['reason'] });
      else setFailure(caught);
    }
  };

  return (
    <form
      id="break-glass-form"
      aria-labelledby="break-glass-heading"
      className="usa-form usa-form--large margin-top-2"
      noValidate
      onSubmit={(event) => void submit(event)}
    >
      <h3 id="break-glass-heading" ref={heading} tabIndex={-1}>
        {t('safety.breakGlass.heading')}
      </h3>
      <p>{t('safety.breakGlass.intro')}</p>
      {failure !== null && <ErrorNotice error={failure} />}
      <TextAreaField
        id="breakGlassReason"
        required
        label={t('safety.breakGlass.reason')}
        hint={t('safety.breakGlass.reasonHint')}
        value={reason}
        onChange={setReason}
        error={errors['reason'] ? t(errors['reason']) : undefined}
      />
      <WhatWillHappen
        id="break-glass-happens"
        level="h4"
        heading={t('safety.breakGlass.whatHappens')}
        items={[
          t('safety.breakGlass.happens.opens'),
          t('safety.breakGlass.happens.timeBoxed'),
          t('safety.breakGlass.happens.audited'),
          t('safety.breakGlass.happens.notified', { owner }),
        ]}
      />
      <ButtonGroup className="margin-top-2">
        <Button type="submit" secondary disabled={loading}>
          {t('safety.breakGlass.confirm')}
        </Button>
        <Button type="button" unstyled onClick={props.onCancel}>
          {t('form.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
