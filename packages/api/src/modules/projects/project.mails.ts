import { Locale } from '@hub/shared';
import type { OutgoingMail } from '../mail';

export interface AdoptionNotice {
  originTitle: string;
  originLink: string;
  adoptedTitle: string;
  adoptingMunicipality: string;
  adaptations: string;
  /** Who adopted, so the origin's team can get in touch (network members only receive this mail). */
  adopterName: string;
  adopterEmail: string;
}

/** The e-mail telling an origin project's team that another municipality adopts their project. */
export function adoptionNoticeMail(to: string, locale: Locale, notice: AdoptionNotice): OutgoingMail {
  if (locale === Locale.EN) {
    return {
      to,
      kind: 'project.adopted',
      subject: `${notice.adoptingMunicipality} adopts your project: ${notice.originTitle}`,
      body: [
        `${notice.adoptingMunicipality} adopts your project "${notice.originTitle}" as "${notice.adoptedTitle}".`,
        notice.adaptations
          ? `What they adapt: ${notice.adaptations}`
          : 'They have not yet said what they adapt.',
        `Contact: ${notice.adopterName} <${notice.adopterEmail}>`,
        '',
        `Your project: ${notice.originLink}`,
      ].join('\n'),
    };
  }
  return {
    to,
    kind: 'project.adopted',
    subject: `${notice.adoptingMunicipality} nutzt Ihr Projekt nach: ${notice.originTitle}`,
    body: [
      `${notice.adoptingMunicipality} nutzt Ihr Projekt „${notice.originTitle}“ nach, als „${notice.adoptedTitle}“.`,
      notice.adaptations
        ? `Was angepasst wird: ${notice.adaptations}`
        : 'Was angepasst wird, ist noch nicht angegeben.',
      `Kontakt: ${notice.adopterName} <${notice.adopterEmail}>`,
      '',
      `Ihr Projekt: ${notice.originLink}`,
    ].join('\n'),
  };
}
