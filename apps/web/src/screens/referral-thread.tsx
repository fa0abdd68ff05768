import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import { RecordThread } from './record-thread';

export const ADD_MESSAGE = graphql(`
  mutation AddReferralMessage($input: AddReferralMessageInput!) {
    addReferralMessage(input: $input) {
      message {
        id
      }
    }
  }
`);

/** The referral's thread between the two agencies (RecordThread, posting with addReferralMessage). */
export function ReferralThread(props: {
  referralId: string;
  messages: readonly { id: string; authorAgencyId: string; body: string; createdAt: string }[];
  agencyName: (agencyId: string) => string;
  canPost: boolean;
  onPosted: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [post] = useMutation(ADD_MESSAGE);
  return (
    <RecordThread
      messages={props.messages}
      agencyName={props.agencyName}
      hint={t('thread.hint')}
      canPost={props.canPost}
      post={(body) => post({ variables: { input: { referralId: props.referralId, body } } })}
      onPosted={props.onPosted}
    />
  );
}
