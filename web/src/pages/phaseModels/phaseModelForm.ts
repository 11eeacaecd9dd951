// The phase-model editor's state as typed (strings, so a half-typed number is kept), converted to
// the API's PhaseModelUpdate, and the server's refusals mapped back to the field they are about.
import type { ApiError } from '../../api/client';
import type { PhaseModelInput } from '../../api/phaseModels';
import type { Phase, PhaseModel, PlaceKind } from '../../api/trajectory';
import type { SummaryItem } from '../../components/ErrorSummary';
import { nl } from '../../messages/nl';
import { nlPhaseModels as t, type PhaseFieldName } from '../../messages/nl-phase-models';

export interface PhaseRow {
  /** Stable while rows move, so field ids (and the error summary's links) follow the phase. */
  key: string;
  /** The phase's code is its identity in pupils' phase histories: kept, never typed. */
  code: string;
  name: string;
  description: string;
  min: string;
  max: string;
  care: string;
  duration: string;
  places: PlaceKind[];
}

export interface ModelInputs {
  name: string;
  source: string;
  rows: PhaseRow[];
}

let nextKey = 0;
const newKey = () => `phase-${++nextKey}`;

export function inputsOf(model: PhaseModel): ModelInputs {
  return {
    name: model.name,
    source: model.source,
    rows: model.phases.map((p) => ({
      key: newKey(),
      code: p.code,
      name: p.name,
      description: p.description ?? '',
      min: String(p.typicalHoursMin ?? 0),
      max: String(p.typicalHoursMax ?? 0),
      care: p.careSharePercent == null ? '' : String(p.careSharePercent),
      duration: p.typicalDurationMonths == null ? '' : String(p.typicalDurationMonths),
      places: [...p.allowedPlaces],
    })),
  };
}

/** A new phase at the end, with a code no other phase of the model has. */
export function newRow(modelId: string, rows: PhaseRow[]): PhaseRow {
  let n = rows.length + 1;
  while (rows.some((r) => r.code === `${modelId}-${n}`)) n += 1;
  return {
    key: newKey(),
    code: `${modelId}-${n}`,
    name: t.newPhaseName(rows.length + 1),
    description: '',
    min: '0',
    max: '0',
    care: '',
    duration: '',
    places: [],
  };
}

export const fieldId = (modelId: string, rowKey: string, field: PhaseFieldName | 'places') =>
  `pm-${modelId}-${rowKey}-${field}`;
export const modelFieldId = (modelId: string, field: 'name' | 'source' | 'add') =>
  `pm-${modelId}-${field}`;

const WHOLE = /^-?\d+$/;

/** What the browser can say before sending: numbers that are not whole numbers, a missing name. */
export function checkInputs(modelId: string, inputs: ModelInputs): SummaryItem[] {
  const found: SummaryItem[] = [];
  if (inputs.name.trim() === '')
    found.push({ fieldId: modelFieldId(modelId, 'name'), message: t.nameRequired });
  if (inputs.rows.length === 0)
    found.push({ fieldId: modelFieldId(modelId, 'add'), message: t.noPhases });
  inputs.rows.forEach((row, index) => {
    const numbers: [PhaseFieldName, string, boolean][] = [
      ['typicalHoursMin', row.min, true],
      ['typicalHoursMax', row.max, true],
      ['careSharePercent', row.care, false],
      ['typicalDurationMonths', row.duration, false],
    ];
    for (const [field, value, required] of numbers) {
      const text = value.trim();
      if ((required || text !== '') && !WHOLE.test(text)) {
        found.push({
          fieldId: fieldId(modelId, row.key, field),
          message: t.phaseProblem(index + 1, field, t.wholeNumber),
        });
      }
    }
  });
  return found;
}

export function bodyOf(inputs: ModelInputs): PhaseModelInput {
  return {
    name: inputs.name.trim(),
    source: inputs.source.trim(),
    phases: inputs.rows.map((row): Phase => ({
      code: row.code,
      name: row.name.trim(),
      description: row.description.trim(),
      typicalHoursMin: Number(row.min.trim()),
      typicalHoursMax: Number(row.max.trim()),
      careSharePercent: row.care.trim() === '' ? null : Number(row.care.trim()),
      typicalDurationMonths: row.duration.trim() === '' ? null : Number(row.duration.trim()),
      allowedPlaces: row.places,
    })),
  };
}

/** Both sides as the API sees them, to tell "nothing changed" from a real save. */
export function sameModel(inputs: ModelInputs, model: PhaseModel): boolean {
  const a = bodyOf(inputs);
  const b = bodyOf(inputsOf(model));
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The server names the first problem (`phases[2].typicalHours`, `name`); `validation-failed` names
 * each field. Point each at the input of the row that was sent in that position.
 */
export function refusalItems(modelId: string, error: ApiError, sent: PhaseRow[]): SummaryItem[] {
  return error.errors.map((e) => {
    const match = /^phases\[(\d+)\](?:\.(\w+))?/.exec(e.name);
    const index = match ? Number(match[1]) : -1;
    const row = sent[index];
    if (!row) {
      const field = e.name === 'source' ? 'source' : e.name === 'name' ? 'name' : 'add';
      const message =
        error.code === 'validation-failed'
          ? nl.problem.field(e.code, e.reason)
          : field === 'name'
            ? t.nameRequired
            : e.name === 'phases'
              ? t.noPhases
              : e.reason;
      return { fieldId: modelFieldId(modelId, field), message };
    }
    const field = match?.[2] ?? 'name';
    const target: PhaseFieldName | 'places' =
      field === 'typicalHours'
        ? 'typicalHoursMin'
        : field === 'allowedPlaces'
          ? 'places'
          : field === 'code'
            ? 'name'
            : (field as PhaseFieldName);
    const fallback =
      error.code === 'validation-failed' ? nl.problem.field(e.code, e.reason) : e.reason;
    return {
      fieldId: fieldId(modelId, row.key, target),
      message: t.phaseProblem(index + 1, field, fallback),
    };
  });
}
