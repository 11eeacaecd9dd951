import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import {
  Alert,
  Heading2,
  Heading3,
  Paragraph,
  PrimaryActionButton,
  Select,
  SelectOption,
  Textarea,
} from '@utrecht/component-library-react';
import { isApiError, type ApiError } from '../../api/client';
import { addNote, listNotes } from '../../api/eenplan';
import type { NoteKind } from '../../api/types';
import { Field } from '../../components/Field';
import { ProblemAlert } from '../../components/ProblemAlert';
import { clearDraft, loadDraft, saveDraft } from '../../drafts';
import { formatDateTime } from '../../format';
import { nl } from '../../messages/nl';
import { nlCaseTeam } from '../../messages/nl-case-team';
import { useLoad } from '../../useLoad';

const MAX_BODY = 10000;

interface NoteDraft {
  kind: NoteKind;
  body: string;
}

function asNoteDraft(value: unknown): NoteDraft | null {
  const draft = value as Partial<NoteDraft> | null;
  if (typeof draft?.body !== 'string') return null;
  const kind = nl.options.noteKinds.find(([k]) => k === draft.kind)?.[0] ?? 'note';
  return { kind, body: draft.body };
}

export function NotesTimeline({ pupilId, canAddNotes }: { pupilId: string; canAddNotes: boolean }) {
  const notes = useLoad(() => listNotes(pupilId), [pupilId]);
  const [initial] = useState(() => asNoteDraft(loadDraft('note', pupilId)));
  const [kind, setKind] = useState<NoteKind>(initial?.kind ?? 'note');
  const [body, setBody] = useState(initial?.body ?? '');
  const [bodyError, setBodyError] = useState<string | undefined>();
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const savedRef = useRef<HTMLDivElement>(null);

  // Every keystroke is kept in sessionStorage until the note is saved.
  useEffect(() => {
    if (body.trim() === '') clearDraft('note', pupilId);
    else saveDraft('note', pupilId, { kind, body } satisfies NoteDraft);
  }, [kind, body, pupilId]);

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    setSaved(false);
    setFormError(null);
    const error =
      body.trim() === ''
        ? nl.notes.required
        : body.length > MAX_BODY
          ? nl.notes.tooLong
          : undefined;
    setBodyError(error);
    if (error !== undefined) {
      document.getElementById('note-body')?.focus();
      return;
    }
    setBusy(true);
    try {
      const note = await addNote(pupilId, body, kind);
      clearDraft('note', pupilId);
      setBody('');
      setKind('note');
      notes.setValue([note, ...(notes.value ?? [])]);
      setSaved(true);
      requestAnimationFrame(() => savedRef.current?.focus());
    } catch (e) {
      if (isApiError(e, 'validation-failed')) {
        const fieldError = e.errors.find((f) => f.name === 'body') ?? e.errors[0];
        setBodyError(fieldError ? nl.problem.field(fieldError.code, fieldError.reason) : undefined);
        document.getElementById('note-body')?.focus();
      } else if (isApiError(e)) {
        setFormError(e);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="ep-section" aria-labelledby="sec-timeline">
      <Heading2 id="sec-timeline">{nl.notes.heading}</Heading2>

      {canAddNotes && (
        <form className="ep-form ep-note-form" noValidate onSubmit={(e) => void onSubmit(e)}>
          <Heading3>{nl.notes.add}</Heading3>
          {initial && body !== '' && !saved && (
            <Alert type="info">
              <Paragraph>{nl.notes.draftRestored}</Paragraph>
            </Alert>
          )}
          <div ref={savedRef} tabIndex={-1} className="ep-focus-target">
            {saved && (
              <Alert type="ok">
                <Paragraph>{nl.notes.saved}</Paragraph>
              </Alert>
            )}
          </div>
          {formError && <ProblemAlert error={formError} />}
          <Field id="note-kind" label={nl.notes.kind}>
            {(control) => (
              <Select
                {...control}
                value={kind}
                onChange={(e) => {
                  setKind(e.target.value as NoteKind);
                }}
              >
                {nl.options.noteKinds.map(([value, label]) => (
                  <SelectOption key={value} value={value}>
                    {label}
                  </SelectOption>
                ))}
              </Select>
            )}
          </Field>
          <Field id="note-body" label={nl.notes.body} hint={nl.notes.bodyHint} error={bodyError}>
            {(control) => (
              <Textarea
                {...control}
                rows={5}
                value={body}
                invalid={bodyError !== undefined}
                onChange={(e) => {
                  setBody(e.target.value);
                  setSaved(false);
                }}
              />
            )}
          </Field>
          <div className="ep-actions">
            <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
              {busy ? nl.notes.busy : nl.notes.submit}
            </PrimaryActionButton>
          </div>
        </form>
      )}

      {notes.status === 'error' && <ProblemAlert error={notes.error} />}
      {notes.status === 'loading' && notes.value === undefined && (
        <Paragraph>{nl.loading}</Paragraph>
      )}
      {notes.value?.length === 0 && <Paragraph>{nl.notes.empty}</Paragraph>}
      {notes.value !== undefined && notes.value.length > 0 && (
        <ol className="ep-timeline" aria-label={nl.notes.heading}>
          {notes.value.map((note) =>
            note.kind === 'case_team_change' ? (
              // A system entry: Eenplan wrote it with the team change; nobody edits it.
              <li key={note.id} className="ep-timeline__item ep-timeline__item--system">
                <p className="ep-timeline__meta">
                  <span className="ep-badge ep-badge--system">{nlCaseTeam.timeline.kind}</span>{' '}
                  <time dateTime={note.createdAt}>{formatDateTime(note.createdAt)}</time>{' '}
                  {nlCaseTeam.timeline.by(note.author.displayName)}
                </p>
                <Paragraph className="ep-prewrap">{note.body}</Paragraph>
              </li>
            ) : (
              <li key={note.id} className="ep-timeline__item">
                <p className="ep-timeline__meta">
                  <span className="ep-badge">{nl.label.noteKind(note.kind)}</span>{' '}
                  <time dateTime={note.createdAt}>{formatDateTime(note.createdAt)}</time>{' '}
                  {nl.notes.by} {note.author.displayName}
                </p>
                <Paragraph className="ep-prewrap">{note.body}</Paragraph>
              </li>
            ),
          )}
        </ol>
      )}
    </section>
  );
}
