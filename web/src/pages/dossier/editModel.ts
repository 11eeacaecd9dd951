// The edit form's values, how they relate to a Pupil, and which of them the user changed.
// Only changed fields are sent, so re-applying after a conflict never overwrites what someone
// else changed in fields this user did not touch.
import type {
  FactorArea,
  FactorKind,
  Pupil,
  PupilPatch,
  PupilStatus,
  SupportNeedCategoryCode,
} from '../../api/types';
import { formatDate } from '../../format';
import { nl } from '../../messages/nl';

export interface SupportNeedRow {
  key: string;
  category: SupportNeedCategoryCode | '';
  description: string;
}

export interface FactorRow {
  key: string;
  kind: FactorKind;
  area: FactorArea;
  description: string;
}

export interface EditValues {
  givenName: string;
  familyName: string;
  /** As typed, dd-mm-jjjj; converted to YYYY-MM-DD when sent. */
  dateOfBirth: string;
  postcode: string;
  schoolPupilNumber: string;
  status: PupilStatus;
  loadCapacity: string;
  careHistory: string;
  supportNeeds: SupportNeedRow[];
  factors: FactorRow[];
}

export type EditField = keyof EditValues;

export const SCALAR_FIELDS = [
  'givenName',
  'familyName',
  'dateOfBirth',
  'postcode',
  'schoolPupilNumber',
  'status',
  'loadCapacity',
  'careHistory',
] as const satisfies readonly EditField[];

export const ALL_FIELDS: readonly EditField[] = [...SCALAR_FIELDS, 'supportNeeds', 'factors'];

export function fieldLabel(field: EditField): string {
  return nl.dossier.field[field];
}

let rowCounter = 0;
/** Stable React keys for rows; not sent to the server. */
export function newRowKey(): string {
  rowCounter += 1;
  return `row-${Date.now().toString(36)}-${rowCounter}`;
}

export function toEditValues(pupil: Pupil): EditValues {
  return {
    givenName: pupil.givenName,
    familyName: pupil.familyName,
    dateOfBirth: formatDate(pupil.dateOfBirth),
    postcode: pupil.postcode,
    schoolPupilNumber: pupil.schoolPupilNumber,
    status: pupil.status,
    loadCapacity: pupil.loadCapacity ?? '',
    careHistory: pupil.careHistory ?? '',
    supportNeeds: (pupil.supportNeeds ?? []).map((n) => ({
      key: newRowKey(),
      category: n.category,
      description: n.description,
    })),
    factors: (pupil.factors ?? []).map((f) => ({
      key: newRowKey(),
      kind: f.kind,
      area: f.area,
      description: f.description,
    })),
  };
}

/** "31-12-2012" → "2012-12-31"; other text is sent as typed so the server can say what is wrong. */
export function toIsoDate(text: string): string {
  const match = /^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$/.exec(text);
  if (!match) return text.trim();
  const [, d = '', m = '', y = ''] = match;
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

function comparable(values: EditValues, field: EditField): string {
  switch (field) {
    case 'supportNeeds':
      return JSON.stringify(values.supportNeeds.map((n) => [n.category, n.description]));
    case 'factors':
      return JSON.stringify(values.factors.map((f) => [f.kind, f.area, f.description]));
    case 'dateOfBirth':
      return toIsoDate(values.dateOfBirth);
    default:
      return values[field];
  }
}

export function sameField(a: EditValues, b: EditValues, field: EditField): boolean {
  return comparable(a, field) === comparable(b, field);
}

export function changedFields(base: EditValues, values: EditValues): EditField[] {
  return ALL_FIELDS.filter((field) => !sameField(base, values, field));
}

export function toPatch(values: EditValues, fields: readonly EditField[]): PupilPatch {
  const patch: PupilPatch = {};
  for (const field of fields) {
    switch (field) {
      case 'supportNeeds':
        patch.supportNeeds = values.supportNeeds.map((n) => ({
          category: n.category as SupportNeedCategoryCode,
          description: n.description,
        }));
        break;
      case 'factors':
        patch.factors = values.factors.map((f) => ({
          kind: f.kind,
          area: f.area,
          description: f.description,
        }));
        break;
      case 'dateOfBirth':
        patch.dateOfBirth = toIsoDate(values.dateOfBirth);
        break;
      case 'status':
        patch.status = values.status;
        break;
      default:
        patch[field] = values[field];
    }
  }
  return patch;
}

/** The newer version with this user's own changes laid on top. */
export function applyChanges(
  current: EditValues,
  values: EditValues,
  fields: readonly EditField[],
): EditValues {
  const merged: EditValues = { ...current };
  for (const field of fields) {
    (merged as unknown as Record<string, unknown>)[field] = values[field];
  }
  return merged;
}

/**
 * Server field names → form element ids. Accepts "dateOfBirth", "supportNeeds[1].description",
 * "supportNeeds.1.description" and "/supportNeeds/1/description" alike.
 */
export function fieldIdFor(name: string): string {
  const parts = name.split(/[[\]./]+/).filter((p) => p !== '');
  return `edit-${parts.join('-')}`;
}

/** Checks the `current` member of a 412 problem before the UI relies on it. */
export function isPupil(value: unknown): value is Pupil {
  const candidate = value as Partial<Pupil> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.version === 'number' &&
    typeof candidate.id === 'string' &&
    typeof candidate.access === 'object'
  );
}
