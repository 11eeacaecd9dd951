// Dutch texts of the verzuim screens and "Mijn taken"; part of the catalogue in nl.ts (which
// exposes them as nl.absences and nl.tasks).
import type { AbsenceImportLayout, AbsenceKind, EscalationRecipient } from '../api/absences';

const kinds = {
  unauthorised: 'Ongeoorloofd',
  sick: 'Ziek',
  late: 'Te laat',
  removed: 'Uit de les verwijderd',
  authorised: 'Geoorloofd',
} satisfies Record<AbsenceKind, string>;
const kindByCode: Record<string, string | undefined> = kinds;

const recipients = {
  attendance_officer: 'Leerplicht',
  care_coordinator: 'Ondersteuningscoördinator',
  mentor: 'Mentor',
} satisfies Record<EscalationRecipient, string>;
const recipientByCode: Record<string, string | undefined> = recipients;

const rules: Record<string, string | undefined> = {
  consecutive_unauthorised_16: 'Aaneengesloten ongeoorloofd verzuim',
  late_arrivals_12: 'Te laat komen',
  sick_hours_60: 'Ziekteverzuim',
  legal_16_hours_4_weeks: 'Wettelijke meldplicht: 16 uur in 4 schoolweken',
  luxeverzuim: 'Luxeverzuim',
};

const layouts: Record<AbsenceImportLayout, string> = {
  canonical: 'Standaard (leerlingnummer,datum,lesuur,soort,opmerking)',
  magister: 'Export Magister',
  somtoday: 'Export Somtoday',
};

export const absenceMessages = {
  kind: (k: string) => kindByCode[k] ?? k,
  kinds: Object.entries(kinds) as [AbsenceKind, string][],
  recipient: (r: string) => recipientByCode[r] ?? r,
  rule: (code: string) => rules[code] ?? code,
  layouts: Object.entries(layouts) as [AbsenceImportLayout, string][],
  section: {
    heading: 'Verzuim',
    intro: (from: string, to: string) => `Schooljaar ${from} tot en met ${to}.`,
    summaryCaption: 'Verzuim dit schooljaar per soort',
    kindCol: 'Soort',
    countCol: 'Lesuren',
    lateCount: 'keer',
    none: 'Er is dit schooljaar geen verzuim geregistreerd.',
    listHeading: 'Geregistreerd verzuim',
    listCaption: 'Geregistreerd verzuim per dag',
    showAll: (n: number) => `Alle ${n} dagen tonen`,
    showRecent: 'Alleen de laatste dagen tonen',
    col: {
      date: 'Datum',
      hours: 'Lesuren',
      kind: 'Soort',
      remark: 'Opmerking',
      source: 'Bron',
    },
    source: (s: string) => (s === 'import' ? 'Import' : 'Handmatig'),
    luxe: 'luxeverzuim',
  },
  signals: {
    heading: 'Verzuimsignalen',
    none: 'Het verzuimprotocol heeft voor deze leerling nog geen signaal gegeven.',
    caption: 'Signalen van het verzuimprotocol, nieuwste eerst',
    col: {
      rule: 'Regel',
      occurrence: 'Keer',
      firedOn: 'Datum',
      recipient: 'Naar',
      evidence: 'Bewijs',
    },
    evidence: (n: number) => (n === 1 ? '1 lesuur' : `${n} lesuren`),
  },
  register: {
    heading: 'Verzuim registreren',
    date: 'Datum',
    dateHint: 'Een schooldag in dit schooljaar.',
    hours: 'Lesuren',
    hour: (h: number) => `${h}e uur`,
    kind: 'Soort verzuim',
    remark: 'Opmerking (optioneel)',
    markedLuxe: 'Vakantie zonder verlof (luxeverzuim): meld direct bij leerplicht',
    submit: 'Verzuim opslaan',
    busy: 'Bezig met opslaan…',
    dateRequired: 'Vul een datum in.',
    hoursRequired: 'Kies ten minste één lesuur.',
    luxeOnlyUnauthorised: 'Luxeverzuim kan alleen bij ongeoorloofd verzuim.',
    errorHeading: 'Het verzuim is niet opgeslagen',
    saved: (added: number) =>
      added === 0
        ? 'Deze lesuren waren al geregistreerd; er is niets veranderd.'
        : `${added === 1 ? '1 lesuur' : `${added} lesuren`} verzuim opgeslagen.`,
    newSignals: (n: number) =>
      n === 1
        ? 'Het verzuimprotocol gaf 1 nieuw signaal; de ontvanger ziet het in Mijn taken.'
        : `Het verzuimprotocol gaf ${n} nieuwe signalen; de ontvangers zien ze in Mijn taken.`,
  },
  exemption: {
    heading: 'Verzuimprotocol voor deze leerling',
    standard: 'Deze leerling valt onder het standaard verzuimprotocol van de school.',
    exempt: (by: string, at: string) =>
      `Uitgezonderd van het standaardprotocol (expertisepunt), vastgelegd door ${by} op ${at}. De wettelijke meldplicht blijft gelden.`,
    reasonLabel: 'Reden',
    reason: 'Besluit van het kernteam (reden)',
    reasonHint:
      'Bijvoorbeeld: de leerling volgt een onderwijszorgarrangement; het kernteam volgt het verzuim per geval.',
    reasonRequired: 'Vul de reden van het besluit in.',
    set: 'Uitzonderen van standaardprotocol',
    end: 'Weer onder standaardprotocol brengen',
    busy: 'Bezig…',
  },
  importPage: {
    title: 'Verzuim importeren',
    intro:
      'Lees een verzuimexport uit de leerlingadministratie in (CSV). Het bestand wordt in zijn geheel ingelezen of helemaal niet: bij één foute regel wordt niets opgeslagen. Regels die al geregistreerd zijn worden niet dubbel toegevoegd.',
    school: 'School',
    file: 'Bestand (CSV)',
    fileHint:
      'UTF-8 of Windows-1252. Standaardindeling: leerlingnummer,datum,lesuur,soort,opmerking met soort ongeoorloofd, ziek, te laat, verwijderd of geoorloofd.',
    layout: 'Indeling',
    layoutAuto: 'Automatisch herkennen aan de kopregel',
    submit: 'Importeren',
    busy: 'Bezig met importeren…',
    fileRequired: 'Kies een bestand.',
    fileTooLarge: 'Het bestand is groter dan 64 MB. Splits het in kleinere bestanden.',
    errorHeading: 'Het importeren is niet gelukt',
    doneHeading: 'Import voltooid',
    done: (read: number, added: number) =>
      `${read.toLocaleString('nl-NL')} regels gelezen, ${added.toLocaleString('nl-NL')} nieuw opgeslagen.`,
    signals: (n: number) =>
      n === 0
        ? 'Het verzuimprotocol gaf geen nieuwe signalen.'
        : `Het verzuimprotocol gaf ${n.toLocaleString('nl-NL')} nieuwe ${n === 1 ? 'signaal' : 'signalen'}; ze staan in Mijn taken van de ontvangers.`,
    rejectedHeading: 'Het bestand is niet ingelezen',
    rejected: (n: number) =>
      `Er is niets opgeslagen: ${n === 1 ? '1 regel bevat' : `${n.toLocaleString('nl-NL')} regels bevatten`} een fout. Verbeter het bestand en importeer het opnieuw.`,
    moreErrors: (shown: number, total: number) =>
      `De eerste ${shown.toLocaleString('nl-NL')} van ${total.toLocaleString('nl-NL')} fouten worden getoond.`,
    errorsCaption: 'Fouten per regel',
    col: { line: 'Regel', column: 'Kolom', message: 'Fout' },
    noSchool:
      'U bent niet gekoppeld aan een school. Alleen de coördinator van een school kan verzuim importeren.',
  },
  protocolPage: {
    title: 'Verzuimprotocol',
    intro:
      'Stel per regel in wanneer het verzuimprotocol een signaal geeft en aan wie. Wettelijke meldplichten staan altijd aan.',
    school: 'School',
    caption: 'Regels van het verzuimprotocol',
    col: { rule: 'Regel', threshold: 'Drempel', enabled: 'Aan', recipient: 'Signaal naar' },
    thresholdLabel: (rule: string) => `Drempel voor ${rule}`,
    enabledLabel: (rule: string) => `${rule} aan`,
    legal: 'Wettelijk verplicht',
    submit: 'Protocol opslaan',
    busy: 'Bezig met opslaan…',
    saved:
      'Het verzuimprotocol is opgeslagen. Het geldt voor verzuim dat vanaf nu wordt beoordeeld.',
    thresholdInvalid: 'Vul een heel getal van 1 tot en met 1000 in.',
    errorHeading: 'Het protocol is niet opgeslagen',
    conflict:
      'Iemand anders heeft het protocol gewijzigd nadat u het opende. Hieronder staat het protocol zoals het nu is; controleer uw wijziging en sla opnieuw op.',
  },
};

export const taskMessages = {
  title: 'Mijn taken',
  intro:
    'Werk dat op u of op uw rol wacht, zoals verzuimsignalen. Een taak noemt alleen de leerling; de details staan in het dossier.',
  statusFilter: 'Toon',
  open: 'Openstaande taken',
  done: 'Afgehandelde taken',
  caption: (page: number, pages: number) => `Taken, pagina ${page} van ${pages}`,
  col: {
    task: 'Taak',
    pupil: 'Leerling',
    due: 'Uiterlijk',
    created: 'Aangemaakt',
    action: 'Actie',
  },
  noPupil: '–',
  noDue: '–',
  overdue: 'te laat',
  markDone: 'Afgehandeld',
  reopen: 'Heropenen',
  markDoneFor: (title: string) => `Afgehandeld: ${title}`,
  reopenFor: (title: string) => `Heropenen: ${title}`,
  doneMessage: (title: string) => `Afgehandeld: ${title}`,
  reopenedMessage: (title: string) => `Heropend: ${title}`,
  conflict: 'Iemand anders heeft deze taak intussen gewijzigd. De lijst is bijgewerkt.',
  empty: 'Er staan geen taken voor u open.',
  emptyDone: 'Er zijn nog geen afgehandelde taken.',
  total: (n: number) => (n === 1 ? '1 taak' : `${n.toLocaleString('nl-NL')} taken`),
  adminNoTasks: 'Als SWV-beheerder heeft u geen taken in dossiers.',
};
