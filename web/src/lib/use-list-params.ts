import { useSearchParams } from 'react-router-dom';

type Changes = Record<string, string | number | undefined | null>;

/**
 * List state (filters, sort, page) kept in the URL, so a filtered list can be linked to,
 * reloaded and left with the back button. Changing a filter goes back to page 1.
 */
export function useListParams() {
  const [params, setParams] = useSearchParams();

  function update(changes: Changes, { keepPage = false } = {}) {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value === undefined || value === null || value === '') next.delete(key);
          else next.set(key, String(value));
        }
        if (!keepPage) next.delete('page');
        return next;
      },
      { replace: true },
    );
  }

  return {
    get: (key: string): string => params.get(key) ?? '',
    page: Math.max(1, Number(params.get('page')) || 1),
    update,
    setPage: (page: number) => update({ page: page > 1 ? page : undefined }, { keepPage: true }),
  };
}
