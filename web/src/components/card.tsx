import { useId, type ReactNode } from 'react';

interface CardProps {
  title?: string;
  description?: ReactNode;
  actions?: ReactNode;
  tone?: 'default' | 'danger';
  children: ReactNode;
}

/** A titled card is a named region, so tests and screen readers can find it by its title. */
export function Card({ title, description, actions, tone = 'default', children }: CardProps) {
  const titleId = useId();
  return (
    <section
      className={tone === 'danger' ? 'card card--danger' : 'card'}
      aria-labelledby={title ? titleId : undefined}
    >
      {(title || actions) && (
        <header className="card__header">
          <div>
            {title && (
              <h2 className="card__title" id={titleId}>
                {title}
              </h2>
            )}
            {description && <p className="card__description">{description}</p>}
          </div>
          {actions && <div className="card__actions">{actions}</div>}
        </header>
      )}
      {children}
    </section>
  );
}

export function PageHeader({
  title,
  subtitle,
  actions,
}: {
  title: string;
  subtitle?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className={actions ? 'page-header page-header--actions' : 'page-header'}>
      <div>
        <h1>{title}</h1>
        {subtitle && <p className="page-header__subtitle">{subtitle}</p>}
      </div>
      {actions && <div className="page-header__actions">{actions}</div>}
    </div>
  );
}
