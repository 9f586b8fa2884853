import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigation } from 'react-router-dom';
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
  // A link followed while the search still waits for its pause (a result clicked at once):
  // reporting the search now would put the list back in place of the page being opened.
  const { pathname } = useLocation();
  const navigation = useNavigation();
  const leaving = navigation.state !== 'idle' && navigation.location.pathname !== pathname;

  useEffect(() => {
    if (leaving || settled === reported.current) return;
    reported.current = settled;
    onSearch(settled);
  }, [settled, onSearch, leaving]);

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
