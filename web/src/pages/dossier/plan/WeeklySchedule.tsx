// The pupil's week in the plan tab: the hours per place in force today, and "Weekstructuur
// instellen" to record a new week from a date without an evaluation (the first week after the
// start, a change between two evaluations). Only the places of the pupil's current phase are offered;
// the server checks them again for the phase on the chosen date and refuses more than 40 hours.
import { useState, type SubmitEvent } from 'react';
import {
  Alert,
  Fieldset,
  FieldsetLegend,
  Heading3,
  Paragraph,
  PrimaryActionButton,
  SecondaryActionButton,
  Select,
  SelectOption,
  SubtleButton,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableFooter,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from '@utrecht/component-library-react';
import { isApiError, type ApiError } from '../../../api/client';
import { setWeeklySchedule, type WeeklyScheduleEntryInput } from '../../../api/phaseModels';
import {
  getPhaseModel,
  type PlanArrangement,
  type ScheduleEntry,
  type WeeklyScheduleView,
} from '../../../api/plan';
import { ErrorSummary, type SummaryItem } from '../../../components/ErrorSummary';
import { Field } from '../../../components/Field';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatDate } from '../../../format';
import { nl } from '../../../messages/nl';
import { nlPlan } from '../../../messages/nl-plan';
import { nlWeeklySchedule as t } from '../../../messages/nl-weekly-schedule';
import { useLoad } from '../../../useLoad';
import { todayIso } from '../SupportRouteSection';
import '../../../styles/phase-models.css';

type Place = ScheduleEntry['place'];
const placeLabel = (place: string) => nlPlan.places[place] ?? place;
const hoursText = (minutes: number) =>
  (minutes / 60).toLocaleString('nl-NL', { maximumFractionDigits: 2 });

interface PlaceHours {
  place: Place;
  education: number;
  care: number;
}

/** Entries (one per place and kind) as one line per place, in the order they first appear. */
function byPlace(entries: ScheduleEntry[]): PlaceHours[] {
  const out: PlaceHours[] = [];
  for (const e of entries) {
    let line = out.find((l) => l.place === e.place);
    if (!line) {
      line = { place: e.place, education: 0, care: 0 };
      out.push(line);
    }
    line[e.kind] += e.minutesPerWeek;
  }
  return out;
}

/** The week in force today, per place. */
export function WeekTable({ id, view }: { id: string; view: WeeklyScheduleView }) {
  const current = view.current;
  if (!current) return <Paragraph>{t.none}</Paragraph>;
  const lines = byPlace(current.entries);
  return (
    <>
      <Paragraph>{t.currentFrom(formatDate(current.validFrom))}</Paragraph>
      <div className="ep-table-scroll">
        <Table className="ep-table" id={id}>
          <TableCaption>{t.caption}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t.col.place}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.col.education}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.col.care}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.col.total}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {lines.map((l) => (
              <TableRow key={l.place}>
                <TableHeaderCell scope="row">{placeLabel(l.place)}</TableHeaderCell>
                <TableCell>{hoursText(l.education)}</TableCell>
                <TableCell>{hoursText(l.care)}</TableCell>
                <TableCell>{hoursText(l.education + l.care)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
          <TableFooter>
            <TableRow>
              <TableHeaderCell scope="row">{t.total}</TableHeaderCell>
              <TableCell>{hoursText(current.educationMinutes)}</TableCell>
              <TableCell>{hoursText(current.careMinutes)}</TableCell>
              <TableCell>{hoursText(current.educationMinutes + current.careMinutes)}</TableCell>
            </TableRow>
          </TableFooter>
        </Table>
      </div>
    </>
  );
}

interface Row {
  key: string;
  place: Place;
  education: string;
  care: string;
}

let nextKey = 0;
const newKey = () => `week-row-${++nextKey}`;
const asInput = (minutes: number) => (minutes === 0 ? '' : hoursText(minutes));

/** Hours as typed ("1,5", "2", "") to minutes; null when it is not a number of hours. */
function minutesOf(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return 0;
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return null;
  return Math.round(Number(trimmed) * 60);
}

interface Props {
  arrangementId: string;
  view: WeeklyScheduleView;
  /** The places the pupil's current phase allows, in the model's order. */
  allowedPlaces: Place[];
  phaseName: string | null;
  onSaved: (view: WeeklyScheduleView, validFrom: string) => void;
  onCancel: () => void;
}

export function WeeklyScheduleForm({
  arrangementId,
  view,
  allowedPlaces,
  phaseName,
  onSaved,
  onCancel,
}: Props) {
  const prefill = byPlace(view.current?.entries ?? []);
  const dropped = prefill.filter((l) => !allowedPlaces.includes(l.place));
  const [validFrom, setValidFrom] = useState(todayIso());
  const [rows, setRows] = useState<Row[]>(() => {
    const kept = prefill
      .filter((l) => allowedPlaces.includes(l.place))
      .map((l) => ({
        key: newKey(),
        place: l.place,
        education: asInput(l.education),
        care: asInput(l.care),
      }));
    const first = allowedPlaces[0];
    return kept.length > 0 || !first
      ? kept
      : [{ key: newKey(), place: first, education: '', care: '' }];
  });
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const base = `week-${arrangementId}`;
  const ids = {
    validFrom: `${base}-valid-from`,
    add: `${base}-add`,
    place: (key: string) => `${base}-${key}-place`,
    education: (key: string) => `${base}-${key}-education`,
    care: (key: string) => `${base}-${key}-care`,
    remove: (key: string) => `${base}-${key}-remove`,
  };
  const errorFor = (fid: string) => {
    const found = errors.filter((e) => e.fieldId === fid).map((e) => e.message);
    return found.length > 0 ? found.join(' ') : undefined;
  };
  const free = (own?: Place) =>
    allowedPlaces.filter((p) => p === own || !rows.some((r) => r.place === p));

  function setRow(key: string, change: Partial<Row>) {
    setRows((current) => current.map((r) => (r.key === key ? { ...r, ...change } : r)));
  }
  function focusSoon(fid: string) {
    requestAnimationFrame(() => document.getElementById(fid)?.focus());
  }

  const minutes = rows.map((r) => ({ education: minutesOf(r.education), care: minutesOf(r.care) }));
  const total = minutes.reduce((sum, m) => sum + (m.education ?? 0) + (m.care ?? 0), 0);

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    const found: SummaryItem[] = [];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(validFrom))
      found.push({ fieldId: ids.validFrom, message: t.dateRequired });
    // Which input each entry came from, so the server's `entries[3].minutesPerWeek` finds its field.
    const entries: WeeklyScheduleEntryInput[] = [];
    const origin: { place: string; hours: string }[] = [];
    rows.forEach((row, i) => {
      const m = minutes[i];
      if (!m) return;
      for (const kind of ['education', 'care'] as const) {
        const value = m[kind];
        const fid = ids[kind](row.key);
        const label = `${placeLabel(row.place)}, ${kind === 'education' ? t.education : t.care}`;
        if (value === null) found.push({ fieldId: fid, message: `${label}: ${t.hoursFormat}` });
        else if (value > 0) {
          entries.push({ place: row.place, kind, minutesPerWeek: value });
          origin.push({ place: ids.place(row.key), hours: fid });
        }
      }
    });
    const firstRow = rows[0];
    if (found.length === 0 && entries.length === 0)
      found.push({
        fieldId: firstRow ? ids.education(firstRow.key) : ids.add,
        message: t.noHours,
      });
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const saved = await setWeeklySchedule(arrangementId, { validFrom, entries });
      setBusy(false);
      onSaved(saved, validFrom);
    } catch (e) {
      setBusy(false);
      if (isApiError(e) && e.status === 422 && e.errors.length > 0) {
        setErrors(
          e.errors.map((fe) => {
            const match = /^entries\[(\d+)\](?:\.(\w+))?/.exec(fe.name);
            const from = match ? origin[Number(match[1])] : undefined;
            const message =
              (fe.name === 'entries' && fe.code === 'schedule-hours-invalid'
                ? t.weekTooLong(hoursText(total))
                : t.rule[fe.code]) ??
              (e.code === 'validation-failed' ? nl.problem.field(fe.code, fe.reason) : fe.reason);
            if (fe.name === 'validFrom') return { fieldId: ids.validFrom, message };
            const fieldId = from
              ? match?.[2] === 'place'
                ? from.place
                : from.hours
              : (origin[0]?.hours ?? ids.validFrom);
            return { fieldId, message };
          }),
        );
        return;
      }
      setFailure(isApiError(e) ? e : null);
    }
  }

  return (
    <form className="ep-form" noValidate onSubmit={(e) => void submit(e)}>
      <Heading3 id={`${base}-heading`} tabIndex={-1} className="ep-focus-target">
        {t.formTitle}
      </Heading3>
      <Paragraph>{t.intro}</Paragraph>
      {phaseName && <Paragraph>{t.phaseNote(phaseName)}</Paragraph>}
      {dropped.length > 0 && (
        <Alert type="info">
          <Paragraph>{t.droppedNote(dropped.map((l) => placeLabel(l.place)).join(', '))}</Paragraph>
        </Alert>
      )}
      {errors.length > 0 && <ErrorSummary title={t.errorSummary(errors.length)} items={errors} />}
      {failure && <ProblemAlert error={failure} />}
      <Field id={ids.validFrom} label={t.validFrom} error={errorFor(ids.validFrom)}>
        {(c) => (
          <Textbox
            {...c}
            type="date"
            className="ep-input--short"
            value={validFrom}
            invalid={errorFor(ids.validFrom) !== undefined}
            onChange={(e) => {
              setValidFrom(e.target.value);
            }}
          />
        )}
      </Field>
      {rows.map((row, index) => (
        <Fieldset key={row.key} className="ep-row">
          <FieldsetLegend className="ep-row__legend">{t.rowLegend(index + 1)}</FieldsetLegend>
          <div className="ep-week-row">
            <Field id={ids.place(row.key)} label={t.place} error={errorFor(ids.place(row.key))}>
              {(c) => (
                <Select
                  {...c}
                  value={row.place}
                  invalid={errorFor(ids.place(row.key)) !== undefined}
                  onChange={(e) => {
                    setRow(row.key, { place: e.target.value as Place });
                  }}
                >
                  {free(row.place).map((p) => (
                    <SelectOption key={p} value={p}>
                      {placeLabel(p)}
                    </SelectOption>
                  ))}
                </Select>
              )}
            </Field>
            {(['education', 'care'] as const).map((kind) => {
              const fid = ids[kind](row.key);
              return (
                <Field
                  key={kind}
                  id={fid}
                  label={kind === 'education' ? t.education : t.care}
                  error={errorFor(fid)}
                >
                  {(c) => (
                    <Textbox
                      {...c}
                      className="ep-input--number"
                      inputMode="decimal"
                      value={row[kind]}
                      invalid={errorFor(fid) !== undefined}
                      onChange={(e) => {
                        setRow(row.key, { [kind]: e.target.value });
                      }}
                    />
                  )}
                </Field>
              );
            })}
          </div>
          {rows.length > 1 && (
            <div className="ep-row-actions">
              <SubtleButton
                type="button"
                id={ids.remove(row.key)}
                onClick={() => {
                  const next = rows.filter((r) => r.key !== row.key);
                  setRows(next);
                  const neighbour = next[index] ?? next[index - 1];
                  focusSoon(neighbour ? ids.place(neighbour.key) : ids.add);
                }}
              >
                {t.removeRow}
                <span className="ep-visually-hidden"> {t.ofRow(index + 1)}</span>
              </SubtleButton>
            </div>
          )}
        </Fieldset>
      ))}
      <Paragraph className="ep-week-total" aria-live="polite">
        {t.weekTotal(hoursText(total))}
      </Paragraph>
      <div className="ep-actions">
        {free().length > 0 && (
          <SecondaryActionButton
            type="button"
            id={ids.add}
            onClick={() => {
              const place = free()[0];
              if (!place) return;
              const row = { key: newKey(), place, education: '', care: '' };
              setRows([...rows, row]);
              focusSoon(ids.place(row.key));
            }}
          >
            {t.addRow}
          </SecondaryActionButton>
        )}
        <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
          {t.save}
        </PrimaryActionButton>
        <SecondaryActionButton type="button" disabled={busy} onClick={onCancel}>
          {t.cancel}
        </SecondaryActionButton>
      </div>
    </form>
  );
}

/**
 * The week under the hours chart; for those who may change the plan of a running arrangement
 * (the server's `access.canEdit`) the button that opens the form.
 */
export function WeekSection({
  arrangement,
  view,
  onSaved,
}: {
  arrangement: PlanArrangement;
  view: WeeklyScheduleView;
  onSaved: (view: WeeklyScheduleView) => void;
}) {
  const [open, setOpen] = useState(false);
  const [savedFrom, setSavedFrom] = useState<string | null>(null);
  // The places come from the current phase: without one there is nothing to offer.
  const editable =
    view.access.canEdit && arrangement.status === 'active' && arrangement.currentPhase !== null;
  const model = useLoad(
    () =>
      editable && arrangement.phaseModelId
        ? getPhaseModel(arrangement.phaseModelId)
        : Promise.resolve(null),
    [editable, arrangement.phaseModelId],
  );
  const phase = model.value?.phases.find((p) => p.code === arrangement.currentPhase) ?? null;
  const base = `week-${arrangement.id}`;
  const focusSoon = (fid: string) => {
    requestAnimationFrame(() => document.getElementById(fid)?.focus());
  };
  return (
    <div className="ep-week">
      <Heading3 id={`${base}-current`}>{t.currentTitle}</Heading3>
      <WeekTable id={`${base}-table`} view={view} />
      {savedFrom && (
        <div id={`${base}-saved`} tabIndex={-1} className="ep-focus-target">
          <Alert type="ok">
            <Paragraph>{t.saved(formatDate(savedFrom))}</Paragraph>
          </Alert>
        </div>
      )}
      {editable && !open && (
        <SecondaryActionButton
          type="button"
          id={`${base}-open`}
          onClick={() => {
            setSavedFrom(null);
            setOpen(true);
            focusSoon(`${base}-heading`);
          }}
        >
          {t.open}
        </SecondaryActionButton>
      )}
      {editable && open && model.status === 'error' && <ProblemAlert error={model.error} />}
      {editable && open && model.value && (
        <WeeklyScheduleForm
          arrangementId={arrangement.id}
          view={view}
          allowedPlaces={phase?.allowedPlaces ?? []}
          phaseName={phase?.name ?? null}
          onSaved={(saved, validFrom) => {
            setOpen(false);
            setSavedFrom(validFrom);
            onSaved(saved);
            focusSoon(`${base}-saved`);
          }}
          onCancel={() => {
            setOpen(false);
            focusSoon(`${base}-open`);
          }}
        />
      )}
    </div>
  );
}
