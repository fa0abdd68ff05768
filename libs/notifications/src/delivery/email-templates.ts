import { NotificationLanguage } from '@hub/agencies';

/** The languages the e-mail is written in; an agency chooses one (`agency.notification_language`). */
export type EmailLanguage = NotificationLanguage;

/**
 * What an e-mail may say about the record a notification is about, read by the worker through
 * the owning domain's query scope: never a personal field of a survivor — at most the
 * pseudonymous reference, as the in-app notification and the lists show it.
 */
export interface NoticeFacts {
  /** The survivor's pseudonymous reference (`S-…`). */
  reference?: string | null;
  urgency?: string | null;
  fromAgency?: string | null;
  toAgency?: string | null;
  /** A protocol's title (task-force documents, not survivor data). */
  title?: string | null;
}

/** Everything a message is made of. */
export interface EmailContext {
  eventType: string;
  language: EmailLanguage;
  /** The agency the notification went to. */
  agencyName: string;
  facts: NoticeFacts;
  /** Where in the hub the notification is (the web app signs the reader in). */
  link: string;
  /** Why this address receives it. */
  recipient: 'agency' | 'user';
}

export interface Email {
  subject: string;
  text: string;
}

type Headline = Record<EmailLanguage, string>;

/**
 * One headline per kind of notification, in every language. Every event type the domains publish
 * has one (email-templates.spec.ts finds them in the domains' source); a kind added without one
 * is still delivered, under the generic headline.
 */
export const HEADLINES: Readonly<Record<string, Headline>> = {
  REFERRAL_SENT: { en: 'New referral received', es: 'Nueva derivación recibida' },
  REFERRAL_ACKNOWLEDGED: { en: 'Referral acknowledged', es: 'Derivación confirmada como recibida' },
  REFERRAL_ACCEPTED: { en: 'Referral accepted', es: 'Derivación aceptada' },
  REFERRAL_DECLINED: { en: 'Referral declined', es: 'Derivación rechazada' },
  REFERRAL_IN_PROGRESS: { en: 'Services started on a referral', es: 'Servicios iniciados en una derivación' },
  REFERRAL_ON_HOLD: { en: 'Referral on hold (wait-listed)', es: 'Derivación en espera (lista de espera)' },
  REFERRAL_COMPLETED: { en: 'Referral completed', es: 'Derivación completada' },
  REFERRAL_FAILED: { en: 'Referral could not be completed', es: 'La derivación no pudo completarse' },
  REFERRAL_WITHDRAWN: { en: 'Referral withdrawn by the sender', es: 'Derivación retirada por el remitente' },
  REFERRAL_EXPIRED: { en: 'Referral expired without an answer', es: 'Derivación vencida sin respuesta' },
  REFERRAL_RESPONSE_DUE_SOON: {
    en: 'A referral awaits your answer: its deadline is near',
    es: 'Una derivación espera su respuesta: su plazo está por vencer',
  },
  REFERRAL_IDLE: {
    en: 'No recent activity on an accepted referral',
    es: 'Sin actividad reciente en una derivación aceptada',
  },
  REFERRAL_MESSAGE: { en: 'New message on a referral', es: 'Nuevo mensaje en una derivación' },
  CHILD_SAFETY_REFERRAL: {
    en: 'Child-safety referral (mandatory report) received',
    es: 'Derivación de protección infantil (denuncia obligatoria) recibida',
  },
  CONSENT_RECORDED: {
    en: 'A consent naming your agency was recorded',
    es: 'Se registró un consentimiento que nombra a su agencia',
  },
  CONSENT_REVOKED: {
    en: 'A consent was revoked through a partner agency',
    es: 'Se revocó un consentimiento a través de una agencia asociada',
  },
  CONSENT_ENDING_SOON: {
    en: 'A consent your agency recorded ends soon',
    es: 'Un consentimiento registrado por su agencia vence pronto',
  },
  BREAK_GLASS: {
    en: 'Emergency (break-glass) access opened: review it',
    es: 'Se abrió un acceso de emergencia (break-glass): revíselo',
  },
  BREAK_GLASS_ENDED: {
    en: 'Emergency (break-glass) access ended',
    es: 'Terminó un acceso de emergencia (break-glass)',
  },
  BREAK_GLASS_REVIEWED: {
    en: 'Emergency (break-glass) access reviewed',
    es: 'Se revisó un acceso de emergencia (break-glass)',
  },
  PROTOCOL_PUBLISHED: { en: 'Protocol published', es: 'Protocolo publicado' },
  PROTOCOL_ARCHIVED: { en: 'Protocol archived', es: 'Protocolo archivado' },
  PROTOCOL_REVIEW_DUE: {
    en: 'Protocol past its review date',
    es: 'Protocolo con la fecha de revisión vencida',
  },
  PROTOCOL_ACKNOWLEDGEMENT_OVERDUE: {
    en: 'Protocol acknowledgement overdue',
    es: 'Confirmación de lectura de protocolo pendiente',
  },
  TA_REQUEST_SUBMITTED: {
    en: 'New technical-assistance request',
    es: 'Nueva solicitud de asistencia técnica',
  },
  TA_REQUEST_TRIAGED: {
    en: 'Technical-assistance request triaged',
    es: 'Solicitud de asistencia técnica evaluada',
  },
  TA_REQUEST_ASSIGNED: {
    en: 'Technical-assistance request assigned to a provider',
    es: 'Solicitud de asistencia técnica asignada a un proveedor',
  },
  TA_REQUEST_STARTED: {
    en: 'Work started on a technical-assistance request',
    es: 'Comenzó el trabajo en una solicitud de asistencia técnica',
  },
  TA_REQUEST_DELIVERED: {
    en: 'Technical assistance delivered: close it with a rating',
    es: 'Asistencia técnica entregada: ciérrela con una calificación',
  },
  TA_REQUEST_CLOSED: {
    en: 'Technical-assistance request closed',
    es: 'Solicitud de asistencia técnica cerrada',
  },
  TA_REQUEST_DECLINED: {
    en: 'Technical-assistance request declined',
    es: 'Solicitud de asistencia técnica rechazada',
  },
  TA_REQUEST_WITHDRAWN: {
    en: 'Technical-assistance request withdrawn',
    es: 'Solicitud de asistencia técnica retirada',
  },
  TA_SESSION_RECORDED: {
    en: 'Technical-assistance session recorded',
    es: 'Sesión de asistencia técnica registrada',
  },
  TA_MESSAGE_ADDED: {
    en: 'New message on a technical-assistance request',
    es: 'Nuevo mensaje en una solicitud de asistencia técnica',
  },
};

const GENERIC: Headline = { en: 'New notification', es: 'Nueva notificación' };

const URGENCY: Readonly<Record<string, Headline>> = {
  EMERGENCY: { en: 'emergency', es: 'emergencia' },
  URGENT: { en: 'urgent', es: 'urgente' },
  ROUTINE: { en: 'routine', es: 'rutinaria' },
  TIME_SENSITIVE: { en: 'time-sensitive', es: 'con plazo' },
};

const LABELS = {
  en: {
    agency: 'Agency',
    reference: 'Survivor reference',
    from: 'From',
    to: 'To',
    urgency: 'Urgency',
    protocol: 'Protocol',
    open: 'Open it in the hub (you will be asked to sign in):',
    whyAgency: (agency: string) => `You receive this message as the intake address of ${agency}.`,
    whyUser: 'You receive this message because you chose e-mail notifications in the hub.',
    privacy:
      'For the safety of the people you serve, this message carries no personal information about them; sign in to the hub to see more.',
  },
  es: {
    agency: 'Agencia',
    reference: 'Referencia del sobreviviente',
    from: 'De',
    to: 'Para',
    urgency: 'Urgencia',
    protocol: 'Protocolo',
    open: 'Ábralo en el hub (se le pedirá que inicie sesión):',
    whyAgency: (agency: string) => `Recibe este mensaje como dirección de admisión de ${agency}.`,
    whyUser: 'Recibe este mensaje porque eligió recibir notificaciones por correo electrónico en el hub.',
    privacy:
      'Por la seguridad de las personas a quienes atiende, este mensaje no contiene información personal sobre ellas; inicie sesión en el hub para ver más.',
  },
} as const;

/** The subject and plain-text body of one notification's e-mail to one recipient. */
export function renderEmail(context: EmailContext): Email {
  const { language, facts } = context;
  const labels = LABELS[language];
  const headline = (HEADLINES[context.eventType] ?? GENERIC)[language];
  const urgency = facts.urgency ? (URGENCY[facts.urgency]?.[language] ?? facts.urgency) : null;
  const lines: [string, string | null | undefined][] = [
    [labels.agency, context.agencyName],
    [labels.reference, facts.reference],
    [labels.protocol, facts.title],
    [labels.from, facts.fromAgency],
    [labels.to, facts.toAgency],
    [labels.urgency, urgency],
  ];
  const subjectParts = [
    headline,
    facts.reference,
    urgency && urgency !== URGENCY.ROUTINE[language] ? urgency : null,
  ];
  return {
    subject: `Task Force Hub: ${subjectParts.filter(Boolean).join(' · ')}`,
    text: [
      `${headline}.`,
      '',
      ...lines.filter(([, value]) => value).map(([label, value]) => `${label}: ${value}`),
      '',
      labels.open,
      context.link,
      '',
      '--',
      context.recipient === 'agency' ? labels.whyAgency(context.agencyName) : labels.whyUser,
      labels.privacy,
      '',
    ].join('\n'),
  };
}

/** One notification of a digest: its kind and what its e-mail may say. */
export interface DigestItem {
  eventType: string;
  facts: NoticeFacts;
}

const DIGEST = {
  en: {
    subject: (day: string, count: number) =>
      `Task Force Hub: daily digest for ${day} · ${count} notification${count === 1 ? '' : 's'}`,
    intro: (agency: string, day: string) => `What happened for ${agency} on ${day} (UTC):`,
    why: 'You receive this digest because you chose a daily e-mail of notifications in the hub.',
  },
  es: {
    subject: (day: string, count: number) =>
      `Task Force Hub: resumen diario del ${day} · ${count} notificaci${count === 1 ? 'ón' : 'ones'}`,
    intro: (agency: string, day: string) => `Lo que ocurrió para ${agency} el ${day} (UTC):`,
    why: 'Recibe este resumen porque eligió un correo diario de notificaciones en el hub.',
  },
} as const;

/** One day's notifications of an agency, for a user who chose the daily digest. */
export function renderDigest(context: {
  language: EmailLanguage;
  agencyName: string;
  /** YYYY-MM-DD (UTC). */
  day: string;
  items: readonly DigestItem[];
  /** The notifications page of the hub. */
  link: string;
}): Email {
  const { language, items } = context;
  const text = DIGEST[language];
  const lines = items.map(({ eventType, facts }) => {
    const headline = (HEADLINES[eventType] ?? GENERIC)[language];
    const urgency = facts.urgency ? (URGENCY[facts.urgency]?.[language] ?? facts.urgency) : null;
    const detail = [facts.reference, facts.title, urgency].filter(Boolean).join(' · ');
    return `- ${headline}${detail ? ` (${detail})` : ''}`;
  });
  return {
    subject: text.subject(context.day, items.length),
    text: [
      text.intro(context.agencyName, context.day),
      '',
      ...lines,
      '',
      LABELS[language].open,
      context.link,
      '',
      '--',
      text.why,
      LABELS[language].privacy,
      '',
    ].join('\n'),
  };
}
