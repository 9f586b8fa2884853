import { useEffect, useRef, useState } from 'react';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { TextField } from './form-field';

interface SearchBoxProps {
  label: string;
  value: string;
  onSearch: (value: string) => void;
  placeholder?: string;
}

/** A search field that reports what was typed once typing pauses. */
export function SearchBox({ label, value, onSearch, placeholder }: SearchBoxProps) {
  const [typed, setTyped] = useState(value);
  const settled = useDebouncedValue(typed.trim(), 300);
  const reported = useRef(value);

  useEffect(() => {
    if (settled === reported.current) return;
    reported.current = settled;
    onSearch(settled);
  }, [settled, onSearch]);

  return (
    <TextField
      label={label}
      name="search"
      type="search"
      value={typed}
      placeholder={placeholder}
      autoComplete="off"
      onChange={(e) => setTyped(e.target.value)}
    />
  );
}
