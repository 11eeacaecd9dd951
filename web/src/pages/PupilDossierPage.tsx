import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useParams } from 'react-router';
import { Alert, Heading1, Paragraph, PrimaryActionButton } from '@utrecht/component-library-react';
import { getPupil, listSupportNeedCategories } from '../api/eenplan';
import { listArrangements, type Arrangement } from '../api/trajectory';
import type { Pupil } from '../api/types';
import { ProblemAlert } from '../components/ProblemAlert';
import { RouterLink } from '../components/RouterLink';
import { formatDate } from '../format';
import { nl } from '../messages/nl';
import { useDocumentTitle } from '../useDocumentTitle';
import { useLoad } from '../useLoad';
import { DossierView } from './dossier/DossierView';
import { EditPupilForm, hasEditDraft } from './dossier/EditPupilForm';
import { NotesTimeline } from './dossier/NotesTimeline';
import { SupportRouteSection } from './dossier/SupportRouteSection';
import { AbsenceSection } from './dossier/AbsenceSection';
import { ArrangementSection } from './dossier/ArrangementSection';
import { PlanSection } from './dossier/PlanSection';
import { useSession } from '../auth/session-context';

/** A new key per pupil, so no state (edit mode, messages) leaks from one dossier into the next. */
export function PupilDossierRoute() {
  const { id = '' } = useParams();
  return <PupilDossierPage key={id} id={id} />;
}

function PupilDossierPage({ id }: { id: string }) {
  const pupil = useLoad(() => getPupil(id), [id]);
  // One load of the arrangements serves both the arrangement and the plan section: every read of
  // them is audited, and two loads listed the same read twice in "Wie heeft dit dossier ingezien".
  // Leerplicht's limited view shows neither section and loads nothing.
  const full = pupil.value?.access.scope === 'full';
  const arrangements = useLoad(
    () => (full ? listArrangements(id) : Promise.resolve<Arrangement[]>([])),
    [id, full],
  );
  const { state } = useSession();
  const role = state.status === 'authenticated' ? state.session.user.role : null;
  const loadedCategories = useLoad(() => listSupportNeedCategories(), []);
  const categories = loadedCategories.value ?? nl.options.supportNeedCategories;
  // A draft left by a reload or an expired session reopens the form with the typing in it.
  const [editing, setEditing] = useState(() => hasEditDraft(id));
  const [savedMessage, setSavedMessage] = useState(false);
  // Every step of the support route and every case-team change is also a timeline entry: a new
  // key reloads the tijdlijn.
  const [routeRevision, setRouteRevision] = useState(0);
  const messageRef = useRef<HTMLDivElement>(null);

  const p = pupil.value;
  const name = p ? `${p.givenName} ${p.familyName}` : '';
  useDocumentTitle(
    pupil.status === 'error' && pupil.error.code === 'not-found'
      ? nl.dossier.notFoundTitle
      : name || nl.loading,
  );

  if (pupil.status === 'error') {
    if (pupil.error.code === 'not-found') {
      return (
        <>
          <Heading1>{nl.dossier.notFoundTitle}</Heading1>
          <Paragraph>{nl.dossier.notFound}</Paragraph>
          <Paragraph>
            <RouterLink to="/leerlingen">{nl.notFound.home}</RouterLink>
          </Paragraph>
        </>
      );
    }
    return (
      <>
        <Heading1>{nl.error.heading}</Heading1>
        <ProblemAlert error={pupil.error} />
      </>
    );
  }
  if (!p) return <Paragraph>{nl.loading}</Paragraph>;

  const limited = p.access.scope === 'attendance';
  const canEdit = p.access.canEdit && !limited;

  function closeEditor(next: Pupil | null, saved: boolean) {
    flushSync(() => {
      if (next) pupil.setValue(next);
      setEditing(false);
      setSavedMessage(saved);
    });
    if (saved) messageRef.current?.focus();
    else document.getElementById('edit-button')?.focus();
  }

  return (
    <>
      <nav aria-label={nl.dossier.breadcrumb} className="ep-breadcrumb">
        <RouterLink to="/leerlingen">{nl.pupils.title}</RouterLink>
        <span aria-hidden="true"> › </span>
        <span>{name}</span>
      </nav>

      <div className="ep-dossier-head">
        <div>
          <Heading1>{name}</Heading1>
          <Paragraph className="ep-dossier-head__meta">
            {nl.dossier.subtitle(p.schoolPupilNumber)} · {formatDate(p.dateOfBirth)} ·{' '}
            <span className="ep-badge">{nl.label.status(p.status)}</span>
          </Paragraph>
        </div>
        <div className="ep-dossier-head__actions">
          {/* The audit trail needs full access (the server answers 403 to the limited view). */}
          {!limited && (
            <RouterLink to={`/leerlingen/${p.id}/inzage`} state={{ pupilName: name }}>
              {nl.dossier.auditLink}
            </RouterLink>
          )}
          {canEdit && !editing && (
            <PrimaryActionButton
              id="edit-button"
              type="button"
              onClick={() => {
                setSavedMessage(false);
                setEditing(true);
              }}
            >
              {nl.dossier.edit}
            </PrimaryActionButton>
          )}
        </div>
      </div>

      <div ref={messageRef} tabIndex={-1} className="ep-focus-target">
        {savedMessage && (
          <Alert type="ok">
            <Paragraph>{nl.dossier.saved}</Paragraph>
          </Alert>
        )}
      </div>

      {limited && (
        <Alert type="info">
          <Paragraph>{nl.dossier.limitedView}</Paragraph>
        </Alert>
      )}

      {canEdit && editing ? (
        <EditPupilForm
          pupil={p}
          categories={categories}
          onSaved={(next) => {
            closeEditor(next, true);
          }}
          onCancel={() => {
            closeEditor(null, false);
          }}
          onDiscard={(current) => {
            closeEditor(current, false);
          }}
        />
      ) : (
        <DossierView
          pupil={p}
          categories={categories}
          onCaseTeamSaved={(team) => {
            // Show the new team at once, then reload: the user's own access may have changed
            // with it (a regisseur who handed over, someone who removed themselves).
            pupil.setValue({ ...p, caseTeam: team.members });
            pupil.reload();
            // The change wrote a timeline entry too.
            setRouteRevision((n) => n + 1);
          }}
        />
      )}

      {!(canEdit && editing) && (
        <AbsenceSection
          pupilId={p.id}
          canRecord={!limited}
          canDecideExemption={
            !limited && (role === 'school_coordinator' || role === 'swv_consultant')
          }
        />
      )}

      {/* Leerplicht's limited view leaves the care timeline out (least privilege); while editing
          the page shows one form at a time (a note draft is kept meanwhile). */}
      {!limited && !(canEdit && editing) && (
        <SupportRouteSection
          pupil={p}
          onRecorded={() => {
            setRouteRevision((n) => n + 1);
          }}
        />
      )}

      {!limited && !(canEdit && editing) && (
        <ArrangementSection
          pupil={p}
          canManage={role === 'school_coordinator' || role === 'swv_consultant'}
          list={arrangements}
        />
      )}

      {!limited && !(canEdit && editing) && (
        <PlanSection pupilId={p.id} arrangements={arrangements} caseTeam={p.caseTeam ?? []} />
      )}

      {!limited && !(canEdit && editing) && (
        <NotesTimeline key={routeRevision} pupilId={p.id} canAddNotes={p.access.canAddNotes} />
      )}
    </>
  );
}
