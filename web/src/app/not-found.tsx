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
