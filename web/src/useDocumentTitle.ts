import { useEffect } from 'react';
import { nl } from './messages/nl';

/** Every page names itself first in the tab title, as screen-reader users expect. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – ${nl.titleSuffix}`;
  }, [title]);
}
