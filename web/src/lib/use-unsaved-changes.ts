import { useCallback, useEffect, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { useBlocker, type Blocker, type BlockerFunction } from 'react-router-dom';

function snapshot(form: HTMLFormElement): string {
  const entries: Array<[string, string]> = [];
  new FormData(form).forEach((value, key) => {
    entries.push([key, typeof value === 'string' ? value : value.name]);
  });
  return JSON.stringify(entries);
}

/**
 * Whether an uncontrolled form differs from what it showed when it appeared (typing a value
 * and deleting it again is no change). Spread `formProps` on the <form>.
 */
export function useFormDirty() {
  const initial = useRef('');
  const [dirty, setDirty] = useState(false);
  const ref = useCallback((form: HTMLFormElement | null) => {
    if (!form) return;
    initial.current = snapshot(form);
    setDirty(false);
  }, []);
  const check = useCallback(
    (event: FormEvent<HTMLFormElement>) =>
      setDirty(snapshot(event.currentTarget) !== initial.current),
    [],
  );
  return {
    dirty,
    formProps: { ref, onInput: check, onChange: check, onReset: () => setDirty(false) },
  };
}

/**
 * While `dirty`, leaving the page asks first: an in-app navigation shows the caller's
 * <UnsavedChangesDialog> (react-router's blocker), a reload or a closed tab the browser's own
 * prompt (`beforeunload`). Call `allowNavigation()` right before navigating away on purpose
 * (after a save, or on Cancel): it holds until the page goes.
 */
export function useUnsavedChanges(dirty: boolean): {
  blocker: Blocker;
  allowNavigation: () => void;
} {
  const state = useRef({ dirty, allowed: false });
  useLayoutEffect(() => {
    state.current.dirty = dirty;
  }, [dirty]);
  const blocker = useBlocker(
    useCallback<BlockerFunction>(
      ({ currentLocation, nextLocation }) =>
        state.current.dirty &&
        !state.current.allowed &&
        (currentLocation.pathname !== nextLocation.pathname ||
          currentLocation.search !== nextLocation.search),
      [],
    ),
  );

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const allowNavigation = useCallback(() => {
    state.current.allowed = true;
  }, []);
  return { blocker, allowNavigation };
}
