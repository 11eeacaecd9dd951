import { useEffect, useRef } from 'react';
import { Heading2, Paragraph, SecondaryActionButton } from '@utrecht/component-library-react';
import type { Session } from '../api/types';
import { nl } from '../messages/nl';
import { LoginForm } from './LoginForm';

interface Props {
  username: string;
  onSuccess: (session: Session) => void;
  onCancel: () => void;
}

/** Native modal <dialog>: the browser makes the page behind it inert and traps focus. */
export function ReloginDialog({ username, onSuccess, onCancel }: Props) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    // showModal() focuses the first field (the fixed username); the password is what to type.
    document.getElementById('relogin-password')?.focus();
    return () => {
      dialog?.close();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="ep-dialog"
      aria-labelledby="relogin-title"
      aria-describedby="relogin-intro"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <Heading2 id="relogin-title">{nl.relogin.title}</Heading2>
      <Paragraph id="relogin-intro">{nl.relogin.intro}</Paragraph>
      <LoginForm idPrefix="relogin" fixedUsername={username} onSuccess={onSuccess} />
      <div className="ep-dialog__footer">
        <SecondaryActionButton type="button" onClick={onCancel}>
          {nl.relogin.cancel}
        </SecondaryActionButton>
      </div>
    </dialog>
  );
}
