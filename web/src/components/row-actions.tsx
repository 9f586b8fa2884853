import { Button } from './button';
import { ConfirmAction } from './confirm-action';

interface Props {
  /** What the row is called, for screen readers and the delete confirmation. */
  subject: string;
  onEdit?: () => void;
  onDelete?: () => void;
  /** While the delete runs; a deferred delete (with Undo) has nothing to wait for. */
  deleting?: boolean;
}

/** The Edit / Delete cell of a list row; each action shows only when its handler is given. */
export function RowActions({ subject, onEdit, onDelete, deleting = false }: Props) {
  return (
    <td className="table__actions">
      {onEdit && (
        <Button variant="ghost" onClick={onEdit}>
          Edit<span className="visually-hidden"> {subject}</span>
        </Button>
      )}
      {onDelete && (
        <ConfirmAction action="Delete" subject={subject} busy={deleting} onConfirm={onDelete} />
      )}
    </td>
  );
}
