// The SWV consulent's editor of one phase model: name, source and the ordered phases (add, remove,
// move up and down with buttons), each with its typical hours, share of care and allowed places.
// Refusals land in the error summary at their field; a version conflict shows the model as it is
// now and lets the user choose, as the case-team editor does (nothing typed is lost).
import { useRef, useState, type SubmitEvent } from 'react';
import {
  Alert,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  Heading3,
  Paragraph,
  PrimaryActionButton,
  SecondaryActionButton,
  SubtleButton,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import { isApiError, type ApiError } from '../../api/client';
import { isPhaseModel, putPhaseModel } from '../../api/phaseModels';
import type { PhaseModel, PlaceKind } from '../../api/trajectory';
import { ConflictChoice } from '../../components/ConflictChoice';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { ProblemAlert } from '../../components/ProblemAlert';
import { nlPhaseModels as t, type PhaseFieldName } from '../../messages/nl-phase-models';
import {
  bodyOf,
  checkInputs,
  fieldId,
  inputsOf,
  modelFieldId,
  newRow,
  refusalItems,
  sameModel,
  type ModelInputs,
  type PhaseRow,
} from './phaseModelForm';
import { PhaseTable, placeLabel } from './PhaseTable';

const PLACES: PlaceKind[] = [
  'home',
  'day_care',
  'care_farm',
  'care_institution',
  'school',
  'swv_office',
];

interface Props {
  model: PhaseModel;
  onSaved: (model: PhaseModel) => void;
  onCancel: () => void;
}

export function PhaseModelEditor({ model, onSaved, onCancel }: Props) {
  const [base, setBase] = useState<PhaseModel>(model);
  const [inputs, setInputs] = useState<ModelInputs>(() => inputsOf(model));
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [conflict, setConflict] = useState<PhaseModel | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [busy, setBusy] = useState(false);
  const conflictRef = useRef<HTMLDivElement>(null);
  const id = model.id;
  const headingId = `pm-${id}-editor`;
  const errorFor = (fid: string) => {
    const messages = errors.filter((e) => e.fieldId === fid).map((e) => e.message);
    return messages.length > 0 ? messages.join(' ') : undefined;
  };

  function focusSoon(target: string) {
    requestAnimationFrame(() => document.getElementById(target)?.focus());
  }

  function setRow(key: string, change: Partial<PhaseRow>) {
    setInputs((current) => ({
      ...current,
      rows: current.rows.map((r) => (r.key === key ? { ...r, ...change } : r)),
    }));
  }

  function move(index: number, by: -1 | 1) {
    const rows = [...inputs.rows];
    const row = rows[index];
    const other = rows[index + by];
    if (!row || !other) return;
    rows[index + by] = row;
    rows[index] = other;
    setInputs({ ...inputs, rows });
    setAnnouncement(t.moved(row.name || t.newPhaseName(index + 1), index + by + 1));
    // Keep focus on the button that was pressed, unless the phase reached the end it moved to.
    const to = index + by;
    const keep = by === -1 ? to > 0 : to < rows.length - 1;
    focusSoon(
      `pm-${id}-${row.key}-${keep ? (by === -1 ? 'up' : 'down') : by === -1 ? 'down' : 'up'}`,
    );
  }

  function remove(index: number) {
    const row = inputs.rows[index];
    if (!row) return;
    const rows = inputs.rows.filter((_, i) => i !== index);
    setInputs({ ...inputs, rows });
    setAnnouncement(t.removed(row.name || t.newPhaseName(index + 1)));
    const neighbour = rows[index] ?? rows[index - 1];
    focusSoon(neighbour ? `pm-${id}-${neighbour.key}-remove` : modelFieldId(id, 'add'));
  }

  function add() {
    const row = newRow(id, inputs.rows);
    setInputs({ ...inputs, rows: [...inputs.rows, row] });
    setAnnouncement(t.added(inputs.rows.length + 1));
    focusSoon(fieldId(id, row.key, 'name'));
  }

  async function save(version: number) {
    setNotice(null);
    setFailure(null);
    const found = checkInputs(id, inputs);
    setErrors(found);
    if (found.length > 0) return;
    if (version === base.version && sameModel(inputs, base)) {
      setNotice(t.noChanges);
      return;
    }
    const sent = inputs.rows;
    setBusy(true);
    try {
      const saved = await putPhaseModel(id, version, bodyOf(inputs));
      onSaved(saved);
    } catch (error) {
      setBusy(false);
      if (isApiError(error, 'version-conflict') && isPhaseModel(error.problem.current)) {
        setConflict(error.problem.current);
        requestAnimationFrame(() => conflictRef.current?.focus());
        return;
      }
      if (isApiError(error) && error.status === 422 && error.errors.length > 0) {
        setErrors(refusalItems(id, error, sent));
        return;
      }
      setFailure(isApiError(error) ? error : null);
    }
  }

  function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    // Against the version the user started from: after a conflict only the explicit choice
    // ("toch opslaan") saves over the other change.
    void save(base.version);
  }

  function reapply(current: PhaseModel) {
    setBase(current);
    setConflict(null);
    void save(current.version);
  }

  function takeCurrent(current: PhaseModel) {
    setBase(current);
    setInputs(inputsOf(current));
    setConflict(null);
    setErrors([]);
    focusSoon(headingId);
  }

  const numberField = (
    row: PhaseRow,
    field: PhaseFieldName,
    value: string,
    label: string,
    change: (v: string) => Partial<PhaseRow>,
    hint?: string,
  ) => {
    const fid = fieldId(id, row.key, field);
    return (
      <Field id={fid} label={label} hint={hint} error={errorFor(fid)}>
        {(control) => (
          <Textbox
            {...control}
            className="ep-input--number"
            inputMode="numeric"
            value={value}
            invalid={errorFor(fid) !== undefined}
            onChange={(e) => {
              setRow(row.key, change(e.target.value));
            }}
          />
        )}
      </Field>
    );
  };

  return (
    <div className="ep-phase-model-editor">
      <Heading3 id={headingId} tabIndex={-1} className="ep-focus-target">
        {t.editorTitle(base.name)}
      </Heading3>
      {errors.length > 0 && <ErrorSummary title={t.errorSummary(errors.length)} items={errors} />}
      {failure && <ProblemAlert error={failure} />}
      {notice !== null && (
        <Alert type="info">
          <Paragraph>{notice}</Paragraph>
        </Alert>
      )}
      {conflict && (
        <ConflictChoice
          focusRef={conflictRef}
          heading={t.conflict}
          intro={t.conflictIntro}
          busy={busy}
          reapplyLabel={t.reapply}
          takeCurrentLabel={t.takeCurrent}
          onReapply={() => {
            reapply(conflict);
          }}
          onTakeCurrent={() => {
            takeCurrent(conflict);
          }}
        >
          <PhaseTable model={conflict} caption={t.conflictCaption(conflict.name)} />
        </ConflictChoice>
      )}
      <p className="ep-visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>

      <form className="ep-form" noValidate onSubmit={onSubmit}>
        <Field
          id={modelFieldId(id, 'name')}
          label={t.modelName}
          error={errorFor(modelFieldId(id, 'name'))}
        >
          {(control) => (
            <Textbox
              {...control}
              value={inputs.name}
              invalid={errorFor(modelFieldId(id, 'name')) !== undefined}
              onChange={(e) => {
                setInputs({ ...inputs, name: e.target.value });
              }}
            />
          )}
        </Field>
        <Field
          id={modelFieldId(id, 'source')}
          label={t.modelSource}
          hint={t.modelSourceHint}
          error={errorFor(modelFieldId(id, 'source'))}
        >
          {(control) => (
            <Textbox
              {...control}
              value={inputs.source}
              onChange={(e) => {
                setInputs({ ...inputs, source: e.target.value });
              }}
            />
          )}
        </Field>
        <Fieldset>
          <FieldsetLegend>{t.phasesLegend(inputs.rows.length)}</FieldsetLegend>
          <Paragraph>{t.removeInUseHint}</Paragraph>
          <ol className="ep-plain-list ep-phase-rows">
            {inputs.rows.map((row, index) => {
              const placesId = fieldId(id, row.key, 'places');
              const placesError = errorFor(placesId);
              const n = index + 1;
              return (
                <li key={row.key}>
                  <Fieldset className="ep-row">
                    <FieldsetLegend className="ep-row__legend">
                      {t.phaseLegend(n, row.name)}
                    </FieldsetLegend>
                    <Field
                      id={fieldId(id, row.key, 'name')}
                      label={t.phaseName}
                      error={errorFor(fieldId(id, row.key, 'name'))}
                    >
                      {(control) => (
                        <Textbox
                          {...control}
                          value={row.name}
                          invalid={errorFor(fieldId(id, row.key, 'name')) !== undefined}
                          onChange={(e) => {
                            setRow(row.key, { name: e.target.value });
                          }}
                        />
                      )}
                    </Field>
                    <Field
                      id={fieldId(id, row.key, 'description')}
                      label={t.phaseDescription}
                      error={errorFor(fieldId(id, row.key, 'description'))}
                    >
                      {(control) => (
                        <Textarea
                          {...control}
                          rows={3}
                          value={row.description}
                          onChange={(e) => {
                            setRow(row.key, { description: e.target.value });
                          }}
                        />
                      )}
                    </Field>
                    <div className="ep-form-grid">
                      {numberField(
                        row,
                        'typicalHoursMin',
                        row.min,
                        t.hoursMin,
                        (v) => ({ min: v }),
                        t.hoursHint,
                      )}
                      {numberField(
                        row,
                        'typicalHoursMax',
                        row.max,
                        t.hoursMax,
                        (v) => ({ max: v }),
                        t.hoursHint,
                      )}
                      {numberField(
                        row,
                        'careSharePercent',
                        row.care,
                        t.careShare,
                        (v) => ({ care: v }),
                        t.careShareHint,
                      )}
                      {numberField(
                        row,
                        'typicalDurationMonths',
                        row.duration,
                        t.duration,
                        (v) => ({ duration: v }),
                        t.durationHint,
                      )}
                    </div>
                    <Fieldset
                      className="ep-phase-places"
                      aria-describedby={placesError ? `${placesId}-error` : undefined}
                    >
                      <FieldsetLegend className="ep-phase-places__legend">
                        {t.places}
                      </FieldsetLegend>
                      {placesError && (
                        <Paragraph id={`${placesId}-error`} className="ep-error-text">
                          {placesError}
                        </Paragraph>
                      )}
                      <ul className="ep-checkbox-list ep-checkbox-list--inline">
                        {PLACES.map((place, i) => {
                          // The first box carries the group's id: the error summary links to it.
                          const boxId = i === 0 ? placesId : `${placesId}-${place}`;
                          return (
                            <li key={place} className="ep-checkbox-list__item">
                              <Checkbox
                                id={boxId}
                                checked={row.places.includes(place)}
                                onChange={(e) => {
                                  const on = e.currentTarget.checked;
                                  setRow(row.key, {
                                    places: on
                                      ? PLACES.filter((p) => p === place || row.places.includes(p))
                                      : row.places.filter((p) => p !== place),
                                  });
                                }}
                              />
                              <label
                                htmlFor={boxId}
                                className="utrecht-form-label utrecht-form-label--checkbox"
                              >
                                {placeLabel(place)}
                              </label>
                            </li>
                          );
                        })}
                      </ul>
                    </Fieldset>
                    <div className="ep-row-actions">
                      <SubtleButton
                        type="button"
                        id={`pm-${id}-${row.key}-up`}
                        disabled={index === 0}
                        onClick={() => {
                          move(index, -1);
                        }}
                      >
                        {t.moveUp}
                        <span className="ep-visually-hidden"> {t.ofPhase(n)}</span>
                      </SubtleButton>
                      <SubtleButton
                        type="button"
                        id={`pm-${id}-${row.key}-down`}
                        disabled={index === inputs.rows.length - 1}
                        onClick={() => {
                          move(index, 1);
                        }}
                      >
                        {t.moveDown}
                        <span className="ep-visually-hidden"> {t.ofPhase(n)}</span>
                      </SubtleButton>
                      <SubtleButton
                        type="button"
                        id={`pm-${id}-${row.key}-remove`}
                        onClick={() => {
                          remove(index);
                        }}
                      >
                        {t.remove}
                        <span className="ep-visually-hidden"> {t.ofPhase(n)}</span>
                      </SubtleButton>
                    </div>
                  </Fieldset>
                </li>
              );
            })}
          </ol>
          {errorFor(modelFieldId(id, 'add')) !== undefined && (
            <Paragraph className="ep-error-text">{errorFor(modelFieldId(id, 'add'))}</Paragraph>
          )}
          <SecondaryActionButton type="button" id={modelFieldId(id, 'add')} onClick={add}>
            {t.addPhase}
          </SecondaryActionButton>
        </Fieldset>
        <div className="ep-actions">
          <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
            {t.save}
          </PrimaryActionButton>
          <SecondaryActionButton type="button" disabled={busy} onClick={onCancel}>
            {t.cancel}
          </SecondaryActionButton>
        </div>
      </form>
    </div>
  );
}
