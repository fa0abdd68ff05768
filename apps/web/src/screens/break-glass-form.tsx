import { useMutation } from '@apollo/client/react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../forms/fields';
import { graphql } from '../gql';
import { ActionFormFrame, useActionForm } from './record-actions';
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
  const [open] = useMutation(OPEN_BREAK_GLASS);
  const owner = props.ownerAgencyName ?? t('safety.breakGlass.theOwner');
  // When the access ends, from the API's answer (the form's result carries no data).
  const expiresAt = useRef<string | null>(null);
  const form = useActionForm({
    initial: () => ({ reason: '' }),
    validate: validateBreakGlass,
    run: async (values) => {
      const { data } = await open({
        variables: { input: { survivorId: props.survivorId, reason: values.reason.trim() } },
      });
      expiresAt.current = data?.openBreakGlass.session.expiresAt ?? null;
    },
    // Opening records a new fact: there is no version, so no CONFLICT to review.
    onDone: () => {
      if (expiresAt.current) props.onOpened(expiresAt.current);
    },
    fields: ['reason'],
    problemKey: () => 'safety.breakGlass.reasonRefused',
    formId: 'break-glass-form',
  });

  return (
    <ActionFormFrame
      id="break-glass-form"
      heading={t('safety.breakGlass.heading')}
      explain={t('safety.breakGlass.intro')}
      confirm={t('safety.breakGlass.confirm')}
      ending
      form={form}
      onCancel={props.onCancel}
    >
      <TextAreaField
        id="breakGlassReason"
        required
        label={t('safety.breakGlass.reason')}
        hint={t('safety.breakGlass.reasonHint')}
        value={form.values.reason}
        onChange={(reason) => form.set('reason', reason)}
        error={form.error('reason')}
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
    </ActionFormFrame>
  );
}
