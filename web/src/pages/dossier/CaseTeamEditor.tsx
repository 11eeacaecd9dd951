// The case-team editor: members with their role in the case and the one regisseur, removal, a search
// to add people, and the server's answers: the refused rules in an error summary at their fields, a
// version conflict with the team as it is now (nothing the user chose is lost).
import { useRef, useState, type SubmitEvent } from 'react';
import {
  Alert,
  Fieldset,
  FieldsetLegend,
  FormFieldErrorMessage,
  Heading3,
  Paragraph,
  PrimaryActionButton,
  RadioButton,
  SecondaryActionButton,
  Select,
  SelectOption,
  Textbox,
} from '@utrecht/component-library-react';
import { ConflictChoice } from '../../components/ConflictChoice';
import { isApiError, type ApiError } from '../../api/client';
import {
  findCaseTeamCandidates,
  getCaseTeam,
  isCaseTeam,
  replaceCaseTeam,
  type CaseTeam,
  type CaseTeamCandidate,
  type CaseTeamCandidateList,
} from '../../api/caseTeam';
import type { CaseTeamMember } from '../../api/types';
import { useSession } from '../../auth/session-context';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { ProblemAlert } from '../../components/ProblemAlert';
import { nl } from '../../messages/nl';
import { nlCaseTeam as t } from '../../messages/nl-case-team';
import { useLoad } from '../../useLoad';
import { CaseTeamTable } from './CaseTeamTable';

interface Props {
  pupilId: string;
  onSaved: (team: CaseTeam) => void;
  onCancel: () => void;
}

/** Loads the team with its version, then edits it. */
export function CaseTeamEditor({ pupilId, onSaved, onCancel }: Props) {
  const team = useLoad(() => getCaseTeam(pupilId), [pupilId]);
  if (team.status === 'error') return <ProblemAlert error={team.error} />;
  if (team.status !== 'ok') return <Paragraph>{t.loading}</Paragraph>;
  return <CaseTeamForm team={team.value} pupilId={pupilId} onSaved={onSaved} onCancel={onCancel} />;
}

type Row = CaseTeamMember & { isNew: boolean };

const rowsOf = (members: CaseTeamMember[]): Row[] => members.map((m) => ({ ...m, isNew: false }));
const inputOf = (rows: Row[]) =>
  rows.map((r) => ({ userId: r.userId, caseRole: r.caseRole, isCaseLead: r.isCaseLead }));
const sameTeam = (rows: Row[], members: CaseTeamMember[]) =>
  JSON.stringify(inputOf(rows).sort((a, b) => a.userId.localeCompare(b.userId))) ===
  JSON.stringify(inputOf(rowsOf(members)).sort((a, b) => a.userId.localeCompare(b.userId)));

const roleId = (userId: string) => `ct-role-${userId}`;
const leadId = (userId: string) => `ct-lead-${userId}`;
const removeId = (userId: string) => `ct-remove-${userId}`;
const SEARCH_ID = 'ct-search';

interface Problems {
  summary: SummaryItem[];
  byUser: Record<string, string[]>;
  team: string[];
}
const NO_PROBLEMS: Problems = { summary: [], byUser: {}, team: [] };

/** The server's field errors (`members[2].caseRole`, `members`) at the rows they are about. */
function problemsOf(error: ApiError, sent: Row[]): Problems {
  const out: Problems = { summary: [], byUser: {}, team: [] };
  for (const e of error.errors) {
    const message =
      error.code === 'validation-failed'
        ? nl.problem.field(e.code, e.reason)
        : t.rule(e.code, e.reason);
    const match = /^members\[(\d+)\](?:\.(\w+))?$/.exec(e.name);
    const row = match ? sent[Number(match[1])] : undefined;
    if (!row) {
      out.team.push(message);
      const first = sent[0];
      out.summary.push({ fieldId: first ? leadId(first.userId) : SEARCH_ID, message });
      continue;
    }
    const field = match?.[2];
    const fieldId =
      field === 'caseRole'
        ? roleId(row.userId)
        : field === 'isCaseLead'
          ? leadId(row.userId)
          : removeId(row.userId);
    (out.byUser[row.userId] ??= []).push(message);
    out.summary.push({ fieldId, message: `${row.displayName}: ${message}` });
  }
  return out;
}

function CaseTeamForm({ team, pupilId, onSaved, onCancel }: Props & { team: CaseTeam }) {
  const { state } = useSession();
  const me = state.status === 'authenticated' ? state.session.user.id : '';
  const [base, setBase] = useState<CaseTeam>(team);
  const [rows, setRows] = useState<Row[]>(() => rowsOf(team.members));
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [conflict, setConflict] = useState<CaseTeam | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [saving, setSaving] = useState(false);
  const conflictRef = useRef<HTMLDivElement>(null);

  const wasMember = base.members.some((m) => m.userId === me);
  const removingMyself = wasMember && !rows.some((r) => r.userId === me);

  function focusSoon(id: string) {
    requestAnimationFrame(() => document.getElementById(id)?.focus());
  }

  function update(userId: string, change: Partial<Row>) {
    setRows((current) => current.map((r) => (r.userId === userId ? { ...r, ...change } : r)));
  }

  function makeLead(userId: string) {
    setRows((current) => current.map((r) => ({ ...r, isCaseLead: r.userId === userId })));
  }

  function remove(index: number) {
    const row = rows[index];
    if (!row) return;
    const next = rows.filter((_, i) => i !== index);
    setRows(next);
    setAnnouncement(t.removed(row.displayName));
    const neighbour = next[index] ?? next[index - 1];
    focusSoon(neighbour ? removeId(neighbour.userId) : SEARCH_ID);
  }

  function add(candidate: CaseTeamCandidate) {
    if (rows.some((r) => r.userId === candidate.userId)) return;
    const previous = base.members.find((m) => m.userId === candidate.userId);
    const row: Row = previous
      ? { ...previous, isCaseLead: rows.length === 0, isNew: false }
      : {
          ...candidate,
          caseRole: t.defaultCaseRole(candidate.role),
          isCaseLead: rows.length === 0, // the first member of a new team leads it
          isNew: true,
        };
    setRows([...rows, row]);
    setAnnouncement(t.added(candidate.displayName));
    focusSoon(roleId(candidate.userId));
  }

  async function save(version: number) {
    setNotice(null);
    setFailure(null);
    if (version === base.version && sameTeam(rows, base.members)) {
      setNotice(t.noChanges);
      return;
    }
    const sent = rows;
    setSaving(true);
    try {
      const saved = await replaceCaseTeam(pupilId, version, inputOf(sent));
      onSaved(saved);
    } catch (error) {
      setSaving(false);
      if (isApiError(error, 'version-conflict')) {
        const current = isCaseTeam(error.problem.current)
          ? error.problem.current
          : await getCaseTeam(pupilId).catch(() => null);
        if (current) {
          setProblems(NO_PROBLEMS);
          setConflict(current);
          requestAnimationFrame(() => conflictRef.current?.focus());
          return;
        }
      }
      if (isApiError(error) && error.status === 422 && error.errors.length > 0) {
        setProblems(problemsOf(error, sent));
        return;
      }
      setProblems(NO_PROBLEMS);
      setFailure(isApiError(error) ? error : null);
    }
  }

  function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    // Against the version the user started from: after a conflict only the explicit choice below
    // ("toch opslaan") saves over the other change.
    void save(base.version);
  }

  function reapply(current: CaseTeam) {
    setBase(current);
    setConflict(null);
    void save(current.version);
  }

  function takeCurrent(current: CaseTeam) {
    setBase(current);
    setRows(rowsOf(current.members));
    setConflict(null);
    setProblems(NO_PROBLEMS);
    focusSoon('ct-heading');
  }

  return (
    <div className="ep-case-team-editor">
      <Heading3 id="ct-heading" tabIndex={-1} className="ep-focus-target">
        {t.heading}
      </Heading3>
      <Paragraph>{t.intro}</Paragraph>
      {problems.summary.length > 0 && (
        <ErrorSummary title={t.errorSummary(problems.summary.length)} items={problems.summary} />
      )}
      {failure && <ProblemAlert error={failure} />}
      {notice !== null && (
        <Alert type="info">
          <Paragraph>{notice}</Paragraph>
        </Alert>
      )}
      {conflict && (
        <ConflictChoice
          focusRef={conflictRef}
          className="ep-case-team-conflict"
          heading={nl.problem.message('version-conflict', 412)}
          intro={t.conflictIntro}
          busy={saving}
          reapplyLabel={t.reapply}
          takeCurrentLabel={t.takeCurrent}
          onReapply={() => {
            reapply(conflict);
          }}
          onTakeCurrent={() => {
            takeCurrent(conflict);
          }}
        >
          {conflict.members.length === 0 ? (
            <Paragraph>{nl.dossier.caseTeam.none}</Paragraph>
          ) : (
            <CaseTeamTable members={conflict.members} caption={t.conflictCaption} />
          )}
        </ConflictChoice>
      )}

      <form id="ct-form" className="ep-form" noValidate onSubmit={onSubmit}>
        <Fieldset aria-describedby={problems.team.length > 0 ? 'ct-team-error' : undefined}>
          <FieldsetLegend>{t.membersLegend(rows.length)}</FieldsetLegend>
          {problems.team.length > 0 && (
            <FormFieldErrorMessage id="ct-team-error">
              {problems.team.join(' ')}
            </FormFieldErrorMessage>
          )}
          {rows.length === 0 && <Paragraph>{t.noMembers}</Paragraph>}
          <ul className="ep-plain-list ep-case-team-rows">
            {rows.map((row, index) => (
              <MemberRow
                key={row.userId}
                row={row}
                roles={team.caseRoles}
                isMe={row.userId === me}
                errors={problems.byUser[row.userId] ?? []}
                onRole={(caseRole) => {
                  update(row.userId, { caseRole });
                }}
                onLead={() => {
                  makeLead(row.userId);
                }}
                onRemove={() => {
                  remove(index);
                }}
              />
            ))}
          </ul>
          {removingMyself && (
            <Alert type="warning">
              <Paragraph>{t.removingYourself}</Paragraph>
            </Alert>
          )}
        </Fieldset>
      </form>

      <CandidateSearch pupilId={pupilId} rows={rows} onAdd={add} />

      <div role="status" className="ep-visually-hidden">
        {announcement}
      </div>
      <div className="ep-actions ep-case-team-actions">
        <PrimaryActionButton type="submit" form="ct-form" disabled={saving}>
          {saving ? t.saving : t.save}
        </PrimaryActionButton>
        <SecondaryActionButton type="button" onClick={onCancel}>
          {t.cancel}
        </SecondaryActionButton>
      </div>
    </div>
  );
}

function MemberRow({
  row,
  roles,
  isMe,
  errors,
  onRole,
  onLead,
  onRemove,
}: {
  row: Row;
  roles: string[];
  isMe: boolean;
  errors: string[];
  onRole: (role: string) => void;
  onLead: () => void;
  onRemove: () => void;
}) {
  const errorId = errors.length > 0 ? `ct-error-${row.userId}` : undefined;
  // A role from before the list stays selectable for the member who has it.
  const options =
    roles.includes(row.caseRole) || row.caseRole === '' ? roles : [row.caseRole, ...roles];
  const legendId = `ct-member-${row.userId}`;
  return (
    <li className={`ep-case-team-row${row.isCaseLead ? ' ep-case-team-row--lead' : ''}`}>
      <Fieldset aria-describedby={errorId}>
        <FieldsetLegend id={legendId}>
          {row.displayName} {isMe && <span>{t.you}</span>}
          {row.isNew && <span className="ep-badge">{t.new}</span>}
        </FieldsetLegend>
        <Paragraph className="ep-case-team-row__meta">
          {nl.label.role(row.role)}
          {row.organisation ? ` · ${row.organisation.name}` : ''}
        </Paragraph>
        {errorId && <FormFieldErrorMessage id={errorId}>{errors.join(' ')}</FormFieldErrorMessage>}
        <div className="ep-case-team-row__controls">
          <Field id={roleId(row.userId)} label={t.caseRole}>
            {(control) => (
              <Select
                {...control}
                {...(errorId && { 'aria-describedby': errorId, 'aria-invalid': true })}
                value={row.caseRole}
                onChange={(e) => {
                  onRole(e.target.value);
                }}
              >
                {options.map((role) => (
                  <SelectOption key={role} value={role}>
                    {roles.includes(role)
                      ? nl.label.caseRole(role)
                      : t.olderRole(nl.label.caseRole(role))}
                  </SelectOption>
                ))}
              </Select>
            )}
          </Field>
          <div className="ep-case-team-row__lead">
            <RadioButton
              id={leadId(row.userId)}
              name="ct-lead"
              value={row.userId}
              checked={row.isCaseLead}
              aria-describedby={legendId}
              onChange={onLead}
            />
            <label
              htmlFor={leadId(row.userId)}
              className="utrecht-form-label utrecht-form-label--radio"
            >
              {t.lead}
            </label>
          </div>
          <SecondaryActionButton id={removeId(row.userId)} type="button" onClick={onRemove}>
            {t.remove}
            <span className="ep-visually-hidden">: {row.displayName}</span>
          </SecondaryActionButton>
        </div>
      </Fieldset>
    </li>
  );
}

function CandidateSearch({
  pupilId,
  rows,
  onAdd,
}: {
  pupilId: string;
  rows: Row[];
  onAdd: (candidate: CaseTeamCandidate) => void;
}) {
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<CaseTeamCandidateList | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);

  async function search(event: SubmitEvent) {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      setResult(await findCaseTeamCandidates(pupilId, query.trim()));
    } catch (error) {
      setResult(null);
      setFailure(isApiError(error) ? error : null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="ep-form ep-case-team-search"
      role="search"
      noValidate
      onSubmit={(e) => void search(e)}
    >
      <Fieldset>
        <FieldsetLegend>{t.searchLegend}</FieldsetLegend>
        <div className="ep-case-team-search__bar">
          <Field id={SEARCH_ID} label={t.search} hint={t.searchHint}>
            {(control) => (
              <Textbox
                {...control}
                type="search"
                autoComplete="off"
                value={query}
                onChange={(e) => {
                  setQuery(e.target.value);
                }}
              />
            )}
          </Field>
          <SecondaryActionButton type="submit" disabled={busy}>
            {busy ? t.searching : t.searchButton}
          </SecondaryActionButton>
        </div>
        {failure && <ProblemAlert error={failure} />}
        <div role="status">
          {result && <Paragraph>{t.results(result.items.length, result.total)}</Paragraph>}
        </div>
        {result && result.items.length > 0 && (
          <ul className="ep-plain-list ep-case-team-results" aria-label={t.resultsLabel}>
            {result.items.map((c) => {
              const member = rows.some((r) => r.userId === c.userId);
              return (
                <li key={c.userId} className="ep-case-team-result">
                  <span>
                    <strong>{c.displayName}</strong> – {nl.label.role(c.role)}
                    {c.organisation ? `, ${c.organisation.name}` : ''}
                  </span>
                  {member ? (
                    <span className="ep-badge">{t.alreadyMember}</span>
                  ) : (
                    <SecondaryActionButton
                      type="button"
                      onClick={() => {
                        onAdd(c);
                      }}
                    >
                      <span className="ep-visually-hidden">{c.displayName} </span>
                      {t.add}
                    </SecondaryActionButton>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </Fieldset>
    </form>
  );
}
