// The repeating parts of the edit form: support needs and factors, each row in its own fieldset.
import { flushSync } from 'react-dom';
import {
  Fieldset,
  FieldsetLegend,
  Paragraph,
  SecondaryActionButton,
  Select,
  SelectOption,
  SubtleButton,
  Textarea,
} from '@utrecht/component-library-react';
import type { SupportNeedCategory } from '../../api/types';
import { Field } from '../../components/Field';
import { nl } from '../../messages/nl';
import { newRowKey, type FactorRow, type SupportNeedRow } from './editModel';

interface RowsProps<Row> {
  rows: Row[];
  err: (fieldId: string) => string | undefined;
  /** `removed` tells the form that row positions moved, so row errors no longer apply. */
  onChange: (rows: Row[], removed: boolean) => void;
}

/**
 * Adding or removing a row moves focus on purpose: to the new row's first control, or to the add
 * button after a removal, so keyboard users never land on a control that disappeared.
 */
function rowActions<Row>(listId: string, firstControl: string, props: RowsProps<Row>) {
  const { rows, onChange } = props;
  return {
    add(row: Row) {
      flushSync(() => {
        onChange([...rows, row], false);
      });
      document.getElementById(`${listId}-${rows.length}-${firstControl}`)?.focus();
    },
    remove(index: number) {
      flushSync(() => {
        onChange(
          rows.filter((_, i) => i !== index),
          true,
        );
      });
      document.getElementById(listId)?.focus();
    },
    set(index: number, change: Partial<Row>) {
      onChange(
        rows.map((r, i) => (i === index ? { ...r, ...change } : r)),
        false,
      );
    },
  };
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <SubtleButton type="button" onClick={onClick}>
      {nl.edit.remove}
      <span className="ep-visually-hidden">{label.toLowerCase()}</span>
    </SubtleButton>
  );
}

export function SupportNeedsFieldset(
  props: RowsProps<SupportNeedRow> & { categories: SupportNeedCategory[] },
) {
  const { rows, err, categories } = props;
  const listId = 'edit-supportNeeds';
  const actions = rowActions(listId, 'category', props);
  return (
    <Fieldset>
      <FieldsetLegend>{nl.dossier.sections.supportNeeds}</FieldsetLegend>
      <Paragraph>{nl.edit.supportNeedHint}</Paragraph>
      {err(listId) !== undefined && <Paragraph className="ep-error-text">{err(listId)}</Paragraph>}
      {rows.length === 0 && <Paragraph>{nl.edit.noSupportNeeds}</Paragraph>}
      {rows.map((row, index) => {
        const id = `${listId}-${index}`;
        return (
          <Fieldset key={row.key} className="ep-row">
            <FieldsetLegend className="ep-row__legend">
              {nl.edit.supportNeedLegend(index + 1)}
            </FieldsetLegend>
            <Field id={`${id}-category`} label={nl.edit.category} error={err(`${id}-category`)}>
              {(control) => (
                <Select
                  {...control}
                  value={row.category}
                  invalid={err(`${id}-category`) !== undefined}
                  onChange={(e) => {
                    actions.set(index, { category: e.target.value as SupportNeedRow['category'] });
                  }}
                >
                  <SelectOption value="">{nl.edit.chooseCategory}</SelectOption>
                  {categories.map((c) => (
                    <SelectOption key={c.code} value={c.code}>
                      {c.label}
                    </SelectOption>
                  ))}
                </Select>
              )}
            </Field>
            <Field
              id={`${id}-description`}
              label={nl.edit.description}
              error={err(`${id}-description`)}
            >
              {(control) => (
                <Textarea
                  {...control}
                  rows={3}
                  value={row.description}
                  invalid={err(`${id}-description`) !== undefined}
                  onChange={(e) => {
                    actions.set(index, { description: e.target.value });
                  }}
                />
              )}
            </Field>
            <RemoveButton
              label={nl.edit.supportNeedLegend(index + 1)}
              onClick={() => {
                actions.remove(index);
              }}
            />
          </Fieldset>
        );
      })}
      <SecondaryActionButton
        id={listId}
        type="button"
        onClick={() => {
          actions.add({ key: newRowKey(), category: '', description: '' });
        }}
      >
        {nl.edit.addSupportNeed}
      </SecondaryActionButton>
    </Fieldset>
  );
}

export function FactorsFieldset(props: RowsProps<FactorRow>) {
  const { rows, err } = props;
  const listId = 'edit-factors';
  const actions = rowActions(listId, 'kind', props);
  return (
    <Fieldset>
      <FieldsetLegend>{nl.dossier.sections.factors}</FieldsetLegend>
      {err(listId) !== undefined && <Paragraph className="ep-error-text">{err(listId)}</Paragraph>}
      {rows.length === 0 && <Paragraph>{nl.edit.noFactors}</Paragraph>}
      {rows.map((row, index) => {
        const id = `${listId}-${index}`;
        return (
          <Fieldset key={row.key} className="ep-row">
            <FieldsetLegend className="ep-row__legend">
              {nl.edit.factorLegend(index + 1)}
            </FieldsetLegend>
            <div className="ep-form-grid">
              <Field id={`${id}-kind`} label={nl.edit.kind} error={err(`${id}-kind`)}>
                {(control) => (
                  <Select
                    {...control}
                    value={row.kind}
                    invalid={err(`${id}-kind`) !== undefined}
                    onChange={(e) => {
                      actions.set(index, { kind: e.target.value as FactorRow['kind'] });
                    }}
                  >
                    {nl.options.factorKinds.map(([value, label]) => (
                      <SelectOption key={value} value={value}>
                        {label}
                      </SelectOption>
                    ))}
                  </Select>
                )}
              </Field>
              <Field id={`${id}-area`} label={nl.edit.area} error={err(`${id}-area`)}>
                {(control) => (
                  <Select
                    {...control}
                    value={row.area}
                    invalid={err(`${id}-area`) !== undefined}
                    onChange={(e) => {
                      actions.set(index, { area: e.target.value as FactorRow['area'] });
                    }}
                  >
                    {nl.options.factorAreas.map(([value, label]) => (
                      <SelectOption key={value} value={value}>
                        {label}
                      </SelectOption>
                    ))}
                  </Select>
                )}
              </Field>
            </div>
            <Field
              id={`${id}-description`}
              label={nl.edit.description}
              error={err(`${id}-description`)}
            >
              {(control) => (
                <Textarea
                  {...control}
                  rows={2}
                  value={row.description}
                  invalid={err(`${id}-description`) !== undefined}
                  onChange={(e) => {
                    actions.set(index, { description: e.target.value });
                  }}
                />
              )}
            </Field>
            <RemoveButton
              label={nl.edit.factorLegend(index + 1)}
              onClick={() => {
                actions.remove(index);
              }}
            />
          </Fieldset>
        );
      })}
      <SecondaryActionButton
        id={listId}
        type="button"
        onClick={() => {
          actions.add({ key: newRowKey(), kind: 'promoting', area: 'pupil', description: '' });
        }}
      >
        {nl.edit.addFactor}
      </SecondaryActionButton>
    </Fieldset>
  );
}
