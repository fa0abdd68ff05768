import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { PageArgs } from '@hub/graphql';
import { ProtocolAcknowledgement } from '../protocol/protocol.model';

@InputType()
export class AcknowledgeProtocolInput {
  @Field(() => ID, { description: 'The published version read' })
  @IsUUID()
  versionId: string;

  @Field(() => ID, {
    nullable: true,
    description: "The agency acknowledging: only ever the caller's own (the default)",
  })
  @IsOptional()
  @IsUUID()
  agencyId?: string;
}

@ObjectType()
export class AcknowledgeProtocolPayload {
  @Field(() => ProtocolAcknowledgement)
  acknowledgement: ProtocolAcknowledgement;
}

@ArgsType()
export class PendingAcknowledgementsArgs extends PageArgs {}
