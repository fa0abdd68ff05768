import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ChoiceGroup, SelectField, TextAreaField } from '../forms/fields';
import { graphql } from '../gql';
import type { DeclineReason, DeclinedBy, ReferralAction, ServiceNeed } from '../gql/graphql';
import { DECLINE_REASONS, DECLINED_BY, SERVICE_NEEDS } from './enums';
import { type ActionResult, ActionFormFrame, ActionPanel, useActionForm } from './record-actions';

export const SEND_REFERRAL = graphql(`
  mutation SendReferral($input: ReferralTransitionInput!) {
    sendReferral(input: $input) {
      referral {
        id
        status
        version
      }
    }
  }
`);
const ACKNOWLEDGE = graphql(`
  mutation AcknowledgeReferral($input: ReferralTransitionInput!) {
    acknowledgeReferral(input: $input) {
      referral {
        id
        status
        version
      }
    }
  }
`);
const ACCEPT = graphql(`
  mutation AcceptReferral($input: ReferralTransitionInput!) {
    acceptReferral(input: $input) {
      referral {
        id
        status
        version
      }
    }
  }
`);
const START = graphql(`
  mutation StartReferral($input: ReferralTransitionInput!) {
    startReferral(input: $input) {
      referral {
        id
        status
        version
      }
    }
  }
`);
const HOLD = graphql(`
  mutation HoldReferral($input: ReferralTransitionInput!) {
    holdReferral(input: $input) {
      referral {
        id
        status
        version
      }
    }
  }
`);
const WITHDRAW = graphql(`
  mutation WithdrawReferral($input: ReferralTransitionInput!) {
    withdrawReferral(input: $input) {
      referral {
        id
        status
        version
      }
    }
  }
`);
const DECLINE = graphql(`
  mutation DeclineReferral($input: DeclineReferralInput!) {
    declineReferral(input: $input) {
      referral {
        id
        status
        version
      }
    }
  }
`);
const COMPLETE = graphql(`
  mutation CompleteReferral($input: CompleteReferralInput!) {
    completeReferral(input: $input) {
      referral {
        id
        status
        version
      }
    }
  }
`);
const FAIL = graphql(`
  mutation FailReferral($input: FailReferralInput!) {
    failReferral(input: $input) {
      referral {
        id
        status
        version
      }
    }
  }
`);

/** The lifecycle's transitions (MESSAGE is the thread's, below the timeline). */
export type TransitionAction = Exclude<ReferralAction, 'MESSAGE'>;

/** In the order the closed loop moves forward; the screen shows those the API lists. */
export const TRANSITION_ACTIONS: readonly TransitionAction[] = [
  'SEND',
  'ACKNOWLEDGE',
  'ACCEPT',
  'START',
  'HOLD',
  'COMPLETE',
  'FAIL',
  'DECLINE',
  'WITHDRAW',
];

/** Actions that close the referral for good (or, for SEND, disclose it): a warning before confirming. */
export const IRREVERSIBLE: ReadonlySet<TransitionAction> = new Set([
  'SEND',
  'DECLINE',
  'COMPLETE',
  'FAIL',
  'WITHDRAW',
]);

export interface ActionValues {
  /** Why (recorded on the event); for DECLINE the reason's text. */
  reason: string;
  reasonCode: DeclineReason | '';
  declinedBy: DeclinedBy | '';
  servicesDelivered: ServiceNeed[];
  outcomeText: string;
  failureReason: string;
}

export const emptyValues = (needs: readonly ServiceNeed[]): ActionValues => ({
  reason: '',
  reasonCode: '',
  declinedBy: '',
  servicesDelivered: [...needs],
  outcomeText: '',
  failureReason: '',
});

/** Field → the key of its message (`form.*`); empty when the form may be sent. Same limits as the API. */
export function validateAction(action: TransitionAction, values: ActionValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const tooLong = (field: keyof ActionValues, max: number) => {
    if (String(values[field]).length > max) errors[field] = 'form.tooLong';
  };
  tooLong('reason', 1000);
  if (action === 'DECLINE') {
    if (!values.reasonCode) errors['reasonCode'] = 'form.chooseOne';
    if (!values.declinedBy) errors['declinedBy'] = 'form.chooseOne';
    if (values.reasonCode === 'OTHER' && !values.reason.trim()) errors['reason'] = 'form.required';
  }
  if (action === 'COMPLETE') {
    if (values.servicesDelivered.length === 0) errors['servicesDelivered'] = 'form.chooseAtLeastOne';
    tooLong('outcomeText', 4000);
  }
  if (action === 'FAIL') {
    if (!values.failureReason.trim()) errors['failureReason'] = 'form.required';
    tooLong('failureReason', 1000);
  }
  return errors;
}

/** The mutation's input from the form (blank optional text left out). */
export function actionInput(
  action: TransitionAction,
  referral: { id: string; version: number },
  values: ActionValues,
): Record<string, unknown> {
  const base = { referralId: referral.id, expectedVersion: referral.version };
  const reason = values.reason.trim() || undefined;
  switch (action) {
    case 'DECLINE':
      return { ...base, reason, reasonCode: values.reasonCode, declinedBy: values.declinedBy };
    case 'COMPLETE':
      return {
        ...base,
        reason,
        outcome: {
          servicesDelivered: values.servicesDelivered,
          text: values.outcomeText.trim() || undefined,
        },
      };
    case 'FAIL':
      return { ...base, reason, failureReason: values.failureReason.trim() };
    default:
      return { ...base, reason };
  }
}

/** What the referral screen announces: a transition done, or a draft saved by the new-referral form. */
export type ReferralActionResult = TransitionAction | 'DRAFT';

/**
 * The transitions the caller may make now, as the API lists them (`availableActions`: the policy
 * and the lifecycle), each a button that opens its form. Nothing the policy refuses is shown.
 * Every change carries the version the caller saw (`expectedVersion`): if someone else changed the
 * referral meanwhile, the API answers CONFLICT and the screen reloads it for review.
 */
export function ReferralActions(props: {
  referral: {
    id: string;
    version: number;
    needs: readonly ServiceNeed[];
    availableActions: readonly ReferralAction[];
  };
  onDone: (result: ActionResult<ReferralActionResult>) => void;
}) {
  const { t } = useTranslation();
  return (
    <ActionPanel
      actions={TRANSITION_ACTIONS.filter((action) => props.referral.availableActions.includes(action))}
      version={props.referral.version}
      label={(action) => t(`actions.button.${action}`)}
      form={(action, { onCancel, onFinished }) => (
        <ActionForm
          action={action}
          referral={props.referral}
          onCancel={onCancel}
          onDone={(result) => {
            onFinished();
            props.onDone(result);
          }}
        />
      )}
    />
  );
}

/** Each transition's mutation (one input, the referral back). */
export const REFERRAL_MUTATIONS = {
  SEND: SEND_REFERRAL,
  ACKNOWLEDGE,
  ACCEPT,
  START,
  HOLD,
  WITHDRAW,
  DECLINE,
  COMPLETE,
  FAIL,
} as const;

/** One action's form: its inputs, what will happen, and the confirming button. */
export function ActionForm(props: {
  action: TransitionAction;
  referral: { id: string; version: number; needs: readonly ServiceNeed[] };
  onCancel: () => void;
  onDone: (result: ActionResult<TransitionAction>) => void;
}) {
  const { t } = useTranslation();
  const { action, referral } = props;
  // Every mutation has the same shape for this form: one input, the referral back.
  const [mutate] = useMutation(REFERRAL_MUTATIONS[action] as typeof SEND_REFERRAL);
  const form = useActionForm({
    initial: () => emptyValues(referral.needs),
    validate: (values) => validateAction(action, values),
    run: (values) => mutate({ variables: { input: actionInput(action, referral, values) as never } }),
    onDone: (result) => props.onDone(result.kind === 'done' ? { kind: 'done', action } : result),
  });
  const { values, set, error } = form;

  const reasonLabel = action === 'DECLINE' ? t('actions.field.declineText') : t('actions.field.reason');
  return (
    <ActionFormFrame
      heading={t(`actions.button.${action}`)}
      explain={t(`actions.explain.${action}`)}
      warning={IRREVERSIBLE.has(action) ? t(`actions.warning.${action}`) : undefined}
      confirm={t(`actions.confirm.${action}`)}
      ending={action === 'DECLINE' || action === 'FAIL' || action === 'WITHDRAW'}
      form={form}
      onCancel={props.onCancel}
    >
      {action === 'DECLINE' && (
        <>
          <SelectField
            id="reasonCode"
            label={t('actions.field.reasonCode')}
            required
            value={values.reasonCode}
            onChange={(value) => set('reasonCode', value as DeclineReason | '')}
            placeholder={t('form.select')}
            options={DECLINE_REASONS.map((value) => ({ value, label: t(`declineReason.${value}`) }))}
            error={error('reasonCode')}
          />
          <ChoiceGroup
            id="declinedBy"
            label={t('actions.field.declinedBy')}
            required
            options={DECLINED_BY.map((value) => ({ value, label: t(`declinedBy.${value}`) }))}
            selected={values.declinedBy ? [values.declinedBy] : []}
            onChange={([value]) => set('declinedBy', value as DeclinedBy)}
            error={error('declinedBy')}
          />
        </>
      )}
      {action === 'COMPLETE' && (
        <>
          <ChoiceGroup
            id="servicesDelivered"
            multiple
            required
            label={t('actions.field.servicesDelivered')}
            options={SERVICE_NEEDS.map((value) => ({ value, label: t(`need.${value}`) }))}
            selected={values.servicesDelivered}
            onChange={(selected) => set('servicesDelivered', selected as ServiceNeed[])}
            error={error('servicesDelivered')}
          />
          <TextAreaField
            id="outcomeText"
            label={t('actions.field.outcomeText')}
            value={values.outcomeText}
            onChange={(value) => set('outcomeText', value)}
            error={error('outcomeText')}
          />
        </>
      )}
      {action === 'FAIL' && (
        <TextAreaField
          id="failureReason"
          label={t('actions.field.failureReason')}
          required
          value={values.failureReason}
          onChange={(value) => set('failureReason', value)}
          error={error('failureReason')}
        />
      )}
      <TextAreaField
        id="reason"
        label={reasonLabel}
        hint={t('actions.field.reasonHint')}
        required={action === 'DECLINE' && values.reasonCode === 'OTHER'}
        value={values.reason}
        onChange={(value) => set('reason', value)}
        error={error('reason')}
      />
    </ActionFormFrame>
  );
}
