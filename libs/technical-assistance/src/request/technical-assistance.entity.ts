import {
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';

/** A technical-assistance request (no survivor personal data). Changed only by versioned transitions. */
@Entity({ name: 'technical_assistance_request' })
export class TechnicalAssistanceRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  taskForceId: string;

  @Column('uuid')
  requestingAgencyId: string;

  @Column('text')
  requestedBy: string;

  @Column('text')
  topic: string;

  @Column('text')
  type: string;

  @Column('text')
  modality: string;

  @Column('text')
  problemStatement: string;

  @Column('text')
  whyItMatters: string;

  @Column('text')
  currentPractice: string;

  @Column('text')
  desiredOutcome: string;

  /** ISO date (YYYY-MM-DD); read as text so no time zone shifts it. */
  @Column('date', { nullable: true })
  preferredStartDate: string | null;

  @Column('date', { nullable: true })
  preferredEndDate: string | null;

  @Column('text', { array: true })
  audiences: string[];

  @Column('integer')
  expectedAttendees: number;

  @Column('text')
  urgency: string;

  @Column('text')
  status: string;

  @Column('text', { nullable: true })
  priority: string | null;

  @Column('text', { nullable: true })
  triageNote: string | null;

  @Column('uuid', { nullable: true })
  assignedAgencyId: string | null;

  @Column('text', { nullable: true })
  assigneeName: string | null;

  @Column('text', { nullable: true })
  deliverySummary: string | null;

  @Column('text', { nullable: true })
  declineReason: string | null;

  @Column('smallint', { nullable: true })
  rating: number | null;

  @Column('text', { nullable: true })
  feedback: string | null;

  @Column('integer')
  version: number;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz')
  updatedAt: Date;
}

/** A delivered session (consultation, or a training when it has attendance). Append-only. */
@Entity({ name: 'technical_assistance_session' })
export class TechnicalAssistanceSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  requestId: string;

  @Column('date')
  heldOn: string;

  @Column('text')
  modality: string;

  /** numeric(4,2), which pg hands over as text: exact to the hundredth, so a number holds it. */
  @Column('numeric', {
    precision: 4,
    scale: 2,
    transformer: { to: (hours: number) => hours, from: (hours: string) => Number(hours) },
  })
  hours: number;

  @Column('text', { array: true })
  materials: string[];

  @Column('text', { nullable: true })
  notes: string | null;

  @Column('text')
  recordedBy: string;

  @Column('uuid')
  recordedByAgencyId: string;

  @Column('timestamptz')
  recordedAt: Date;

  /** Attendance by audience (none: a consultation), read with the session. */
  @OneToMany(() => TechnicalAssistanceAttendanceEntity, (attendance) => attendance.session)
  attendance: TechnicalAssistanceAttendanceEntity[];
}

/** Attendance of a session by audience type (counts only, never names). */
@Entity({ name: 'technical_assistance_attendance' })
export class TechnicalAssistanceAttendanceEntity {
  @PrimaryColumn('uuid')
  sessionId: string;

  @PrimaryColumn('text')
  audience: string;

  @Column('integer')
  attendees: number;

  /** The other side of `session.attendance` (over the same session_id); never loaded. */
  @ManyToOne(() => TechnicalAssistanceSessionEntity, (session) => session.attendance)
  @JoinColumn({ name: 'session_id' })
  session?: TechnicalAssistanceSessionEntity;
}
