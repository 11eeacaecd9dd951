// Dutch texts of the case team (betrokkenen): the editor in the dossier and its refusals.
import type { Role } from '../api/types';

/** Refusals of a change, by the rule's problem code (src/domain/case_team.cpp). */
const rules: Record<string, string> = {
  'no-case-lead':
    'Wijs één betrokkene aan als regisseur: een casus heeft altijd precies één regisseur.',
  'case-lead-removed':
    'U verwijdert de regisseur. Wijs in dezelfde wijziging een nieuwe regisseur aan.',
  'two-case-leads': 'Er kan maar één regisseur zijn. Kies één van hen.',
  'duplicate-member': 'Deze persoon staat al bij de betrokkenen.',
  'unknown-user': 'Deze persoon heeft geen account in Eenplan.',
  'member-outside-region':
    'Deze persoon werkt niet voor dit samenwerkingsverband en kan geen betrokkene worden.',
  'admin-cannot-join': 'De SWV-beheerder ziet geen dossiers en kan geen betrokkene zijn.',
  'account-disabled': 'Het account van deze persoon is geblokkeerd en kan niet worden toegevoegd.',
  'unknown-case-role': 'Kies een rol uit de lijst.',
  'too-many-members': 'Een casus heeft hoogstens 20 betrokkenen.',
};

/** The role in the case an added person starts with; the editor can change it. */
const defaultCaseRole: Record<Role, string> = {
  swv_admin: 'anders',
  swv_consultant: 'consulent SWV',
  school_coordinator: 'coördinator passend onderwijs',
  teacher: 'mentor',
  orthopedagogue: 'orthopedagoog',
  attendance_officer: 'leerplichtambtenaar',
  municipality_consultant: 'consulent gemeente',
  care_provider: 'jeugdhulpverlener',
};

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const nlCaseTeam = {
  edit: 'Wijzigen',
  editLabel: 'Betrokkenen wijzigen',
  heading: 'Betrokkenen wijzigen',
  intro:
    'Voeg betrokkenen toe of verwijder ze, kies ieders rol in dit dossier en wijs één regisseur aan. Wie betrokkene is, kan het hele dossier inzien; wie u verwijdert, niet meer.',
  loading: 'De betrokkenen worden geladen…',
  membersLegend: (n: number) => `Betrokkenen en hun rol (${n})`,
  noMembers: 'Er zijn nog geen betrokkenen. Zoek hieronder iemand om toe te voegen.',
  caseRole: 'Rol in dit dossier',
  olderRole: (role: string) => `${role} (eerder vastgelegd)`,
  lead: 'Regisseur',
  leadHint: 'Precies één betrokkene is regisseur.',
  remove: 'Verwijderen',
  removeName: (name: string) => `${name} verwijderen`,
  you: '(u)',
  new: 'nieuw',
  removingYourself:
    'U haalt uzelf weg bij de betrokkenen. Heeft u geen andere relatie met deze leerling, dan ziet u het dossier na het opslaan niet meer.',
  searchLegend: 'Iemand toevoegen',
  search: 'Zoek op naam of organisatie',
  searchHint: 'Bijvoorbeeld een achternaam of de naam van de school of zorgaanbieder.',
  searchButton: 'Zoeken',
  searching: 'Bezig met zoeken…',
  results: (shown: number, total: number) =>
    total > shown
      ? `${total} personen gevonden; de eerste ${shown} staan hieronder. Zoek nauwkeuriger om de rest te zien.`
      : total === 0
        ? 'Niemand gevonden.'
        : `${count(total, 'persoon', 'personen')} gevonden.`,
  resultsLabel: 'Zoekresultaten',
  add: 'Toevoegen',
  alreadyMember: 'al betrokken',
  added: (name: string) => `${name} is toegevoegd. Kies de rol en sla op.`,
  removed: (name: string) => `${name} is verwijderd. Sla op om dat vast te leggen.`,
  save: 'Betrokkenen opslaan',
  saving: 'Bezig met opslaan…',
  cancel: 'Annuleren',
  saved: 'De betrokkenen zijn opgeslagen.',
  noChanges: 'U heeft niets gewijzigd.',
  errorSummary: (n: number) =>
    n === 1
      ? 'De betrokkenen zijn niet opgeslagen: 1 probleem'
      : `De betrokkenen zijn niet opgeslagen: ${n} problemen`,
  conflictIntro:
    'Uw wijzigingen zijn nog niet opgeslagen en staan nog in het formulier. Zo zijn de betrokkenen nu opgeslagen:',
  conflictCaption: 'De betrokkenen zoals ze nu zijn opgeslagen',
  reapply: 'Mijn wijzigingen toch opslaan',
  takeCurrent: 'De opgeslagen versie overnemen',
  rule: (code: string, fallback: string | undefined) => rules[code] ?? fallback ?? '',
  defaultCaseRole: (role: Role) => defaultCaseRole[role],
  audit: {
    summary: (added: number, removed: number, changed: number) =>
      [
        added > 0 ? `${added} toegevoegd` : '',
        removed > 0 ? `${removed} verwijderd` : '',
        changed > 0 ? `${changed} gewijzigd` : '',
      ]
        .filter((part) => part !== '')
        .join(', '),
    newLead: 'nieuwe regisseur',
  },
  /** The system entry a change leaves in the dossier's tijdlijn (written by the server in Dutch). */
  timeline: {
    kind: 'Wijziging betrokkenen',
    by: (name: string) => `automatisch vastgelegd bij de wijziging door ${name}`,
  },
};
