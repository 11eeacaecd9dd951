// The dossier's "Arrangement" section: the pupil's arrangements with route 1 as a checklist, and a
// new maatwerk arrangement from a template.
import { useRef, useState } from 'react';
import { Alert, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { listTemplates, type Arrangement } from '../../api/trajectory';
import type { Pupil } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDate } from '../../format';
import { nl } from '../../messages/nl';
import { nlTrajectory } from '../../messages/nl-trajectory';
import { useLoad, type Loaded } from '../../useLoad';
import { ArrangementActions } from './ArrangementActions';
import { NewArrangementForm } from './NewArrangementForm';
import { RouteOneChecklist } from './RouteOneChecklist';

const t = nlTrajectory.arrangement;

export function ArrangementSection({
  pupil,
  canManage,
  list,
}: {
  pupil: Pupil;
  canManage: boolean;
  /** The pupil's arrangements, loaded once for the whole dossier. */
  list: Loaded<Arrangement[]>;
}) {
  const templates = useLoad(() => listTemplates(), []);
  const templateName = (code: string) =>
    templates.value?.find((x) => x.code === code)?.name ?? code;
  const [message, setMessage] = useState<string | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);

  const changed = (a: Arrangement, text: string) => {
    setMessage(text);
    const current = list.value ?? [];
    const exists = current.some((x) => x.id === a.id);
    list.setValue(exists ? current.map((x) => (x.id === a.id ? a : x)) : [a, ...current]);
    requestAnimationFrame(() => messageRef.current?.focus());
  };

  // Leerplicht and others without access to the trajectory do not see the section at all.
  if (list.status === 'error' && list.error.code === 'forbidden') return null;
  return (
    <section className="ep-section" aria-labelledby="arrangement-title">
      <Heading2 id="arrangement-title">{t.title}</Heading2>
      <div ref={messageRef} tabIndex={-1} className="ep-focus-target" aria-live="polite">
        {message && (
          <Alert type="ok">
            <Paragraph>{message}</Paragraph>
          </Alert>
        )}
      </div>
      {list.status === 'error' && <ProblemAlert error={list.error} />}
      {list.status === 'loading' && !list.value && <Paragraph>{nl.loading}</Paragraph>}
      {list.value?.length === 0 && <Paragraph>{t.none}</Paragraph>}
      {list.value?.map((a) => (
        <article key={a.id} aria-labelledby={`arrangement-${a.id}`}>
          <Heading3 id={`arrangement-${a.id}`}>
            {templateName(a.templateCode)} — {t.status[a.status]}
          </Heading3>
          <Paragraph>
            {t.period(formatDate(a.start), formatDate(a.end))}
            {a.currentPhase !== null && `. ${t.phase(a.currentPhase)}`}
          </Paragraph>
          {a.route === 'tailored' && (
            <RouteOneChecklist key={a.version} arrangement={a} onSaved={changed} />
          )}
          {a.canManage && (
            <ArrangementActions key={`actions-${a.version}`} arrangement={a} onDone={changed} />
          )}
        </article>
      ))}
      {canManage && (
        <NewArrangementForm
          pupilId={pupil.id}
          schoolId={pupil.enrolmentSchool.id}
          onCreated={(a) => {
            changed(a, t.created);
          }}
        />
      )}
    </section>
  );
}
