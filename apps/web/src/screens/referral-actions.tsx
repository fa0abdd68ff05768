import { useMutation } from '@apollo/client/react';
import { Alert, Button, ButtonGroup } from '@trussworks/react-uswds';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { focusSoon } from '../focus';
import { ChoiceGroup, SelectField, TextAreaField } from '../forms/fields';
import { graphql } from '../gql';
import type { DeclineReason, DeclinedBy, ReferralAction, ServiceNeed } from '../gql/graphql';
import { errorCode } from '../graphql/errors';
import { ErrorNotice } from './error-notice';
import { DECLINE_REASONS, DECLINED_BY, SERVICE_NEEDS } from './enums';

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

/** How an action ended: the screen reloads the referral and says so (a CONFLICT asks for a review). */
export type ActionResult = { kind: 'done'; action: TransitionAction | 'DRAFT' } | { kind: 'conflict' };

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
  onDone: (result: ActionResult) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<TransitionAction | null>(null);
  const actions = TRANSITION_ACTIONS.filter((action) => props.referral.availableActions.includes(action));

  const close = (action: TransitionAction) => {
    setOpen(null);
    // Back where the person was: the button that opened the form.
    focusSoon(`action-${action}`);
  };

  if (actions.length === 0) return null;
  return (
    <section aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t('actions.heading')}</h2>
      <ButtonGroup>
        {actions.map((action) => (
          <Button
            key={action}
            type="button"
            outline={open !== action}
            aria-expanded={open === action}
            aria-controls={open === action ? 'action-form' : undefined}
            id={`action-${action}`}
            onClick={() => setOpen(open === action ? null : action)}
          >
            {t(`actions.button.${action}`)}
          </Button>
        ))}
      </ButtonGroup>
      {open && (
        <ActionForm
          key={`${open}-${props.referral.version}`}
          action={open}
          referral={props.referral}
          onCancel={() => close(open)}
          onDone={(result) => {
            setOpen(null);
            props.onDone(result);
          }}
        />
      )}
    </section>
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
  onDone: (result: ActionResult) => void;
}) {
  const { t } = useTranslation();
  const { action, referral } = props;
  const [values, setValues] = useState(() => emptyValues(referral.needs));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  // Every mutation has the same shape for this form: one input, the referral back.
  const [mutate, { loading }] = useMutation(REFERRAL_MUTATIONS[action] as typeof SEND_REFERRAL);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const set = <K extends keyof ActionValues>(field: K, value: ActionValues[K]) =>
    setValues((current) => ({ ...current, [field]: value }));
  const error = (field: string) => (errors[field] ? t(errors[field]) : undefined);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const found = validateAction(action, values);
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length) {
      // The first field in error takes the focus; the messages are tied to their fields.
      requestAnimationFrame(() =>
        document
          .querySelector<HTMLElement>('#action-form [aria-invalid="true"], #action-form .usa-fieldset input')
          ?.focus(),
      );
      return;
    }
    try {
      await mutate({ variables: { input: actionInput(action, referral, values) as never } });
      props.onDone({ kind: 'done', action });
    } catch (caught) {
      if (errorCode(caught) === 'CONFLICT') props.onDone({ kind: 'conflict' });
      else setFailure(caught);
    }
  };

  const reasonLabel = action === 'DECLINE' ? t('actions.field.declineText') : t('actions.field.reason');
  return (
    <form
      id="action-form"
      aria-labelledby="action-form-heading"
      className="usa-form usa-form--large margin-top-2"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h3 id="action-form-heading" ref={heading} tabIndex={-1}>
        {t(`actions.button.${action}`)}
      </h3>
      <p>{t(`actions.explain.${action}`)}</p>
      {failure !== null && <ErrorNotice error={failure} />}
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
      {IRREVERSIBLE.has(action) && (
        <Alert type="warning" slim noIcon className="margin-top-2">
          {t(`actions.warning.${action}`)}
        </Alert>
      )}
      <ButtonGroup className="margin-top-2">
        <Button
          type="submit"
          disabled={loading}
          secondary={action === 'DECLINE' || action === 'FAIL' || action === 'WITHDRAW'}
        >
          {t(`actions.confirm.${action}`)}
        </Button>
        <Button type="button" unstyled onClick={props.onCancel}>
          {t('form.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
