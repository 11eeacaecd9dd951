// The dossier's "Betrokkenen": the case team with its regisseur, and for those the server allows
// (access.canEditCaseTeam) the editor that changes it.
import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import {
  Alert,
  Heading2,
  Paragraph,
  SecondaryActionButton,
} from '@utrecht/component-library-react';
import type { CaseTeam } from '../../api/caseTeam';
import type { Pupil } from '../../api/types';
import { nl } from '../../messages/nl';
import { nlCaseTeam } from '../../messages/nl-case-team';
import { CaseTeamEditor } from './CaseTeamEditor';
import { CaseTeamTable } from './CaseTeamTable';
import '../../styles/case-team.css';

const t = nl.dossier;

export function CaseTeamSection({
  pupil,
  onSaved,
}: {
  pupil: Pupil;
  /** The team was saved; the dossier reloads (the user's own access may have changed with it). */
  onSaved: (team: CaseTeam) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const messageRef = useRef<HTMLDivElement>(null);
  const members = pupil.caseTeam;
  if (members === undefined) return null; // leerplicht's limited view has no case team
  const canEdit = pupil.access.canEditCaseTeam;

  function close(team: CaseTeam | null) {
    flushSync(() => {
      setEditing(false);
      setSaved(team !== null);
    });
    if (team) {
      messageRef.current?.focus();
      onSaved(team);
    } else {
      document.getElementById('case-team-edit')?.focus();
    }
  }

  return (
    <section className="ep-section" aria-labelledby="sec-case-team">
      <div className="ep-section-head">
        <Heading2 id="sec-case-team">{t.sections.caseTeam}</Heading2>
        {canEdit && !editing && (
          <SecondaryActionButton
            id="case-team-edit"
            type="button"
            aria-label={nlCaseTeam.editLabel}
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {nlCaseTeam.edit}
          </SecondaryActionButton>
        )}
      </div>
      <div ref={messageRef} tabIndex={-1} className="ep-focus-target">
        {saved && (
          <Alert type="ok">
            <Paragraph>{nlCaseTeam.saved}</Paragraph>
          </Alert>
        )}
      </div>
      {editing ? (
        <CaseTeamEditor
          pupilId={pupil.id}
          onSaved={(team) => {
            close(team);
          }}
          onCancel={() => {
            close(null);
          }}
        />
      ) : members.length === 0 ? (
        <Paragraph>{t.caseTeam.none}</Paragraph>
      ) : (
        <CaseTeamTable members={members} caption={t.caseTeam.caption} />
      )}
    </section>
  );
}
