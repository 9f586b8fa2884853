import { useId } from 'react';

interface CheckGroupProps {
  legend: string;
  hint: string;
  options: ReadonlyArray<{ id: string; name: string }>;
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
  error?: string;
}

/** A multi-select as a group of checkboxes: every option labelled, reachable by keyboard. */
export function CheckGroup({ legend, hint, options, selected, onChange, error }: CheckGroupProps) {
  const id = useId();
  function toggle(optionId: string, on: boolean) {
    const next = new Set(selected);
    if (on) next.add(optionId);
    else next.delete(optionId);
    onChange(next);
  }
  return (
    <fieldset className="form__section" aria-describedby={`${id}-hint`}>
      <legend>{legend}</legend>
      <p className="field__hint" id={`${id}-hint`}>
        {hint}
      </p>
      {error && <p className="field__error">{error}</p>}
      <div className="check-grid">
        {options.map((option) => (
          <div className="field field--checkbox" key={option.id}>
            <input
              type="checkbox"
              id={`${id}-${option.id}`}
              checked={selected.has(option.id)}
              onChange={(e) => toggle(option.id, e.target.checked)}
            />
            <label htmlFor={`${id}-${option.id}`}>{option.name}</label>
          </div>
        ))}
        {!options.length && <p className="muted small">None yet.</p>}
      </div>
    </fieldset>
  );
}
