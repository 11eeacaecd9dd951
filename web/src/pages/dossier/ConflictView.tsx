import { useEffect, useRef, type ReactNode } from 'react';
import {
  Alert,
  Heading2,
  Paragraph,
  PrimaryActionButton,
  SecondaryActionButton,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { Pupil, SupportNeedCategory } from '../../api/types';
import { nl } from '../../messages/nl';
import {
  ALL_FIELDS,
  changedFields,
  fieldLabel,
  sameField,
  toEditValues,
  type EditField,
  type EditValues,
} from './editModel';

interface Props {
  /** The version the user started editing from. */
  base: EditValues;
  /** What the user typed. */
  mine: EditValues;
  /** The version someone else saved in the meantime (from the 412 problem body). */
  current: Pupil;
  categories: SupportNeedCategory[];
  busy: boolean;
  onReapply: () => void;
  onDiscard: () => void;
}

/** 412 version-conflict: both versions side by side, the user decides; nothing is lost silently. */
export function ConflictView({
  base,
  mine,
  current,
  categories,
  busy,
  onReapply,
  onDiscard,
}: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const theirs = toEditValues(current);
  const myFields = changedFields(base, mine);
  const differing = myFields.filter((field) => !sameField(mine, theirs, field));
  const otherOnly = ALL_FIELDS.filter(
    (field) => !myFields.includes(field) && !sameField(base, theirs, field),
  );
  const categoryLabel = (code: string) =>
    categories.find((c) => c.code === code)?.label ?? nl.label.supportNeedCategory(code);

  function show(values: EditValues, field: EditField): ReactNode {
    switch (field) {
      case 'supportNeeds':
        return list(
          values.supportNeeds.map((n) => `${categoryLabel(n.category)}: ${n.description}`),
        );
      case 'factors':
        return list(
          values.factors.map(
            (f) =>
              `${nl.label.factorKind(f.kind)}, ${nl.label.factorArea(f.area).toLowerCase()}: ${f.description}`,
          ),
        );
      case 'status':
        return nl.label.status(values.status);
      default:
        return values[field] === '' ? nl.conflict.empty : values[field];
    }
  }

  return (
    <section className="ep-conflict" aria-labelledby="conflict-heading">
      <Alert type="warning">
        <Heading2 id="conflict-heading" ref={headingRef} tabIndex={-1} className="ep-focus-target">
          {nl.conflict.heading}
        </Heading2>
        <Paragraph>{nl.conflict.intro}</Paragraph>
      </Alert>

      {differing.length > 0 ? (
        <div className="ep-table-scroll">
          <Table className="ep-table ep-conflict__table">
            <TableCaption>{nl.conflict.caption}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{nl.conflict.field}</TableHeaderCell>
                <TableHeaderCell scope="col">{nl.conflict.mine}</TableHeaderCell>
                <TableHeaderCell scope="col">{nl.conflict.current}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {differing.map((field) => (
                <TableRow key={field}>
                  <TableHeaderCell scope="row">{fieldLabel(field)}</TableHeaderCell>
                  <TableCell className="ep-conflict__mine ep-prewrap">
                    {show(mine, field)}
                  </TableCell>
                  <TableCell className="ep-conflict__theirs ep-prewrap">
                    {show(theirs, field)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : (
        <Paragraph>{nl.conflict.noDifferences}</Paragraph>
      )}

      {otherOnly.length > 0 && (
        <Paragraph>
          {nl.conflict.otherChanged(otherOnly.map((f) => fieldLabel(f).toLowerCase()).join(', '))}
        </Paragraph>
      )}

      <div className="ep-actions">
        <PrimaryActionButton type="button" busy={busy} disabled={busy} onClick={onReapply}>
          {nl.conflict.reapply}
        </PrimaryActionButton>
        <SecondaryActionButton type="button" disabled={busy} onClick={onDiscard}>
          {nl.conflict.discard}
        </SecondaryActionButton>
      </div>
    </section>
  );
}

function list(items: string[]): ReactNode {
  if (items.length === 0) return nl.conflict.empty;
  return (
    <ul className="ep-plain-list">
      {items.map((item, i) => (
        // Two rows can hold the same text; the position keeps the key unique.
        <li key={`${i}:${item}`}>{item}</li>
      ))}
    </ul>
  );
}
