// Dutch texts of the page with the region's thuiszitter settings (nl.homeboundSettings).
import type { HomeboundSettingsValues } from '../api/homebound';

export type SettingField = keyof HomeboundSettingsValues;

export const homeboundSettingsMessages = {
  nav: 'Thuiszitterinstellingen',
  title: 'Instellingen thuiszittersregister',
  intro:
    'Met deze getallen rekent het register de klok en vindt het mogelijke thuiszitters in het verzuim. De wettelijke termijn van 12 weken staat vast; de eigen streeftermijn van het samenwerkingsverband mag korter zijn.',
  readOnly: 'Alleen de beheerder van het samenwerkingsverband kan deze instellingen wijzigen.',
  legalDeadline: (weeks: number) => `Wettelijke termijn: ${weeks} weken (vast).`,
  link: 'Instellingen van het register',
  fields: {
    targetWeeks: {
      label: 'Eigen streeftermijn (weken)',
      hint: 'Binnen hoeveel weken een thuiszitter weer een passende plek heeft. Ten hoogste 12.',
    },
    atRiskWeeks: {
      label: '"Dreigt te verlopen" bij minder dan (weken)',
      hint: 'Zoveel weken voor de streeftermijn krijgt een registratie de status "dreigt te verlopen".',
    },
    relativeThresholdWeeks: {
      label: 'Langdurig relatief verzuim na (weken)',
      hint: 'Ingeschreven en zonder geldige reden afwezig langer dan dit aantal weken.',
    },
    threateningWeeks: {
      label: 'Dreigend thuiszitten vanaf (weken)',
      hint: 'Onafgebroken afwezig ten minste zo lang; niet langer dan de grens voor langdurig relatief verzuim.',
    },
    minUnauthorisedHours: {
      label: 'Een dag telt als verzuimd vanaf (lesuren)',
      hint: 'Aantal ongeoorloofd verzuimde lesuren op één dag.',
    },
    dataLagSchoolDays: {
      label: 'Vertraging van verzuimimports (schooldagen)',
      hint: 'Een reeks die zoveel schooldagen geleden eindigde, telt nog als lopend.',
    },
  } satisfies Record<SettingField, { label: string; hint: string }>,
  formTitle: 'Instellingen wijzigen',
  reason: 'Reden van de wijziging',
  reasonHint: 'Bijvoorbeeld het besluit van het bestuur of de regionale afspraak.',
  reasonRequired: 'Schrijf op waarom de instellingen veranderen.',
  wholeNumber: 'Vul een geheel getal in.',
  submit: 'Instellingen opslaan',
  busy: 'Bezig met opslaan…',
  saved: 'De nieuwe instellingen zijn opgeslagen. De klokken in het register rekenen er nu mee.',
  conflict:
    'Iemand anders heeft de instellingen gewijzigd terwijl u ze bewerkte. Hieronder staan de instellingen zoals ze nu zijn; voer uw wijziging opnieuw in.',
  errorHeading: 'De instellingen zijn niet opgeslagen',
  historyTitle: 'Eerdere versies',
  historyCaption: 'Alle opgeslagen versies, de nieuwste eerst',
  noHistory: 'De standaardinstellingen zijn nooit gewijzigd.',
  col: {
    version: 'Versie',
    changed: 'Gewijzigd',
    by: 'Door',
    target: 'Streeftermijn',
    atRisk: 'Dreigt te verlopen',
    relative: 'Relatief verzuim',
    threatening: 'Dreigend',
    hours: 'Lesuren',
    lag: 'Vertraging',
    reason: 'Reden',
  },
  weeks: (n: number) => (n === 1 ? '1 week' : `${n} weken`),
  defaults: 'Standaard',
};
