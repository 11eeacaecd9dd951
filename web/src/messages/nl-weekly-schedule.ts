// Dutch texts of the pupil's week in the plan tab: the hours per place and "Weekstructuur instellen".
export const nlWeeklySchedule = {
  currentTitle: 'Weekstructuur',
  currentFrom: (date: string) => `Geldig vanaf ${date}.`,
  none: 'Er is nog geen weekstructuur vastgelegd.',
  caption: 'Uren per plek per week',
  col: { place: 'Plek', education: 'Onderwijs (uur)', care: 'Zorg (uur)', total: 'Totaal (uur)' },
  total: 'Totaal per week',
  open: 'Weekstructuur instellen',
  formTitle: 'Weekstructuur instellen',
  intro:
    'Leg de week vast vanaf een datum, bijvoorbeeld de eerste week na de start of een wijziging tussen twee evaluaties. Eerdere weken blijven bewaard als de opbouw.',
  phaseNote: (phase: string) => `Alleen de plekken van de huidige fase (${phase}) zijn te kiezen.`,
  droppedNote: (places: string) =>
    `Niet overgenomen uit de huidige week, want niet toegestaan in deze fase: ${places}.`,
  validFrom: 'Geldig vanaf',
  rowLegend: (n: number) => `Plek ${n}`,
  place: 'Plek',
  education: 'Uren onderwijs per week',
  care: 'Uren zorg per week',
  addRow: 'Plek toevoegen',
  removeRow: 'Verwijderen',
  ofRow: (n: number) => `plek ${n}`,
  weekTotal: (hours: string) => `Totaal per week: ${hours} uur`,
  save: 'Weekstructuur opslaan',
  cancel: 'Annuleren',
  saved: (date: string) => `De weekstructuur vanaf ${date} is opgeslagen.`,
  errorSummary: (n: number) => (n === 1 ? 'Er is 1 fout gevonden' : `Er zijn ${n} fouten gevonden`),
  hoursFormat: 'Vul de uren in als getal, bijvoorbeeld 2 of 1,5.',
  noHours: 'Vul bij ten minste één plek uren onderwijs of zorg in.',
  dateRequired: 'Vul een geldige datum in.',
  rule: {
    'place-not-allowed-in-phase': 'Deze plek hoort niet bij de fase van de leerling op die datum.',
    'schedule-hours-invalid':
      'Per plek en soort zijn het meer dan 0 en ten hoogste 40 uur per week.',
  } as Record<string, string>,
  weekTooLong: (hours: string) =>
    `Een week heeft ten hoogste 40 uur onderwijs en zorg samen; nu is het ${hours} uur.`,
};
