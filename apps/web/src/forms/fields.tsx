import {
  Checkbox,
  ErrorMessage,
  Fieldset,
  FormGroup,
  Label,
  Radio,
  Select,
  Textarea,
  TextInput,
} from '@trussworks/react-uswds';
import { useTranslation } from 'react-i18next';

/**
 * Labelled form fields with their error tied to them (`aria-describedby`, `aria-invalid`): the
 * USWDS pattern, once, for every form of the app. `error` is an already translated sentence.
 */
interface FieldProps {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  required?: boolean;
}

function describedBy(props: FieldProps): string | undefined {
  const ids = [props.hint && `${props.id}-hint`, props.error && `${props.id}-error`].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** What every single control carries: its name, value, and the state and text tied to it. */
function controlProps<E extends { value: string }>(
  props: FieldProps & { value: string; onChange: (value: string) => void },
) {
  return {
    id: props.id,
    name: props.id,
    value: props.value,
    onChange: (event: React.ChangeEvent<E>) => props.onChange(event.target.value),
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': describedBy(props),
    'aria-required': props.required || undefined,
  };
}

/**
 * USWDS's asterisk after a required field's label, titled in the reader's language: the library's own
 * marker (`requiredMarker`) is titled "required" in English whatever the language.
 */
function RequiredMarker() {
  const { t } = useTranslation();
  return (
    <>
      {' '}
      <abbr title={t('form.requiredMarker')} className="usa-hint usa-hint--required">
        *
      </abbr>
    </>
  );
}

function FieldFrame(props: FieldProps & { children: React.ReactNode }) {
  return (
    <FormGroup error={Boolean(props.error)}>
      <Label htmlFor={props.id} error={Boolean(props.error)}>
        {props.label}
        {props.required && <RequiredMarker />}
      </Label>
      {props.hint && (
        <span className="usa-hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      )}
      {props.error && <ErrorMessage id={`${props.id}-error`}>{props.error}</ErrorMessage>}
      {props.children}
    </FormGroup>
  );
}

export function TextField(
  props: FieldProps & {
    value: string;
    onChange: (value: string) => void;
    /** The on-screen keyboard for a number typed as text (a count, hours). */
    inputMode?: 'numeric' | 'decimal';
  },
) {
  return (
    <FieldFrame {...props}>
      <TextInput
        type="text"
        inputMode={props.inputMode}
        {...controlProps(props)}
        validationStatus={props.error ? 'error' : undefined}
      />
    </FieldFrame>
  );
}

export function TextAreaField(props: FieldProps & { value: string; onChange: (value: string) => void }) {
  return (
    <FieldFrame {...props}>
      <Textarea {...controlProps(props)} error={Boolean(props.error)} />
    </FieldFrame>
  );
}

export function SelectField(
  props: FieldProps & {
    value: string;
    onChange: (value: string) => void;
    options: readonly { value: string; label: string }[];
    /** The first, empty option's label (no choice yet). */
    placeholder: string;
  },
) {
  return (
    <FieldFrame {...props}>
      <Select {...controlProps(props)} validationStatus={props.error ? 'error' : undefined}>
        <option value="">{props.placeholder}</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    </FieldFrame>
  );
}

/** A group of radios (one choice) or checkboxes (several) under a legend, the error tied to the group. */
export function ChoiceGroup(
  props: FieldProps & {
    multiple?: boolean;
    /** Tiles suit choices with a description (an agency and what it offers). */
    tile?: boolean;
    options: readonly { value: string; label: string; description?: string }[];
    selected: readonly string[];
    onChange: (selected: string[]) => void;
  },
) {
  const Control = props.multiple ? Checkbox : Radio;
  return (
    <FormGroup error={Boolean(props.error)}>
      <Fieldset
        legend={
          <>
            {props.label}
            {props.required && <RequiredMarker />}
          </>
        }
        aria-describedby={describedBy(props)}
      >
        {props.hint && (
          <span className="usa-hint" id={`${props.id}-hint`}>
            {props.hint}
          </span>
        )}
        {props.error && <ErrorMessage id={`${props.id}-error`}>{props.error}</ErrorMessage>}
        {props.options.map((option) => {
          const checked = props.selected.includes(option.value);
          return (
            <Control
              key={option.value}
              id={`${props.id}-${option.value}`}
              name={props.id}
              value={option.value}
              label={option.label}
              labelDescription={option.description}
              tile={props.tile}
              checked={checked}
              onChange={() =>
                props.onChange(
                  props.multiple
                    ? checked
                      ? props.selected.filter((value) => value !== option.value)
                      : [...props.selected, option.value]
                    : [option.value],
                )
              }
            />
          );
        })}
      </Fieldset>
    </FormGroup>
  );
}
