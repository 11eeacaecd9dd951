// The one Dutch message catalogue of the UI. Every text a user sees lives here, so wording can be
// reviewed in one place and a second language can be added by copying this file.
import type {
  AuditAction,
  FactorArea,
  FactorKind,
  NoteKind,
  OrganisationKind,
  PupilStatus,
  Role,
  SupportNeedCategoryCode,
} from '../api/types';
import { absenceMessages, taskMessages } from './nl-verzuim';

const roles: Record<Role, string> = {
  swv_admin: 'SWV-beheerder',
  swv_consultant: 'SWV-consulent',
  school_coordinator: 'Coördinator passend onderwijs',
  teacher: 'Mentor/leerkracht',
  orthopedagogue: 'Orthopedagoog',
  attendance_officer: 'Leerplichtambtenaar',
  municipality_consultant: 'Gemeenteconsulent',
  care_provider: 'Zorgaanbieder',
};

const statuses: Record<PupilStatus, string> = {
  enrolled: 'Ingeschreven',
  not_enrolled: 'Niet ingeschreven',
  exempted: 'Vrijgesteld',
  left: 'Uitgeschreven',
};

const organisationKinds: Record<OrganisationKind, string> = {
  swv: 'Samenwerkingsverband',
  school: 'School',
  board: 'Schoolbestuur',
  municipality: 'Gemeente',
  care_provider: 'Zorgaanbieder',
  attendance_office: 'Leerplicht',
  youth_team: 'Wijkteam',
};

const noteKinds: Record<NoteKind, string> = {
  note: 'Notitie',
  conversation: 'Gesprek',
  meeting: 'Overleg',
  decision: 'Besluit',
};

const factorKinds: Record<FactorKind, string> = {
  promoting: 'Bevorderend',
  hindering: 'Belemmerend',
};

const factorAreas: Record<FactorArea, string> = {
  pupil: 'Leerling',
  family: 'Gezin',
  school: 'School',
  environment: 'Omgeving',
};

const auditActions: Record<AuditAction, string> = {
  read: 'Ingezien',
  create: 'Aangemaakt',
  update: 'Gewijzigd',
};

// Fallback labels; the server's /support-need-categories labels win when they are loaded.
const supportNeedCategories: Record<SupportNeedCategoryCode, string> = {
  structure_predictability: 'Structuur en voorspelbaarheid',
  small_group: 'Kleine groep',
  individual_instruction: 'Individuele instructie',
  emotion_regulation: 'Emotieregulatie',
  social_skills: 'Sociale vaardigheden',
  gradual_build_up: 'Geleidelijke opbouw',
  low_stimulus_environment: 'Prikkelarme omgeving',
  care_in_school: 'Zorg op school',
  executive_functions: 'Executieve functies',
  language_support: 'Taalondersteuning',
  physical_care: 'Lichamelijke verzorging',
  relation_first: 'Eerst relatie',
  other: 'Overig',
};

/** Audit "resource" values the UI knows; others are shown as sent. */
const auditResources: Record<string, string> = {
  pupil: 'Dossier',
  'pupil.notes': 'Tijdlijn',
  'pupil.audit': 'Inzageoverzicht',
};

/** Problem `code` → what we tell the user. */
const problems = {
  'invalid-json': 'Het verzoek kon niet worden verwerkt. Probeer het opnieuw.',
  'bad-request': 'Het verzoek was ongeldig. Controleer uw invoer en probeer het opnieuw.',
  'validation-failed': 'Een of meer velden zijn niet goed ingevuld.',
  'body-too-large': 'De invoer is te groot om op te slaan.',
  'unsupported-media-type': 'Het verzoek kon niet worden verwerkt. Probeer het opnieuw.',
  unauthenticated: 'Uw sessie is verlopen. Log opnieuw in.',
  'invalid-credentials': 'De gebruikersnaam of het wachtwoord is onjuist.',
  'too-many-attempts': 'Te veel mislukte inlogpogingen. Probeer het later opnieuw.',
  'csrf-token-invalid': 'Uw sessie is niet meer geldig. Laad de pagina opnieuw.',
  forbidden: 'U heeft geen toestemming voor deze actie.',
  'not-found': 'Het gevraagde onderdeel bestaat niet of u heeft geen toegang.',
  'method-not-allowed': 'Deze actie is niet toegestaan.',
  'precondition-required': 'De versie van het dossier ontbrak. Laad de pagina opnieuw.',
  'version-conflict': 'Iemand anders heeft dit dossier gewijzigd nadat u het opende.',
  internal: 'Er ging iets mis op de server. Probeer het later opnieuw.',
  network: 'Er is geen verbinding met de server. Controleer uw verbinding en probeer het opnieuw.',
  'import-rejected': 'Het bestand is niet ingelezen: een of meer regels bevatten een fout.',
  'legal-rule-required': 'Een wettelijke meldplicht kan niet worden uitgezet.',
} satisfies Record<string, string>;
const problemByCode: Record<string, string | undefined> = problems;

/** Field error `code` → message shown next to the field. */
const fieldErrors: Record<string, string> = {
  required: 'Dit veld is verplicht.',
  'invalid-type': 'De waarde heeft een ongeldig formaat.',
  'invalid-date': 'Vul een geldige datum in.',
  'too-long': 'De tekst is te lang.',
  'too-short': 'De tekst is te kort.',
  'invalid-value': 'Kies een geldige waarde.',
  'out-of-range': 'De waarde valt buiten het toegestane bereik.',
  'unknown-field': 'Dit veld is onbekend.',
  duplicate: 'Deze waarde is al in gebruik.',
};

function labelOr(map: Record<string, string>, key: string): string {
  return map[key] ?? key;
}

/** Free-text Dutch values from the API ("moeder", "jeugdhulpverlener") shown as a label. */
function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('nl-NL') + text.slice(1);
}

function waitText(seconds: number): string {
  if (seconds < 60) return `${seconds} ${seconds === 1 ? 'seconde' : 'seconden'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} ${minutes === 1 ? 'minuut' : 'minuten'}`;
}

export const nl = {
  appName: 'Eenplan',
  titleSuffix: 'Eenplan',
  loading: 'Bezig met laden…',
  skipLink: 'Naar hoofdinhoud',
  footer: 'Eenplan – één kind, één plan. Samenwerkingsverband passend onderwijs.',
  label: {
    role: (r: string) => labelOr(roles, r),
    status: (s: string) => labelOr(statuses, s),
    organisationKind: (k: string) => labelOr(organisationKinds, k),
    noteKind: (k: string) => labelOr(noteKinds, k),
    factorKind: (k: string) => labelOr(factorKinds, k),
    factorArea: (a: string) => labelOr(factorAreas, a),
    auditAction: (a: string) => labelOr(auditActions, a),
    auditResource: (r: string) => labelOr(auditResources, r),
    supportNeedCategory: (c: string) => labelOr(supportNeedCategories, c),
    relationship: capitalise,
    caseRole: capitalise,
  },
  options: {
    statuses: Object.entries(statuses) as [PupilStatus, string][],
    roles: Object.entries(roles) as [Role, string][],
    organisationKinds: Object.entries(organisationKinds) as [OrganisationKind, string][],
    noteKinds: Object.entries(noteKinds) as [NoteKind, string][],
    factorKinds: Object.entries(factorKinds) as [FactorKind, string][],
    factorAreas: Object.entries(factorAreas) as [FactorArea, string][],
    supportNeedCategories: Object.entries(supportNeedCategories).map(([code, label]) => ({
      code: code as SupportNeedCategoryCode,
      label,
    })),
  },
  problem: {
    message: (code: string | undefined, status: number): string =>
      (code !== undefined ? problemByCode[code] : undefined) ??
      (status >= 500 ? problems.internal : problems['bad-request']),
    tooManyAttempts: (retryAfterSeconds: number | undefined) =>
      retryAfterSeconds !== undefined && retryAfterSeconds > 0
        ? `Te veel mislukte inlogpogingen. Probeer het over ${waitText(retryAfterSeconds)} opnieuw.`
        : problems['too-many-attempts'],
    field: (code: string, reason: string | undefined) => fieldErrors[code] ?? reason ?? '',
  },
  header: {
    userLabel: 'Ingelogd als',
    logout: 'Uitloggen',
    nav: 'Hoofdmenu',
    myPupils: 'Mijn leerlingen',
    accounts: 'Accounts',
    tasks: 'Mijn taken',
    absenceImport: 'Verzuim importeren',
    absenceProtocol: 'Verzuimprotocol',
  },
  login: {
    title: 'Inloggen',
    intro: 'Log in met uw Eenplan-account om de dossiers te zien waarbij u betrokken bent.',
    username: 'Gebruikersnaam',
    password: 'Wachtwoord',
    submit: 'Inloggen',
    busy: 'Bezig met inloggen…',
    usernameRequired: 'Vul uw gebruikersnaam in.',
    passwordRequired: 'Vul uw wachtwoord in.',
    errorHeading: 'Inloggen is niet gelukt',
  },
  relogin: {
    title: 'Uw sessie is verlopen',
    intro:
      'U was een tijd niet actief. Log opnieuw in; daarna wordt uw laatste actie alsnog uitgevoerd. Wat u heeft getypt blijft bewaard.',
    cancel: 'Annuleren en naar inlogpagina',
  },
  pupils: {
    title: 'Mijn leerlingen',
    intro: 'Leerlingen waarbij u betrokken bent of die onder uw school of taak vallen.',
    filters: 'Zoeken en filteren',
    search: 'Zoeken op naam of leerlingnummer',
    school: 'School',
    allSchools: 'Alle scholen',
    status: 'Status',
    allStatuses: 'Alle statussen',
    apply: 'Zoeken',
    reset: 'Filters wissen',
    caption: 'Leerlingen',
    captionPage: (page: number, pages: number) => `Leerlingen, pagina ${page} van ${pages}`,
    col: {
      name: 'Naam',
      dateOfBirth: 'Geboortedatum',
      number: 'Leerlingnummer',
      school: 'School',
      homeSchool: 'Stamschool',
      status: 'Status',
    },
    total: (n: number) =>
      n === 1 ? '1 leerling gevonden' : `${n.toLocaleString('nl-NL')} leerlingen gevonden`,
    empty: 'Er zijn geen leerlingen gevonden.',
    emptyFiltered: 'Er zijn geen leerlingen die aan uw zoekopdracht voldoen. Pas de filters aan.',
    adminNoAccess:
      'Als SWV-beheerder heeft u geen toegang tot leerlingdossiers. U beheert organisaties en accounts.',
    none: '–',
  },
  pagination: {
    label: 'Paginering',
    previous: 'Vorige',
    next: 'Volgende',
    pageOf: (page: number, pages: number) => `Pagina ${page} van ${pages}`,
  },
  dossier: {
    breadcrumb: 'Kruimelpad',
    notFound: 'Deze leerling bestaat niet of u heeft geen toegang.',
    notFoundTitle: 'Leerling niet gevonden',
    subtitle: (number: string) => `Leerlingnummer ${number}`,
    limitedView:
      'U ziet een beperkte weergave van dit dossier. Als leerplichtambtenaar ziet u alleen de gegevens die nodig zijn voor uw taak; de zorginhoud is afgeschermd.',
    auditLink: 'Wie heeft dit dossier ingezien',
    edit: 'Bewerken',
    saved: 'Het dossier is opgeslagen.',
    sections: {
      personalia: 'Personalia',
      guardians: 'Ouders/verzorgers',
      caseTeam: 'Betrokkenen',
      supportNeeds: 'Ondersteuningsbehoeften',
      factors: 'Factoren',
      promoting: 'Bevorderende factoren',
      hindering: 'Belemmerende factoren',
      loadCapacity: 'Belastbaarheid',
      careHistory: 'Hulpverleningsgeschiedenis',
      timeline: 'Tijdlijn',
    },
    field: {
      name: 'Naam',
      givenName: 'Voornaam',
      familyName: 'Achternaam',
      dateOfBirth: 'Geboortedatum',
      postcode: 'Postcode',
      schoolPupilNumber: 'Leerlingnummer',
      status: 'Status',
      enrolmentSchool: 'School van inschrijving',
      homeSchool: 'Stamschool',
      municipality: 'Gemeente',
      loadCapacity: 'Belastbaarheid',
      careHistory: 'Hulpverleningsgeschiedenis',
      supportNeeds: 'Ondersteuningsbehoeften',
      factors: 'Factoren',
    },
    guardian: {
      caption: 'Ouders/verzorgers',
      name: 'Naam',
      relationship: 'Relatie',
      phone: 'Telefoon',
      email: 'E-mail',
      none: 'Er zijn geen ouders/verzorgers vastgelegd.',
    },
    caseTeam: {
      caption: 'Betrokkenen bij deze leerling',
      name: 'Naam',
      caseRole: 'Rol in dit dossier',
      role: 'Functie',
      organisation: 'Organisatie',
      lead: 'Regisseur',
      none: 'Er zijn nog geen betrokkenen vastgelegd.',
    },
    supportNeedsNone: 'Er zijn nog geen ondersteuningsbehoeften vastgelegd.',
    factorsNone: 'Geen factoren vastgelegd.',
    areaLabel: 'Gebied',
    emptyText: 'Nog niet ingevuld.',
    none: '–',
  },
  notes: {
    heading: 'Tijdlijn',
    empty: 'Er staan nog geen notities in de tijdlijn.',
    by: 'door',
    add: 'Notitie toevoegen',
    kind: 'Soort',
    body: 'Notitie',
    bodyHint: 'Schrijf feitelijk en respectvol; ouders kunnen het dossier later inzien.',
    submit: 'Notitie opslaan',
    busy: 'Bezig met opslaan…',
    saved: 'De notitie is toegevoegd aan de tijdlijn.',
    required: 'Vul de notitie in.',
    tooLong: 'De notitie mag maximaal 10.000 tekens lang zijn.',
    draftRestored: 'Uw nog niet opgeslagen notitie is teruggezet.',
    notAllowed: 'U kunt in dit dossier geen notities toevoegen.',
  },
  edit: {
    heading: 'Dossier bewerken',
    intro: 'Wijzig de gegevens en kies Opslaan. Velden met een fout worden hieronder aangegeven.',
    save: 'Opslaan',
    saving: 'Bezig met opslaan…',
    cancel: 'Annuleren',
    noChanges: 'U heeft niets gewijzigd.',
    draftRestored:
      'Uw nog niet opgeslagen wijzigingen zijn teruggezet. Controleer ze en kies Opslaan.',
    errorSummary: (n: number) =>
      n === 1 ? 'Er is 1 fout gevonden' : `Er zijn ${n} fouten gevonden`,
    postcodeHint: 'Bijvoorbeeld 1234 AB',
    dateHint: 'Bijvoorbeeld 31-12-2012',
    addSupportNeed: 'Ondersteuningsbehoefte toevoegen',
    addFactor: 'Factor toevoegen',
    remove: 'Verwijderen',
    loadAndHistoryLegend: 'Belastbaarheid en hulpverleningsgeschiedenis',
    supportNeedLegend: (n: number) => `Ondersteuningsbehoefte ${n}`,
    factorLegend: (n: number) => `Factor ${n}`,
    category: 'Categorie',
    chooseCategory: 'Kies een categorie',
    description: 'Omschrijving',
    supportNeedHint: 'Beschrijf wat de leerling nodig heeft, niet de diagnose.',
    kind: 'Soort factor',
    area: 'Gebied',
    loadCapacityHint: 'Wat kan de leerling aan: uren, prikkels, groepsgrootte.',
    noSupportNeeds: 'Er zijn geen ondersteuningsbehoeften. Voeg er een toe.',
    noFactors: 'Er zijn geen factoren. Voeg er een toe.',
  },
  conflict: {
    heading: 'Iemand anders heeft dit dossier gewijzigd nadat u het opende.',
    intro:
      'Uw wijzigingen zijn nog niet opgeslagen en niet verloren. Vergelijk hieronder uw wijzigingen met de huidige versie en kies wat u wilt doen.',
    caption: 'Verschillen tussen uw wijzigingen en de huidige versie',
    field: 'Onderdeel',
    mine: 'Uw wijzigingen',
    current: 'Huidige versie',
    otherChanged: (fields: string) =>
      `De ander wijzigde ook: ${fields}. Die wijzigingen blijven behouden.`,
    reapply: 'Mijn wijzigingen opnieuw toepassen op de nieuwe versie',
    discard: 'Mijn wijzigingen weggooien',
    empty: '(leeg)',
    noDifferences:
      'Uw wijzigingen zijn gelijk aan de huidige versie. U kunt ze opnieuw toepassen zonder verschil.',
  },
  audit: {
    title: 'Wie heeft dit dossier ingezien',
    intro:
      'Elke keer dat iemand dit dossier bekijkt of wijzigt, wordt dat vastgelegd. Ook het bekijken van dit overzicht wordt vastgelegd.',
    back: 'Terug naar het dossier',
    caption: 'Inzage en wijzigingen, nieuwste eerst',
    col: {
      at: 'Datum/tijd',
      who: 'Wie',
      role: 'Rol',
      organisation: 'Organisatie',
      action: 'Actie',
      resource: 'Onderdeel',
      purpose: 'Doel',
    },
    empty: 'Er zijn nog geen gebeurtenissen vastgelegd.',
    total: (n: number) =>
      n === 1 ? '1 gebeurtenis' : `${n.toLocaleString('nl-NL')} gebeurtenissen`,
  },
  accounts: {
    title: 'Accounts',
    intro: 'Beheer de accounts van medewerkers van scholen, gemeenten en het samenwerkingsverband.',
    filters: 'Accounts zoeken en filteren',
    search: 'Zoeken op naam of gebruikersnaam',
    role: 'Rol',
    allRoles: 'Alle rollen',
    apply: 'Zoeken',
    reset: 'Filters wissen',
    caption: 'Accounts',
    col: {
      name: 'Naam',
      username: 'Gebruikersnaam',
      role: 'Rol',
      organisations: 'Organisaties',
      status: 'Status',
      actions: 'Acties',
    },
    active: 'Actief',
    disabled: 'Uitgeschakeld',
    total: (n: number) =>
      n === 1 ? '1 account gevonden' : `${n.toLocaleString('nl-NL')} accounts gevonden`,
    empty: 'Er zijn nog geen accounts.',
    emptyFiltered: 'Er zijn geen accounts die aan uw zoekopdracht voldoen. Pas de filters aan.',
    disable: 'Uitschakelen',
    enable: 'Inschakelen',
    actionFor: (action: string, name: string) => `${action}: ${name}`,
    disabledDone: (name: string) =>
      `Het account van ${name} is uitgeschakeld. De gebruiker is overal uitgelogd.`,
    enabledDone: (name: string) => `Het account van ${name} is weer ingeschakeld.`,
    conflict: (name: string) =>
      `Iemand anders heeft het account van ${name} gewijzigd. De lijst is opnieuw geladen; controleer de status en probeer het opnieuw.`,
    cannotDisableSelf: 'U kunt uw eigen account niet uitschakelen.',
    resetPassword: 'Wachtwoord opnieuw instellen',
    resetPasswordFor: (name: string) => `Wachtwoord opnieuw instellen voor ${name}`,
    newPassword: 'Nieuw wachtwoord',
    savePassword: 'Wachtwoord opslaan',
    cancel: 'Annuleren',
    passwordDone: (name: string) =>
      `Het wachtwoord van ${name} is opnieuw ingesteld. De gebruiker is overal uitgelogd.`,
    add: 'Account toevoegen',
    addIntro: 'Alle velden zijn verplicht, behalve Gekoppelde scholen.',
    username: 'Gebruikersnaam',
    usernameHint:
      'Kleine letters, cijfers, punt, liggend streepje of koppelteken; 3 tot 64 tekens.',
    displayName: 'Naam',
    chooseRole: 'Kies een rol',
    organisations: 'Organisatie(s)',
    organisationsHint: 'Kies een of meer organisaties waar deze persoon voor werkt.',
    linkedSchools: 'Gekoppelde scholen',
    linkedSchoolsHint: 'De consulent ziet de leerlingen van deze scholen.',
    password: 'Wachtwoord',
    passwordHint: 'minimaal 12 tekens',
    submit: 'Account toevoegen',
    busy: 'Bezig met opslaan…',
    created: (name: string, username: string) =>
      `Het account van ${name} (${username}) is toegevoegd.`,
    duplicate: 'Deze gebruikersnaam is al in gebruik. Kies een andere.',
    none: '–',
  },
  notFound: {
    title: 'Pagina niet gevonden',
    body: 'De pagina die u zoekt bestaat niet (meer). Controleer het adres of ga naar uw leerlingen.',
    home: 'Naar Mijn leerlingen',
    login: 'Naar de inlogpagina',
  },
  error: {
    heading: 'Er ging iets mis',
    retry: 'Opnieuw proberen',
  },
  absences: absenceMessages,
  tasks: taskMessages,
};
