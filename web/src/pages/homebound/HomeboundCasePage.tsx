import { useState, type SubmitEvent } from 'react';
import { useParams } from 'react-router';
import {
  Alert,
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading1,
  Heading2,
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
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import { isApiError, type ApiError } from '../../api/client';
import {
  addHomeboundEscalation,
  closeHomeboundCase,
  getHomeboundCase,
  patchHomeboundCase,
  type CloseReason,
  type EscalationForum,
  type ExemptionKind,
  type HomeboundCase,
  type HomeboundCategory,
  type HomeboundOffer,
} from '../../api/homebound';
import { ErrorSummary } from '../../components/ErrorSummary';
import { ChoiceField } from '../../components/ChoiceField';
import { Field } from '../../components/Field';
import { ProblemAlert } from '../../components/ProblemAlert';
import { RouterLink } from '../../components/RouterLink';
import { formatDate } from '../../format';
import { nl } from '../../messages/nl';
import { useDocumentTitle } from '../../useDocumentTitle';
import { useLoad } from '../../useLoad';
import { categoryLabel, ClockBadge } from './ClockBadge';

const t = nl.homebound;
const c_ = t.case;

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{children}</DataListValue>
    </DataListItem>
  );
}

function weeksBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / (7 * 24 * 3600 * 1000));
}

/** A text field of a submitted form ('' when absent). */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

export function todayIso(): string {
  const d = new Date();
  const local = new Date(d.getTime() - d.getTimezoneOffset() * 60000);
  return local.toISOString().slice(0, 10);
}

/** Field errors of a failed request by field name, with the server's Dutch reason. */
export function fieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isApiError(error, 'validation-failed')) {
    for (const e of error.errors) out[e.name] ??= e.reason || nl.problem.field(e.code, e.reason);
  }
  return out;
}

export function HomeboundCaseRoute() {
  const { id = '' } = useParams();
  return <HomeboundCasePage key={id} id={id} />;
}

function HomeboundCasePage({ id }: { id: string }) {
  const loaded = useLoad(() => getHomeboundCase(id), [id]);
  const [message, setMessage] = useState<string | null>(null);
  const c = loaded.value;
  const name = c ? `${c.pupil.givenName} ${c.pupil.familyName}` : '';
  useDocumentTitle(c ? c_.title(name) : nl.loading);

  if (loaded.status === 'error') {
    return (
      <>
        <Heading1>
          {loaded.error.code === 'not-found' ? nl.notFound.title : nl.error.heading}
        </Heading1>
        <ProblemAlert error={loaded.error} />
        <Paragraph>
          <RouterLink to="/thuiszitters">{c_.back}</RouterLink>
        </Paragraph>
      </>
    );
  }
  if (!c) return <Paragraph>{nl.loading}</Paragraph>;

  const update = (next: HomeboundCase, text: string) => {
    loaded.setValue(next);
    setMessage(text);
  };
  const open = c.state === 'open';

  return (
    <>
      <Heading1>{c_.title(name)}</Heading1>
      <ButtonGroup>
        <RouterLink to="/thuiszitters">{c_.back}</RouterLink>
        <RouterLink to={`/leerlingen/${c.pupil.id}`}>{c_.dossier}</RouterLink>
      </ButtonGroup>
      {message && (
        <Alert type="ok" role="status">
          <Paragraph>{message}</Paragraph>
        </Alert>
      )}

      <section className="ep-section" aria-labelledby="sec-clock">
        <Heading2 id="sec-clock">{c_.clock}</Heading2>
        <DataList className="ep-data-list">
          <Item label={c_.status}>
            <ClockBadge c={c} />
          </Item>
          <Item label={c_.firstDay}>{formatDate(c.clock.firstDay)}</Item>
          <Item label={c_.elapsed}>{t.weeks(c.clock.daysElapsed)}</Item>
          <Item label={c_.target(weeksBetween(c.clock.firstDay, c.clock.target))}>
            {formatDate(c.clock.target)}
            {open && ` (${c_.daysLeft(c.clock.daysToTarget)})`}
          </Item>
          <Item label={c_.deadline(weeksBetween(c.clock.firstDay, c.clock.legalDeadline))}>
            {formatDate(c.clock.legalDeadline)}
            {open && ` (${c_.daysLeft(c.clock.daysToDeadline)})`}
          </Item>
          {c.closedOn && <Item label={c_.closedOn}>{formatDate(c.closedOn)}</Item>}
          {c.closeReason && (
            <Item label={c_.closeReason}>{t.closeReasons[c.closeReason] ?? c.closeReason}</Item>
          )}
          {c.closeNote && <Item label={c_.placement}>{c.closeNote}</Item>}
        </DataList>
      </section>

      <section className="ep-section" aria-labelledby="sec-details">
        <Heading2 id="sec-details">{c_.details}</Heading2>
        <DataList className="ep-data-list">
          <Item label={t.category}>{categoryLabel(c)}</Item>
          <Item label={t.col.school}>{c.pupil.enrolmentSchool.name}</Item>
          {c.exemptionKind && (
            <Item label={c_.exemptionKind}>
              {t.exemptionKinds[c.exemptionKind] ?? c.exemptionKind}
            </Item>
          )}
          <Item label={c_.contact}>{c.contactName || c_.none}</Item>
          <Item label={c_.reviewOn}>
            {c.reviewOn ? formatDate(c.reviewOn) : c_.none}
            {c.reviewOverdue && ` – ${t.reviewOverdue}`}
          </Item>
          <Item label={c_.offer}>{t.offers[c.offer] ?? c.offer}</Item>
          <Item label={c_.offerNote}>{c.offerNote || c_.none}</Item>
          <Item label={c_.source}>{c_.sources[c.source] ?? c.source}</Item>
          <Item label={c_.registeredBy}>{c.registeredBy.displayName}</Item>
        </DataList>
        {open && (
          <EditForm
            c={c}
            onSaved={(next) => {
              update(next, c_.saved);
            }}
          />
        )}
      </section>

      <section className="ep-section" aria-labelledby="sec-escalations">
        <Heading2 id="sec-escalations">{c_.escalations}</Heading2>
        {(c.escalations ?? []).length === 0 ? (
          <Paragraph>{c_.noEscalations}</Paragraph>
        ) : (
          <div className="ep-table-scroll">
            <Table className="ep-table">
              <TableCaption className="ep-visually-hidden">{c_.escalationsCaption}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{c_.escalatedOn}</TableHeaderCell>
                  <TableHeaderCell scope="col">{c_.forum}</TableHeaderCell>
                  <TableHeaderCell scope="col">{c_.escalatedBy}</TableHeaderCell>
                  <TableHeaderCell scope="col">{c_.outcome}</TableHeaderCell>
                  <TableHeaderCell scope="col">{c_.bindingDecision}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {(c.escalations ?? []).map((e) => (
                  <TableRow key={e.id}>
                    <TableCell className="ep-nowrap">{formatDate(e.escalatedOn)}</TableCell>
                    <TableCell>{t.forums[e.forum] ?? e.forum}</TableCell>
                    <TableCell>{e.escalatedBy.displayName}</TableCell>
                    <TableCell className="ep-prewrap">{e.outcome || c_.none}</TableCell>
                    <TableCell className="ep-prewrap">{e.bindingDecision ?? c_.none}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
        {open && (
          <EscalationForm
            c={c}
            onSaved={(next) => {
              update(next, c_.escalationSaved);
            }}
          />
        )}
      </section>

      {open && (
        <section className="ep-section" aria-labelledby="sec-close">
          <Heading2 id="sec-close">{c_.close}</Heading2>
          <Paragraph>{c_.closeIntro}</Paragraph>
          <CloseForm
            c={c}
            onSaved={(next) => {
              update(next, c_.closedMessage);
            }}
          />
        </section>
      )}
    </>
  );
}

/** Shared submit logic: errors next to fields, the rest (412, network) as an alert. */
function useSubmit() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  async function run(action: () => Promise<void>) {
    setBusy(true);
    setErrors({});
    setProblem(null);
    try {
      await action();
    } catch (e) {
      const fields = fieldErrors(e);
      if (Object.keys(fields).length > 0) setErrors(fields);
      else if (isApiError(e)) setProblem(e);
    } finally {
      setBusy(false);
    }
  }
  return { errors, problem, busy, run };
}

function Summary({ errors, prefix }: { errors: Record<string, string>; prefix: string }) {
  const items = Object.entries(errors).map(([name, message]) => ({
    fieldId: `${prefix}-${name}`,
    message,
  }));
  if (items.length === 0) return null;
  return <ErrorSummary title={t.form.errorsHeading} items={items} />;
}

function EditForm({ c, onSaved }: { c: HomeboundCase; onSaved: (c: HomeboundCase) => void }) {
  const { errors, problem, busy, run } = useSubmit();
  const [category, setCategory] = useState<HomeboundCategory>(c.category);
  const id = (n: string) => `edit-${n}`;

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (n: string) => formText(form, n);
    void run(async () => {
      const exemption = category === 'exemption';
      const next = await patchHomeboundCase(c.id, c.version, {
        category,
        exemptionKind: exemption ? ((text('exemptionKind') || null) as ExemptionKind | null) : null,
        contactName: text('contactName').trim(),
        reviewOn: text('reviewOn') === '' ? null : text('reviewOn'),
        offer: text('offer') as HomeboundOffer,
        offerNote: text('offerNote'),
      });
      onSaved(next);
    });
  }

  return (
    <form className="ep-form" onSubmit={onSubmit} noValidate aria-labelledby="edit-title">
      <Heading2 id="edit-title" className="ep-visually-hidden">
        {c_.edit}
      </Heading2>
      <Summary errors={errors} prefix="edit" />
      {problem && (
        <ProblemAlert error={problem}>
          {problem.code === 'version-conflict' && <Paragraph>{c_.conflict}</Paragraph>}
        </ProblemAlert>
      )}
      <ChoiceField
        id={id('category')}
        name="category"
        label={t.category}
        error={errors.category}
        options={t.categories}
        value={category}
        onChange={(v) => {
          setCategory(v as HomeboundCategory);
        }}
      />
      {category === 'exemption' && (
        <ChoiceField
          id={id('exemptionKind')}
          name="exemptionKind"
          label={c_.exemptionKind}
          error={errors.exemptionKind}
          options={t.exemptionKinds}
          placeholder={t.form.chooseKind}
          defaultValue={c.exemptionKind ?? ''}
        />
      )}
      <Field
        id={id('contactName')}
        label={c_.contact}
        hint={t.form.contactHint}
        error={errors.contactName}
      >
        {(control) => <Textbox {...control} name="contactName" defaultValue={c.contactName} />}
      </Field>
      <Field id={id('reviewOn')} label={t.form.reviewOn} error={errors.reviewOn}>
        {(control) => (
          <Textbox {...control} name="reviewOn" type="date" defaultValue={c.reviewOn ?? ''} />
        )}
      </Field>
      <ChoiceField
        id={id('offer')}
        name="offer"
        label={c_.offer}
        error={errors.offer}
        options={t.offers}
        defaultValue={c.offer}
      />
      <Field id={id('offerNote')} label={c_.offerNote} error={errors.offerNote}>
        {(control) => (
          <Textarea {...control} name="offerNote" rows={3} defaultValue={c.offerNote} />
        )}
      </Field>
      <PrimaryActionButton type="submit" disabled={busy}>
        {busy ? t.form.busy : c_.saveEdit}
      </PrimaryActionButton>
    </form>
  );
}

function EscalationForm({ c, onSaved }: { c: HomeboundCase; onSaved: (c: HomeboundCase) => void }) {
  const { errors, problem, busy, run } = useSubmit();
  const [forum, setForum] = useState<EscalationForum>('placement_meeting');
  const [formKey, setFormKey] = useState(0);
  const id = (n: string) => `esc-${n}`;

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (n: string) => formText(form, n);
    void run(async () => {
      const next = await addHomeboundEscalation(c.id, {
        forum,
        escalatedOn: text('escalatedOn'),
        outcome: text('outcome'),
        ...(forum === 'taskforce' && { bindingDecision: text('bindingDecision') }),
      });
      setFormKey((k) => k + 1);
      onSaved(next);
    });
  }

  return (
    <form
      key={formKey}
      className="ep-form"
      onSubmit={onSubmit}
      noValidate
      aria-label={c_.addEscalation}
    >
      <Summary errors={errors} prefix="esc" />
      {problem && <ProblemAlert error={problem} />}
      <ChoiceField
        id={id('forum')}
        name="forum"
        label={c_.forum}
        error={errors.forum}
        options={t.forums}
        value={forum}
        onChange={(v) => {
          setForum(v as EscalationForum);
        }}
      />
      <Field id={id('escalatedOn')} label={c_.escalatedOn} error={errors.escalatedOn}>
        {(control) => (
          <Textbox {...control} name="escalatedOn" type="date" defaultValue={todayIso()} />
        )}
      </Field>
      <Field id={id('outcome')} label={c_.outcome} error={errors.outcome}>
        {(control) => <Textarea {...control} name="outcome" rows={3} />}
      </Field>
      {forum === 'taskforce' && (
        <Field
          id={id('bindingDecision')}
          label={c_.bindingDecision}
          hint={c_.bindingHint}
          error={errors.bindingDecision}
        >
          {(control) => <Textarea {...control} name="bindingDecision" rows={2} />}
        </Field>
      )}
      <PrimaryActionButton type="submit" disabled={busy}>
        {busy ? t.form.busy : c_.addEscalation}
      </PrimaryActionButton>
    </form>
  );
}

function CloseForm({ c, onSaved }: { c: HomeboundCase; onSaved: (c: HomeboundCase) => void }) {
  const { errors, problem, busy, run } = useSubmit();
  const id = (n: string) => `close-${n}`;

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (n: string) => formText(form, n);
    void run(async () => {
      const next = await closeHomeboundCase(c.id, c.version, {
        closedOn: text('closedOn'),
        reason: text('reason') as CloseReason,
        placement: text('placement').trim(),
      });
      onSaved(next);
    });
  }

  return (
    <form className="ep-form" onSubmit={onSubmit} noValidate aria-label={c_.closeSubmit}>
      <Summary errors={errors} prefix="close" />
      {problem && (
        <ProblemAlert error={problem}>
          {problem.code === 'version-conflict' && <Paragraph>{c_.conflict}</Paragraph>}
        </ProblemAlert>
      )}
      <Field id={id('reason')} label={c_.closeReason} error={errors.reason}>
        {(control) => (
          <Select {...control} name="reason" defaultValue="placed">
            {(['placed', 'returned', 'moved_away', 'other'] as const).map((value) => (
              <SelectOption key={value} value={value}>
                {t.closeReasons[value]}
              </SelectOption>
            ))}
          </Select>
        )}
      </Field>
      <Field
        id={id('placement')}
        label={c_.placement}
        hint={c_.placementHint}
        error={errors.placement}
      >
        {(control) => <Textbox {...control} name="placement" />}
      </Field>
      <Field id={id('closedOn')} label={c_.closedOn} error={errors.closedOn}>
        {(control) => (
          <Textbox {...control} name="closedOn" type="date" defaultValue={todayIso()} />
        )}
      </Field>
      {errors.state && (
        <Alert type="error">
          <Paragraph>{errors.state}</Paragraph>
        </Alert>
      )}
      <PrimaryActionButton type="submit" disabled={busy}>
        {busy ? t.form.busy : c_.closeSubmit}
      </PrimaryActionButton>
    </form>
  );
}
