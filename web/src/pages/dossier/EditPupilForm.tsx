import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import {
  Alert,
  Fieldset,
  FieldsetLegend,
  Heading2,
  Paragraph,
  PrimaryActionButton,
  SecondaryActionButton,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import { isApiError, type ApiError } from '../../api/client';
import { getPupil, patchPupil } from '../../api/eenplan';
import type { Pupil, PupilStatus, SupportNeedCategory } from '../../api/types';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { ProblemAlert } from '../../components/ProblemAlert';
import { clearDraft, loadDraft, saveDraft } from '../../drafts';
import { nl } from '../../messages/nl';
import { ConflictView } from './ConflictView';
import { FactorsFieldset, SupportNeedsFieldset } from './EditRows';
import {
  applyChanges,
  changedFields,
  fieldIdFor,
  isPupil,
  toEditValues,
  toPatch,
  type EditValues,
} from './editModel';

interface Props {
  pupil: Pupil;
  categories: SupportNeedCategory[];
  onSaved: (pupil: Pupil) => void;
  onCancel: () => void;
  /** The user threw away their changes after a conflict; show this (newer) version. */
  onDiscard: (current: Pupil) => void;
}

/** What sessionStorage keeps: the version the user started from and what they typed. */
interface EditDraft {
  baseVersion: number;
  base: EditValues;
  values: EditValues;
}

function asEditDraft(value: unknown): EditDraft | null {
  const draft = value as Partial<EditDraft> | null;
  const valid =
    typeof draft?.baseVersion === 'number' &&
    typeof draft.base === 'object' &&
    Array.isArray(draft.values?.supportNeeds) &&
    Array.isArray(draft.values.factors);
  return valid ? (draft as EditDraft) : null;
}

export function hasEditDraft(pupilId: string): boolean {
  return asEditDraft(loadDraft('edit', pupilId)) !== null;
}

function initialDraft(pupil: Pupil): { draft: EditDraft; restored: boolean } {
  const stored = asEditDraft(loadDraft('edit', pupil.id));
  if (stored) return { draft: stored, restored: true };
  const base = toEditValues(pupil);
  return { draft: { baseVersion: pupil.version, base, values: base }, restored: false };
}

export function EditPupilForm({ pupil, categories, onSaved, onCancel, onDiscard }: Props) {
  const [initial] = useState(() => initialDraft(pupil));
  const [draft, setDraft] = useState<EditDraft>(initial.draft);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(
    initial.restored ? nl.edit.draftRestored : null,
  );
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<Pupil | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { values } = draft;

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  // Keep typing safe across reloads and expired sessions; an untouched form leaves no draft.
  useEffect(() => {
    if (changedFields(draft.base, draft.values).length > 0) saveDraft('edit', pupil.id, draft);
    else clearDraft('edit', pupil.id);
  }, [draft, pupil.id]);

  function update(change: Partial<EditValues>) {
    setDraft((d) => ({ ...d, values: { ...d.values, ...change } }));
  }

  async function submit(next: EditDraft) {
    const fields = changedFields(next.base, next.values);
    setFormError(null);
    if (fields.length === 0) {
      setNotice(nl.edit.noChanges);
      return;
    }
    setSaving(true);
    try {
      const saved = await patchPupil(pupil.id, next.baseVersion, toPatch(next.values, fields));
      clearDraft('edit', pupil.id);
      onSaved(saved);
    } catch (error) {
      setSaving(false);
      if (isApiError(error, 'version-conflict')) {
        const current = isPupil(error.problem.current)
          ? error.problem.current
          : await getPupil(pupil.id).catch(() => null);
        if (current) {
          setConflict(current);
          return;
        }
      }
      if (isApiError(error, 'validation-failed') && error.errors.length > 0) {
        const byId: Record<string, string> = {};
        const items: SummaryItem[] = [];
        for (const e of error.errors) {
          const id = resolveFieldId(e.name);
          const message = nl.problem.field(e.code, e.reason);
          byId[id] ??= message;
          items.push({ fieldId: id, message: `${labelForId(id)}: ${message}` });
        }
        setFieldErrors(byId);
        setSummary(items);
        return;
      }
      setFieldErrors({});
      setSummary([]);
      setFormError(isApiError(error) ? error : null);
    }
  }

  function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    setNotice(null);
    void submit(draft);
  }

  function reapply(current: Pupil) {
    const currentValues = toEditValues(current);
    const mine = changedFields(draft.base, draft.values);
    const next: EditDraft = {
      baseVersion: current.version,
      base: currentValues,
      values: applyChanges(currentValues, draft.values, mine),
    };
    setDraft(next);
    setConflict(null);
    void submit(next);
  }

  if (conflict) {
    return (
      <ConflictView
        base={draft.base}
        mine={draft.values}
        current={conflict}
        categories={categories}
        busy={saving}
        onReapply={() => {
          reapply(conflict);
        }}
        onDiscard={() => {
          clearDraft('edit', pupil.id);
          onDiscard(conflict);
        }}
      />
    );
  }

  const err = (id: string) => fieldErrors[id];

  function changeRows(change: Partial<EditValues>, removed: boolean) {
    update(change);
    // Row errors refer to positions that just moved; they return on the next save if still wrong.
    if (removed) setFieldErrors({});
  }

  const textField = (
    field: 'givenName' | 'familyName' | 'dateOfBirth' | 'postcode' | 'schoolPupilNumber',
    options: { hint?: string; autoComplete?: string; className?: string } = {},
  ) => {
    const id = `edit-${field}`;
    return (
      <Field id={id} label={nl.dossier.field[field]} hint={options.hint} error={err(id)}>
        {(control) => (
          <Textbox
            {...control}
            className={options.className}
            autoComplete={options.autoComplete ?? 'off'}
            value={values[field]}
            invalid={err(id) !== undefined}
            onChange={(e) => {
              update({ [field]: e.target.value });
            }}
          />
        )}
      </Field>
    );
  };

  const textArea = (field: 'loadCapacity' | 'careHistory', hint?: string) => {
    const id = `edit-${field}`;
    return (
      <Field id={id} label={nl.dossier.field[field]} hint={hint} error={err(id)}>
        {(control) => (
          <Textarea
            {...control}
            rows={5}
            value={values[field]}
            invalid={err(id) !== undefined}
            onChange={(e) => {
              update({ [field]: e.target.value });
            }}
          />
        )}
      </Field>
    );
  };

  return (
    <section className="ep-edit" aria-labelledby="edit-heading">
      <Heading2 id="edit-heading" ref={headingRef} tabIndex={-1} className="ep-focus-target">
        {nl.edit.heading}
      </Heading2>
      <Paragraph>{nl.edit.intro}</Paragraph>
      {notice !== null && (
        <Alert type="info">
          <Paragraph>{notice}</Paragraph>
        </Alert>
      )}
      {summary.length > 0 && (
        <ErrorSummary title={nl.edit.errorSummary(summary.length)} items={summary} />
      )}
      {formError && <ProblemAlert error={formError} />}

      <form className="ep-form" noValidate onSubmit={onSubmit}>
        <Fieldset>
          <FieldsetLegend>{nl.dossier.sections.personalia}</FieldsetLegend>
          <div className="ep-form-grid">
            {textField('givenName', { autoComplete: 'off' })}
            {textField('familyName', { autoComplete: 'off' })}
            {textField('dateOfBirth', { hint: nl.edit.dateHint, className: 'ep-input--short' })}
            {textField('postcode', { hint: nl.edit.postcodeHint, className: 'ep-input--short' })}
            {textField('schoolPupilNumber', { className: 'ep-input--short' })}
            <Field id="edit-status" label={nl.dossier.field.status} error={err('edit-status')}>
              {(control) => (
                <Select
                  {...control}
                  value={values.status}
                  invalid={err('edit-status') !== undefined}
                  onChange={(e) => {
                    update({ status: e.target.value as PupilStatus });
                  }}
                >
                  {nl.options.statuses.map(([value, label]) => (
                    <SelectOption key={value} value={value}>
                      {label}
                    </SelectOption>
                  ))}
                </Select>
              )}
            </Field>
          </div>
        </Fieldset>

        <Fieldset>
          <FieldsetLegend>{nl.edit.loadAndHistoryLegend}</FieldsetLegend>
          {textArea('loadCapacity', nl.edit.loadCapacityHint)}
          {textArea('careHistory')}
        </Fieldset>

        <SupportNeedsFieldset
          rows={values.supportNeeds}
          categories={categories}
          err={err}
          onChange={(supportNeeds, removed) => {
            changeRows({ supportNeeds }, removed);
          }}
        />
        <FactorsFieldset
          rows={values.factors}
          err={err}
          onChange={(factors, removed) => {
            changeRows({ factors }, removed);
          }}
        />

        <div className="ep-actions">
          <PrimaryActionButton type="submit" busy={saving} disabled={saving}>
            {saving ? nl.edit.saving : nl.edit.save}
          </PrimaryActionButton>
          <SecondaryActionButton
            type="button"
            onClick={() => {
              clearDraft('edit', pupil.id);
              onCancel();
            }}
          >
            {nl.edit.cancel}
          </SecondaryActionButton>
        </div>
      </form>
    </section>
  );
}

/** Server names may point at a whole list ("supportNeeds") or a row field; fall back to what exists. */
function resolveFieldId(name: string): string {
  const id = fieldIdFor(name);
  if (document.getElementById(id)) return id;
  const parts = id.split('-');
  return parts.length > 1 ? `${parts[0] ?? ''}-${parts[1] ?? ''}` : id;
}

function labelForId(id: string): string {
  const label = document.querySelector(`label[for="${CSS.escape(id)}"]`)?.textContent;
  const parts = id.split('-');
  const section = parts[1] as keyof typeof nl.dossier.field | undefined;
  const sectionLabel = section !== undefined ? nl.dossier.field[section] : undefined;
  if (parts.length > 2 && sectionLabel !== undefined) {
    return `${sectionLabel} ${Number(parts[2]) + 1}, ${(label ?? '').toLowerCase()}`;
  }
  return label ?? sectionLabel ?? id;
}
