import { useIsFetching, useIsMutating } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

// Anything quicker than this would only flicker.
const SHOW_AFTER_MS = 300;

/** A thin bar at the top of the window while a request has been running for a moment. */
export function TopProgress() {
  const busy = useIsFetching() + useIsMutating() > 0;
  const [shown, setShownFor] = useState(false);

  useEffect(() => {
    if (!busy) return;
    const timer = setTimeout(() => setShownFor(true), SHOW_AFTER_MS);
    return () => {
      clearTimeout(timer);
      setShownFor(false);
    };
  }, [busy]);

  if (!busy || !shown) return null;
  return <div className="top-progress" role="progressbar" aria-label="Loading" />;
}
