import type { ReactNode, Ref } from 'react';
import {
  Alert,
  Paragraph,
  PrimaryActionButton,
  SecondaryActionButton,
} from '@utrecht/component-library-react';

interface Props {
  /** Focus moves here when the conflict appears, so it is announced. */
  focusRef: Ref<HTMLDivElement>;
  className?: string;
  heading: string;
  intro: string;
  busy: boolean;
  reapplyLabel: string;
  takeCurrentLabel: string;
  onReapply: () => void;
  onTakeCurrent: () => void;
  /** What is stored now, as someone else saved it. */
  children: ReactNode;
}

/** A 412 version-conflict answered in place: the stored version and the user's two ways on. */
export function ConflictChoice({
  focusRef,
  className,
  heading,
  intro,
  busy,
  reapplyLabel,
  takeCurrentLabel,
  onReapply,
  onTakeCurrent,
  children,
}: Props) {
  return (
    <div
      ref={focusRef}
      tabIndex={-1}
      className={className ? `ep-focus-target ${className}` : 'ep-focus-target'}
    >
      <Alert type="warning">
        <Paragraph>
          <strong>{heading}</strong>
        </Paragraph>
        <Paragraph>{intro}</Paragraph>
        {children}
        <div className="ep-actions">
          <PrimaryActionButton type="button" disabled={busy} onClick={onReapply}>
            {reapplyLabel}
          </PrimaryActionButton>
          <SecondaryActionButton type="button" onClick={onTakeCurrent}>
            {takeCurrentLabel}
          </SecondaryActionButton>
        </div>
      </Alert>
    </div>
  );
}
