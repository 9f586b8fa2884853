import { isRouteErrorResponse, Link, useRouteError } from 'react-router-dom';

export function NotFoundPage() {
  return (
    <div className="page page--narrow">
      <div className="card empty-state">
        <h1>Page not found</h1>
        <p>The page you are looking for does not exist or has moved.</p>
        <Link to="/" className="btn btn--primary">
          Go to your dashboard
        </Link>
      </div>
    </div>
  );
}

/** Last resort when a route throws while rendering. */
export function RouteErrorPage() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Unknown error';
  return (
    <main className="page page--narrow">
      <div className="card">
        <h1>Something went wrong</h1>
        <div className="banner banner--error" role="alert">
          {message}
        </div>
        <a href="/" className="btn btn--primary">
          Reload Nimbus
        </a>
      </div>
    </main>
  );
}

/** A screen's code did not arrive (the server or the network is down): the browser's words. */
const CHUNK_FAILURE =
  /Failed to fetch dynamically imported module|Importing a module script failed|error loading dynamically imported module|Loading chunk|Unable to preload CSS/i;

/**
 * In place of a screen that could not open, inside the layout (the header and the store's tabs
 * stay): a screen whose code could not be fetched says so in words and offers to try again;
 * any other error says what it was.
 */
export function ScreenErrorPage() {
  const error = useRouteError();
  const unreachable = error instanceof Error && CHUNK_FAILURE.test(error.message);
  if (!unreachable) return <RouteErrorPage />;
  return (
    <div className="page page--narrow">
      <div className="card empty-state">
        <h1>This screen could not be opened</h1>
        <div className="banner banner--error" role="alert">
          Nimbus could not load this screen: the server did not answer. Check your connection, then
          try again.
        </div>
        <button type="button" className="btn btn--primary" onClick={() => window.location.reload()}>
          Try again
        </button>
      </div>
    </div>
  );
}
