// Bevorderende or belemmerende factoren of the OPP: one text per row, added and removed by button.
// The rows of both kinds live in one list (the API's order), so a server error "factors[i]" finds
// its row.
import {
  Fieldset,
  FieldsetLegend,
  Paragraph,
  SecondaryActionButton,
  Textbox,
} from '@utrecht/component-library-react';
import { Field } from '../../../components/Field';
import { nlOppEditor as t } from '../../../messages/nl-opp-editor';
import { fieldId, newKey, type FactorKind, type OppInputs } from './oppForm';

interface Props {
  kind: FactorKind;
  factors: OppInputs['factors'];
  errorFor: (name: string) => string | undefined;
  onChange: (factors: OppInputs['factors']) => void;
}

export function FactorRows({ kind, factors, errorFor, onChange }: Props) {
  const rows = factors.map((f, index) => ({ f, index })).filter(({ f }) => f.kind === kind);
  return (
    <Fieldset>
      <FieldsetLegend>{t.factors[kind]}</FieldsetLegend>
      {rows.length === 0 && <Paragraph>{t.noFactors}</Paragraph>}
      {rows.map(({ f, index }, n) => (
        <div key={f.key} className="ep-row-actions">
          <Field
            id={fieldId(`factors[${index}].description`)}
            label={t.factorLabel(kind, n + 1)}
            error={errorFor(`factors[${index}].description`) ?? errorFor(`factors[${index}]`)}
          >
            {(c) => (
              <Textbox
                {...c}
                value={f.description}
                onChange={(e) => {
                  onChange(
                    factors.map((x) =>
                      x.key === f.key ? { ...x, description: e.target.value } : x,
                    ),
                  );
                }}
              />
            )}
          </Field>
          <SecondaryActionButton
            type="button"
            onClick={() => {
              onChange(factors.filter((x) => x.key !== f.key));
            }}
          >
            {t.removeFactor(kind, n + 1)}
          </SecondaryActionButton>
        </div>
      ))}
      <SecondaryActionButton
        type="button"
        id={fieldId(`factors.add.${kind}`)}
        onClick={() => {
          onChange([...factors, { key: newKey(), kind, description: '' }]);
        }}
      >
        {t.addFactor(kind)}
      </SecondaryActionButton>
    </Fieldset>
  );
}
