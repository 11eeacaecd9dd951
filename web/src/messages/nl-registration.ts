// Dutch texts of the registration steps on a provision's page: the observation period, the joint
// decision, the intake and home visit, and withdrawing a registration (intrekken).

/** Known decision roles of a provision; an unknown role is shown as its code. */
const roles: Record<string, string> = {
  cvb: 'Commissie van begeleiding (CvB)',
  municipality: 'Gemeente',
  swv_loket: 'Loket van het samenwerkingsverband',
};

export const nlRegistration = {
  roleName: (role: string) => roles[role] ?? role,
  errorSummary: (count: number) =>
    count === 1 ? 'Er is 1 fout in het formulier' : `Er zijn ${count} fouten in het formulier`,
  cancel: 'Annuleren',
  formTitle: (step: string, pupil: string) => `${step}: ${pupil}`,
  conflict: {
    heading: 'Iemand anders heeft deze aanmelding net gewijzigd',
    intro: (status: string) =>
      `De aanmelding heeft nu de status "${status}". Wat u invulde staat nog in het formulier.`,
    resend: 'Toch versturen op de nieuwe versie',
    discard: 'Mijn invoer weggooien',
  },
  actions: {
    header: 'Volgende stap en acties',
    observation: 'Observatieperiode',
    withdraw: 'Intrekken',
    label: (action: string, pupil: string) => `${action}: ${pupil}`,
  },
  observation: {
    title: 'Observatieperiode',
    intro: 'Vaak observeert de voorziening de leerling eerst enkele weken, bijvoorbeeld in fase 3.',
    start: 'Eerste dag van de observatie',
    end: 'Laatste dag van de observatie',
    setting: 'Waar wordt de leerling geobserveerd?',
    settingHint: 'Bijvoorbeeld de groep of fase, zoals "Observatiegroep fase 3".',
    submit: 'Observatieperiode vastleggen',
    startRequired: 'Vul de eerste dag van de observatie in.',
    endRequired: 'Vul de laatste dag van de observatie in.',
    settingRequired: 'Vul in waar de leerling wordt geobserveerd.',
    done: (name: string) => `De observatieperiode van ${name} is vastgelegd.`,
  },
  decision: {
    title: 'Gezamenlijk besluit',
    intro:
      'Plaatsing is een gezamenlijk besluit. Vul per partij in wie namens die partij besliste; dat hoeft geen gebruiker van Eenplan te zijn.',
    outcome: 'Besluit',
    admit: 'Toelaten',
    refuse: 'Niet toelaten',
    refuseWarning:
      'Niet toelaten sluit de aanmelding af. Daarna kan de leerling alleen opnieuw worden aangemeld.',
    decidedOn: 'Datum van het besluit',
    decider: (role: string) => `Namens ${role}: naam van wie besliste`,
    reasoning: 'Motivering',
    reasoningHint:
      'Waarom past de voorziening (niet) bij de ondersteuningsbehoefte van de leerling?',
    submitAdmit: 'Besluit vastleggen: toelaten',
    submitRefuse: 'Besluit vastleggen: niet toelaten',
    outcomeRequired: 'Kies toelaten of niet toelaten.',
    decidedOnRequired: 'Vul de datum van het besluit in.',
    deciderRequired: (role: string) => `Vul in wie namens ${role} besliste.`,
    reasoningRequired: 'Vul de motivering van het besluit in.',
    admitted: (name: string) =>
      `Het besluit voor ${name} is vastgelegd: toelaten. Plan nu de intake en het huisbezoek.`,
    refused: (name: string) =>
      `Het besluit voor ${name} is vastgelegd: niet toelaten. De aanmelding is afgesloten.`,
  },
  intake: {
    title: 'Intake en huisbezoek',
    intro:
      'De eigenaar ziet de taak in "Mijn taken". Het huisbezoek kan niet vóór de intake gepland worden.',
    intakeLegend: 'Intake (orthopedagoog en intern begeleider)',
    homeVisitLegend: 'Huisbezoek (leerkracht en zorgspecialist)',
    owner: 'Eigenaar',
    secondOwner: 'Tweede eigenaar (niet verplicht)',
    due: 'Uiterlijk op',
    search: 'Zoek een persoon (naam of organisatie)',
    searchButton: 'Zoeken',
    choose: '– Kies een persoon –',
    found: (count: number, total: number) =>
      total > count ? `${count} van ${total} personen getoond; zoek verder.` : `${count} personen.`,
    submit: 'Intake en huisbezoek plannen',
    ownerRequired: 'Kies wie de taak uitvoert.',
    dueRequired: 'Vul de datum in.',
    homeVisitBeforeIntake: 'Het huisbezoek kan niet vóór de intake.',
    done: (name: string) => `De intake en het huisbezoek van ${name} zijn gepland.`,
  },
  withdraw: {
    title: 'Aanmelding intrekken',
    intro:
      'Intrekken sluit de aanmelding af, bijvoorbeeld omdat de ouders de aanmelding intrekken, de leerling verhuist of er een andere plek is gevonden. Staat de leerling op de wachtlijst, dan gaat de leerling eraf en schuiven de leerlingen erachter op.',
    reason: 'Reden van intrekken',
    withdrawnOn: 'Ingetrokken op',
    confirm: 'Ik weet dat de aanmelding hiermee wordt afgesloten.',
    submit: 'Aanmelding intrekken',
    reasonRequired: 'Vul de reden van intrekken in.',
    withdrawnOnRequired: 'Vul de datum van intrekken in.',
    confirmRequired: 'Bevestig dat u de aanmelding wilt intrekken.',
    done: (name: string) => `De aanmelding van ${name} is ingetrokken.`,
  },
};
