import { useEffect, useRef } from 'react';
import {
  Alert,
  Heading2,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';

export interface SummaryItem {
  fieldId: string;
  message: string;
}

/** List of all errors at the top of a form; its heading takes focus so keyboard users land on it. */
export function ErrorSummary({ title, items }: { title: string; items: SummaryItem[] }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [items]);

  return (
    <div className="ep-error-summary">
      <Alert type="error">
        <Heading2 ref={ref} tabIndex={-1} className="ep-focus-target">
          {title}
        </Heading2>
        <UnorderedList>
          {items.map((item) => (
            <UnorderedListItem key={`${item.fieldId}:${item.message}`}>
              <a
                className="utrecht-link utrecht-link--html-a"
                href={`#${item.fieldId}`}
                onClick={(event) => {
                  // Focus the field itself instead of only scrolling to it.
                  const target = document.getElementById(item.fieldId);
                  if (target) {
                    event.preventDefault();
                    target.focus();
                    target.scrollIntoView({ block: 'center' });
                  }
                }}
              >
                {item.message}
              </a>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      </Alert>
    </div>
  );
}
