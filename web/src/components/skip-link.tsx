import type { MouseEvent } from 'react';

/**
 * The first thing the Tab key reaches: jumps past the header and the store's tabs to the page
 * itself. Hidden until focused. It moves the focus itself instead of changing the URL's hash,
 * which the router would take for a navigation.
 */
export function SkipLink({ target }: { target: string }) {
  function skip(event: MouseEvent<HTMLAnchorElement>) {
    const main = document.getElementById(target);
    if (!main) return;
    event.preventDefault();
    main.focus();
    main.scrollIntoView();
  }
  return (
    <a href={`#${target}`} className="skip-link" onClick={skip}>
      Skip to content
    </a>
  );
}
