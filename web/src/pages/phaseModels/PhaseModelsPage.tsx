// Fasenmodellen: every role that works with trajectories reads the region's phase models (which
// phase allows which places, the typical hours); the SWV consulent configures them.
import { useState } from 'react';
import {
  Alert,
  Heading1,
  Heading2,
  Paragraph,
  SecondaryActionButton,
} from '@utrecht/component-library-react';
import { listPhaseModels, type PhaseModel } from '../../api/trajectory';
import { useSession } from '../../auth/session-context';
import { ProblemAlert } from '../../components/ProblemAlert';
import { nl } from '../../messages/nl';
import { nlPhaseModels as t } from '../../messages/nl-phase-models';
import { useDocumentTitle } from '../../useDocumentTitle';
import { useLoad } from '../../useLoad';
import { PhaseModelEditor } from './PhaseModelEditor';
import { PhaseTable } from './PhaseTable';
import '../../styles/phase-models.css';

export function PhaseModelsPage() {
  useDocumentTitle(t.title);
  const { state } = useSession();
  // The server decides (PUT answers 403 to anyone else); the role only hides what would be refused.
  const mayEdit = state.status === 'authenticated' && state.session.user.role === 'swv_consultant';
  const models = useLoad(() => listPhaseModels(), []);
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  function focusSoon(id: string) {
    requestAnimationFrame(() => document.getElementById(id)?.focus());
  }

  function onSaved(model: PhaseModel) {
    models.setValue((models.value ?? []).map((m) => (m.id === model.id ? model : m)));
    setEditing(null);
    setSaved(model.id);
    focusSoon(`pm-${model.id}-saved`);
  }

  return (
    <>
      <Heading1>{t.title}</Heading1>
      <Paragraph>{t.intro}</Paragraph>
      {!mayEdit && (
        <Alert type="info">
          <Paragraph>{t.readOnly}</Paragraph>
        </Alert>
      )}
      {models.status === 'error' && <ProblemAlert error={models.error} />}
      {models.value === undefined && models.status === 'loading' && (
        <Paragraph>{nl.loading}</Paragraph>
      )}
      {models.value?.map((model) => {
        const headingId = `pm-${model.id}`;
        return (
          <section key={model.id} aria-labelledby={headingId} className="ep-section">
            <Heading2 id={headingId}>{model.name}</Heading2>
            <Paragraph>
              <strong>{t.source}:</strong> {model.source || t.empty} ({t.version(model.version)})
            </Paragraph>
            {saved === model.id && (
              <div id={`pm-${model.id}-saved`} tabIndex={-1} className="ep-focus-target">
                <Alert type="ok">
                  <Paragraph>{t.saved(model.name)}</Paragraph>
                </Alert>
              </div>
            )}
            {editing === model.id ? (
              <PhaseModelEditor
                model={model}
                onSaved={onSaved}
                onCancel={() => {
                  setEditing(null);
                  focusSoon(`pm-${model.id}-edit`);
                }}
              />
            ) : (
              <>
                <PhaseTable model={model} caption={t.phasesCaption(model.name)} />
                {mayEdit && (
                  <SecondaryActionButton
                    type="button"
                    id={`pm-${model.id}-edit`}
                    onClick={() => {
                      setSaved(null);
                      setEditing(model.id);
                      focusSoon(`pm-${model.id}-editor`);
                    }}
                  >
                    {t.editShort}
                    <span className="ep-visually-hidden"> {model.name}</span>
                  </SecondaryActionButton>
                )}
              </>
            )}
          </section>
        );
      })}
    </>
  );
}
