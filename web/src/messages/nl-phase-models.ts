// Dutch texts of the Fasenmodellen page: reading and configuring the phase models.

/** The fields of a phase the server can name in a refusal (`phases[2].typicalHours`). */
export type PhaseFieldName =
  | 'name'
  | 'description'
  | 'typicalHoursMin'
  | 'typicalHoursMax'
  | 'careSharePercent'
  | 'typicalDurationMonths'
  | 'allowedPlaces';

const phaseProblems: Record<string, string> = {
  code: 'De fase heeft geen of een dubbele code. Laad de pagina opnieuw.',
  name: 'Geef de fase een naam.',
  allowedPlaces: 'Kies ten minste één plek waar deze fase plaatsvindt.',
  typicalHours:
    'De typische uren per week liggen tussen 0 en 40, en het minimum is niet hoger dan het maximum.',
  typicalHoursMin: 'Vul bij minimum uren een heel getal van 0 tot en met 40 in.',
  typicalHoursMax: 'Vul bij maximum uren een heel getal van 0 tot en met 40 in.',
  careSharePercent: 'Het aandeel zorg is een percentage van 0 tot en met 100, of leeg.',
  typicalDurationMonths: 'De typische duur is een heel aantal maanden groter dan 0, of leeg.',
};

export const nlPhaseModels = {
  nav: 'Fasenmodellen',
  title: 'Fasenmodellen',
  intro:
    'Een fasenmodel beschrijft de stappen waarin een leerling opbouwt naar een volledige schoolweek: per fase de typische uren, het aandeel zorg en de plekken waar onderwijs en zorg plaatsvinden.',
  readOnly: 'Alleen de SWV-consulent kan een fasenmodel wijzigen.',
  source: 'Bron',
  version: (n: number) => `versie ${n}`,
  phasesCaption: (model: string) => `Fasen van ${model}`,
  col: {
    order: 'Volgorde',
    name: 'Fase',
    description: 'Omschrijving',
    hours: 'Typische uren per week',
    care: 'Aandeel zorg',
    duration: 'Typische duur',
    places: 'Plekken',
  },
  hours: (min: number, max: number) =>
    min === 0 && max === 0 ? 'niet vastgelegd' : min === max ? `${min} uur` : `${min}–${max} uur`,
  percent: (n: number) => `${n}%`,
  months: (n: number) => (n === 1 ? '1 maand' : `${n} maanden`),
  empty: '—',
  edit: (model: string) => `${model} bewerken`,
  editShort: 'Bewerken',
  editorTitle: (model: string) => `${model} bewerken`,
  modelName: 'Naam van het fasenmodel',
  modelSource: 'Bron',
  modelSourceHint:
    'Waar de fasen en getallen vandaan komen, bijvoorbeeld het document of de setting.',
  phasesLegend: (n: number) => (n === 1 ? 'Fasen (1)' : `Fasen (${n})`),
  phaseLegend: (n: number, name: string) => `${n}. ${name.trim() || `Fase ${n}`}`,
  phaseName: 'Naam',
  phaseDescription: 'Omschrijving',
  hoursMin: 'Typische uren per week, minimum',
  hoursMax: 'Typische uren per week, maximum',
  hoursHint: 'Hele uren, 0 tot en met 40; 0 en 0 als het model het niet vastlegt.',
  careShare: 'Aandeel zorg (procent)',
  careShareHint: 'Leeg laten als het model het niet noemt.',
  duration: 'Typische duur (maanden)',
  durationHint: 'Leeg laten als de fase geen vaste duur heeft.',
  places: 'Toegestane plekken',
  moveUp: 'Omhoog',
  moveDown: 'Omlaag',
  remove: 'Verwijderen',
  /** Visually hidden after the button text, so every button names its phase. */
  ofPhase: (n: number) => `fase ${n}`,
  addPhase: 'Fase toevoegen',
  newPhaseName: (n: number) => `Fase ${n}`,
  moved: (name: string, n: number) => `${name} staat nu op plaats ${n}.`,
  removed: (name: string) => `${name} is verwijderd.`,
  added: (n: number) => `Fase ${n} is toegevoegd.`,
  removeInUseHint:
    'Een fase waarin leerlingen zitten of zaten, kan niet weg: hun fasegeschiedenis verwijst ernaar.',
  save: 'Opslaan',
  cancel: 'Annuleren',
  saved: (model: string) => `${model} is opgeslagen.`,
  noChanges: 'Er is niets gewijzigd.',
  errorSummary: (n: number) => (n === 1 ? 'Er is 1 fout gevonden' : `Er zijn ${n} fouten gevonden`),
  wholeNumber: 'Vul een heel getal in.',
  nameRequired: 'Geef het fasenmodel een naam.',
  noPhases: 'Een fasenmodel heeft ten minste één fase.',
  phaseProblem: (n: number, field: string, fallback: string) =>
    `Fase ${n}: ${phaseProblems[field] ?? fallback}`,
  conflict: 'Iemand anders heeft dit fasenmodel opgeslagen nadat u het opende.',
  conflictIntro:
    'Hieronder staat het fasenmodel zoals het nu is opgeslagen. Uw wijzigingen staan nog in het formulier.',
  conflictCaption: (model: string) => `Fasen van ${model} zoals nu opgeslagen`,
  reapply: 'Mijn wijzigingen toch opslaan',
  takeCurrent: 'Opgeslagen versie overnemen',
};
