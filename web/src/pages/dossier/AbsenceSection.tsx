import { useRef, useState, type SubmitEvent } from 'react';
import {
  Alert,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormFieldErrorMessage,
  Heading2,
  Heading3,
  Paragraph,
  PrimaryActionButton,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from '@utrecht/component-library-react';
import {
  listAbsences,
  listSignals,
  registerAbsence,
  type Absence,
  type AbsenceKind,
  type AbsenceRegistration,
} from '../../api/absences';
import { isApiError, type ApiError } from '../../api/client';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDate } from '../../format';
import { nl } from '../../messages/nl';
import { useLoad } from '../../useLoad';
import { ProtocolExemptionPanel } from './ProtocolExemptionPanel';
import '../../styles/verzuim.css';

const t = nl.absences;
const LESSON_HOURS = [1, 2, 3, 4, 5, 6, 7, 8];
/** Days shown before "show all": the recent past is what a mentor or leerplicht looks at first. */
const RECENT_DAYS = 10;

interface Day {
  date: string;
  rows: Absence[];
}

function byDay(items: Absence[]): Day[] {
  const days = new Map<string, Absence[]>();
  for (const a of items) days.set(a.date, [...(days.get(a.date) ?? []), a]);
  return [...days.entries()]
    .map(([date, rows]) => ({ date, rows }))
    .sort((x, y) => (x.date < y.date ? 1 : -1));
}

/** Hours per kind; late arrivals are counted as arrivals, not as hours. */
function totals(items: Absence[]): [AbsenceKind, number][] {
  const counts = new Map<AbsenceKind, number>();
  for (const a of items) counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1);
  return t.kinds.map(([kind]) => [kind, counts.get(kind) ?? 0] as [AbsenceKind, number]);
}

function hoursText(rows: Absence[]): string {
  return rows
    .map((r) => r.lessonHour)
    .sort((a, b) => a - b)
    .join(', ');
}

/**
 * The pupil's absences this school year, the protocol's signals and (with full access) a form to
 * register absence by hand. Leerplicht sees this part too: it is what their duty needs.
 */
export function AbsenceSection({
  pupilId,
  canRecord,
  canDecideExemption,
}: {
  pupilId: string;
  canRecord: boolean;
  canDecideExemption: boolean;
}) {
  const absences = useLoad(() => listAbsences(pupilId), [pupilId]);
  const signals = useLoad(() => listSignals(pupilId), [pupilId]);
  const [showAll, setShowAll] = useState(false);

  const days = absences.value ? byDay(absences.value.items) : [];
  const shown = showAll ? days : days.slice(0, RECENT_DAYS);

  return (
    <section className="ep-section" aria-labelledby="sec-absences">
      <Heading2 id="sec-absences">{t.section.heading}</Heading2>
      {absences.status === 'error' && <ProblemAlert error={absences.error} />}
      {absences.value && (
        <>
          <Paragraph>
            {t.section.intro(formatDate(absences.value.from), formatDate(absences.value.to))}
          </Paragraph>
          {absences.value.items.length === 0 ? (
            <Paragraph>{t.section.none}</Paragraph>
          ) : (
            <>
              <div className="ep-table-scroll">
                <Table className="ep-table ep-table--compact">
                  <TableCaption>{t.section.summaryCaption}</TableCaption>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">{t.section.kindCol}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t.section.countCol}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {totals(absences.value.items).map(([kind, count]) => (
                      <TableRow key={kind}>
                        <TableHeaderCell scope="row">{t.kind(kind)}</TableHeaderCell>
                        <TableCell>
                          {count}
                          {kind === 'late' ? ` ${t.section.lateCount}` : ''}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>

              <Heading3>{t.section.listHeading}</Heading3>
              <div className="ep-table-scroll">
                <Table className="ep-table">
                  <TableCaption className="ep-visually-hidden">
                    {t.section.listCaption}
                  </TableCaption>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">{t.section.col.date}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t.section.col.kind}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t.section.col.hours}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t.section.col.remark}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t.section.col.source}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {shown.flatMap((day) =>
                      groupByKind(day.rows).map((rows, i) => {
                        const first = rows[0];
                        if (!first) return null;
                        return (
                          <TableRow key={`${day.date}-${first.kind}-${i}`}>
                            <TableHeaderCell scope="row" className="ep-nowrap">
                              {formatDate(day.date)}
                            </TableHeaderCell>
                            <TableCell>
                              {t.kind(first.kind)}
                              {rows.some((r) => r.markedLuxe) && (
                                <>
                                  {' '}
                                  <span className="ep-badge ep-badge--warning">
                                    {t.section.luxe}
                                  </span>
                                </>
                              )}
                            </TableCell>
                            <TableCell>{hoursText(rows)}</TableCell>
                            <TableCell>
                              {[...new Set(rows.map((r) => r.remark).filter(Boolean))].join('; ')}
                            </TableCell>
                            <TableCell>{t.section.source(first.source)}</TableCell>
                          </TableRow>
                        );
                      }),
                    )}
                  </TableBody>
                </Table>
              </div>
              {days.length > RECENT_DAYS && (
                <Paragraph>
                  <button
                    type="button"
                    className="ep-link-button"
                    onClick={() => {
                      setShowAll(!showAll);
                    }}
                  >
                    {showAll ? t.section.showRecent : t.section.showAll(days.length)}
                  </button>
                </Paragraph>
              )}
            </>
          )}
        </>
      )}

      <Heading3>{t.signals.heading}</Heading3>
      {signals.status === 'error' && <ProblemAlert error={signals.error} />}
      {signals.value?.length === 0 && <Paragraph>{t.signals.none}</Paragraph>}
      {signals.value !== undefined && signals.value.length > 0 && (
        <div className="ep-table-scroll">
          <Table className="ep-table">
            <TableCaption className="ep-visually-hidden">{t.signals.caption}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t.signals.col.rule}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.signals.col.occurrence}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.signals.col.firedOn}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.signals.col.recipient}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.signals.col.evidence}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {signals.value.map((s) => (
                <TableRow key={s.id}>
                  <TableHeaderCell scope="row">{t.rule(s.rule)}</TableHeaderCell>
                  <TableCell>{s.occurrence}</TableCell>
                  <TableCell className="ep-nowrap">{formatDate(s.firedOn)}</TableCell>
                  <TableCell>{t.recipient(s.recipient)}</TableCell>
                  <TableCell>{t.signals.evidence(s.evidence.length)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}

      <ProtocolExemptionPanel pupilId={pupilId} canDecide={canDecideExemption} />

      {canRecord && (
        <RegisterAbsenceForm
          pupilId={pupilId}
          onRegistered={() => {
            absences.reload();
            signals.reload();
          }}
        />
      )}
    </section>
  );
}

/** Consecutive rows of one day with the same kind form one table row ("1, 2, 3 ongeoorloofd"). */
function groupByKind(rows: Absence[]): Absence[][] {
  const groups = new Map<string, Absence[]>();
  for (const r of [...rows].sort((a, b) => a.lessonHour - b.lessonHour)) {
    groups.set(r.kind, [...(groups.get(r.kind) ?? []), r]);
  }
  return [...groups.values()];
}

function RegisterAbsenceForm({
  pupilId,
  onRegistered,
}: {
  pupilId: string;
  onRegistered: () => void;
}) {
  const [date, setDate] = useState('');
  const [hours, setHours] = useState<number[]>([]);
  const [kind, setKind] = useState<AbsenceKind>('unauthorised');
  const [remark, setRemark] = useState('');
  const [markedLuxe, setMarkedLuxe] = useState(false);
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<AbsenceRegistration | null>(null);
  const [busy, setBusy] = useState(false);
  const resultRef = useRef<HTMLDivElement>(null);

  const errorFor = (fieldId: string) => errors.find((e) => e.fieldId === fieldId)?.message;

  function validate(): SummaryItem[] {
    const found: SummaryItem[] = [];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
      found.push({ fieldId: 'absence-date', message: t.register.dateRequired });
    if (hours.length === 0)
      found.push({ fieldId: 'absence-hour-1', message: t.register.hoursRequired });
    if (markedLuxe && kind !== 'unauthorised')
      found.push({ fieldId: 'absence-luxe', message: t.register.luxeOnlyUnauthorised });
    return found;
  }

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    setResult(null);
    setFormError(null);
    const found = validate();
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const registration = await registerAbsence(pupilId, {
        date,
        lessonHours: hours,
        kind,
        remark: remark.trim(),
        markedLuxe,
      });
      setResult(registration);
      setHours([]);
      setRemark('');
      setMarkedLuxe(false);
      onRegistered();
      requestAnimationFrame(() => resultRef.current?.focus());
    } catch (e) {
      if (isApiError(e, 'validation-failed') && e.errors.length > 0) {
        setErrors(
          e.errors.map((f) => ({
            fieldId: fieldIdOf(f.name),
            message: f.reason || nl.problem.field(f.code, f.reason),
          })),
        );
      } else if (isApiError(e)) {
        setFormError(e);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="ep-form" noValidate onSubmit={(e) => void onSubmit(e)}>
      <Heading3>{t.register.heading}</Heading3>
      {errors.length > 0 && <ErrorSummary title={t.register.errorHeading} items={errors} />}
      {formError && <ProblemAlert error={formError} />}
      <div ref={resultRef} tabIndex={-1} className="ep-focus-target">
        {result && (
          <Alert type="ok">
            <Paragraph>{t.register.saved(result.rowsAdded)}</Paragraph>
            {result.signals.length > 0 && (
              <Paragraph>{t.register.newSignals(result.signals.length)}</Paragraph>
            )}
          </Alert>
        )}
      </div>
      <div className="ep-form-grid">
        <Field
          id="absence-date"
          label={t.register.date}
          hint={t.register.dateHint}
          error={errorFor('absence-date')}
        >
          {(control) => (
            <Textbox
              {...control}
              type="date"
              value={date}
              invalid={errorFor('absence-date') !== undefined}
              onChange={(e) => {
                setDate(e.target.value);
              }}
            />
          )}
        </Field>
        <Field id="absence-kind" label={t.register.kind}>
          {(control) => (
            <Select
              {...control}
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as AbsenceKind);
              }}
            >
              {t.kinds.map(([value, label]) => (
                <SelectOption key={value} value={value}>
                  {label}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <Fieldset
        className="ep-checkbox-group"
        invalid={errorFor('absence-hour-1') !== undefined}
        aria-describedby={
          errorFor('absence-hour-1') !== undefined ? 'absence-hours-error' : undefined
        }
      >
        <FieldsetLegend>{t.register.hours}</FieldsetLegend>
        {errorFor('absence-hour-1') !== undefined && (
          <FormFieldErrorMessage id="absence-hours-error">
            {errorFor('absence-hour-1')}
          </FormFieldErrorMessage>
        )}
        <ul className="ep-checkbox-row">
          {LESSON_HOURS.map((h) => (
            <li key={h} className="ep-checkbox-list__item">
              <Checkbox
                id={`absence-hour-${h}`}
                checked={hours.includes(h)}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  setHours(on ? [...hours, h].sort((a, b) => a - b) : hours.filter((x) => x !== h));
                }}
              />
              <label
                htmlFor={`absence-hour-${h}`}
                className="utrecht-form-label utrecht-form-label--checkbox"
              >
                {t.register.hour(h)}
              </label>
            </li>
          ))}
        </ul>
      </Fieldset>
      {kind === 'unauthorised' && (
        <div className="ep-checkbox-list__item">
          <Checkbox
            id="absence-luxe"
            checked={markedLuxe}
            onChange={(e) => {
              setMarkedLuxe(e.currentTarget.checked);
            }}
          />
          <label htmlFor="absence-luxe" className="utrecht-form-label utrecht-form-label--checkbox">
            {t.register.markedLuxe}
          </label>
        </div>
      )}
      <Field id="absence-remark" label={t.register.remark}>
        {(control) => (
          <Textbox
            {...control}
            value={remark}
            maxLength={500}
            onChange={(e) => {
              setRemark(e.target.value);
            }}
          />
        )}
      </Field>
      <div className="ep-actions">
        <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
          {busy ? t.register.busy : t.register.submit}
        </PrimaryActionButton>
      </div>
    </form>
  );
}

/** The server names fields as in the request body ("lessonHours[0]", "date"). */
function fieldIdOf(name: string): string {
  if (name.startsWith('lessonHours')) return 'absence-hour-1';
  if (name === 'markedLuxe') return 'absence-luxe';
  if (name === 'kind') return 'absence-kind';
  if (name === 'remark') return 'absence-remark';
  return 'absence-date';
}
