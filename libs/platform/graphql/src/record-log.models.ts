import { Field, ID, ObjectType } from '@nestjs/graphql';

const SYSTEM_CHANGE = 'Null when the hub made the change itself (a time-based rule)';

/**
 * The fields every record's event shows (the workflow kernel's record_event), for a domain's event
 * model to extend with its own status type: `class ReferralEvent extends RecordEventFields`. One
 * declaration, so the three event types cannot drift apart again.
 */
@ObjectType({ isAbstract: true })
export abstract class RecordEventFields {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { nullable: true, description: SYSTEM_CHANGE })
  actorUserId: string | null;

  @Field(() => ID, { nullable: true, description: SYSTEM_CHANGE })
  actorAgencyId: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why, as given with the change (a decline reason, a triage note, a time rule’s cause)',
  })
  reason: string | null;

  @Field()
  occurredAt: Date;
}

/** The fields every message of a record's thread shows (the workflow kernel's record_message). */
@ObjectType({ isAbstract: true })
export abstract class ThreadMessageFields {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  authorUserId: string;

  @Field(() => ID)
  authorAgencyId: string;

  @Field()
  createdAt: Date;
}
