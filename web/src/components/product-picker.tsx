import { useCombobox } from 'downshift';
import {
  useId,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type Ref,
  type RefObject,
} from 'react';
import { Button } from '@/components/button';
import { CameraScan } from '@/components/camera-scan/camera-scan';
import { ProductThumb } from '@/components/product-thumb';
import { toPick } from '@/hooks/use-find-product-by-code';
import { useProductSearch, type SearchHit } from '@/hooks/use-product-search';
import { useSupplierItemSearch } from '@/hooks/use-supplier-items';
import type { ProductPick } from '@/lib/api/types';
import { formatCount } from '@/lib/format';
import { useNetworkStatus } from '@/lib/network-status';
import { useMoney } from '@/lib/store-access';
import { useDebouncedValue } from '@/lib/use-debounced-value';

interface ProductPickerProps {
  storeId: string;
  /** The field's label. */
  label: string;
  /** The search landmark's name: what picking is for ("Add products to the sale"). */
  formLabel: string;
  inputRef?: RefObject<HTMLInputElement | null>;
  /** A suggestion was chosen (arrows + Enter, or a tap). */
  onPick: (product: ProductPick) => void;
  /** Enter with no suggestion highlighted: a scanned or typed barcode / SKU to look up. */
  onCode: (code: string) => void;
  /** Shown under the field instead of the hint. */
  error?: string;
  busy?: boolean;
  autoFocus?: boolean;
  /** Suggest only this supplier's items (a purchase order's picker); a scanned code is any product. */
  supplierId?: string;
}

// Long enough that a wedge scanner's burst of keys asks nothing; short enough to feel instant.
const DEBOUNCE_MS = 180;

type DownshiftEvent = Event & { preventDownshiftDefault?: boolean };

function setRef<T>(ref: Ref<T> | undefined, value: T | null): void {
  if (typeof ref === 'function') ref(value);
  else if (ref) (ref as { current: T | null }).current = value;
}

function stock(p: ProductPick): string {
  if (p.quantity <= 0) return 'Out of stock';
  return `${p.lowStock ? 'Low: ' : ''}${p.quantity} on hand`;
}

/**
 * One field that is both a scanner input and a search box (the ARIA combobox pattern): typing
 * shows suggestions by name, brand, SKU or barcode; arrows move through them, Enter adds the
 * highlighted one, Escape closes them. Enter with nothing highlighted (a scanner ends every
 * code with Enter) hands the text over as a code, so a scan still adds at once.
 */
export function ProductPicker({
  storeId,
  label,
  formLabel,
  inputRef,
  onPick,
  onCode,
  error,
  busy,
  autoFocus,
  supplierId,
}: ProductPickerProps) {
  const money = useMoney();
  const network = useNetworkStatus();
  const id = useId();
  // What to search for. The field itself is downshift's: its value changes within the key
  // event, so a scanner's fast keys are never lost to a render that has not caught up.
  const [text, setText] = useState('');
  const settled = useDebouncedValue(text, DEBOUNCE_MS);
  // A supplier's items first; when none matches (a product not yet ordered from it), every
  // product, so an order can still name it.
  const ofSupplier = useSupplierItemSearch(storeId, supplierId, settled);
  const noneOfSupplier =
    Boolean(supplierId) &&
    ofSupplier.isSuccess &&
    !ofSupplier.isPlaceholderData &&
    ofSupplier.data.length === 0;
  const anyProduct = useProductSearch(storeId, !supplierId || noneOfSupplier ? settled : '');
  const search = supplierId && !noneOfSupplier ? ofSupplier : anyProduct;
  const items: SearchHit[] = text.trim() && settled.trim() ? (search.data ?? []) : [];

  // Downshift runs the field, the list and the keys; choosing is ours (below), so it never
  // holds a selection: the same product can be chosen again and again, and nothing it
  // remembers can later overwrite what is being typed.
  const combo = useCombobox<SearchHit>({
    items,
    itemToString: (item) => item?.name ?? '',
    itemToKey: (item) => item?.id,
    onInputValueChange: ({ inputValue }) => setText(inputValue ?? ''),
    stateReducer: (state, { type, changes }) =>
      // Leaving the field never adds anything to a sale.
      type === useCombobox.stateChangeTypes.InputBlur
        ? { ...changes, selectedItem: state.selectedItem, inputValue: state.inputValue }
        : changes,
  });
  const open = combo.isOpen && items.length > 0;

  function clear() {
    combo.reset();
    setText('');
  }

  function choose(item: SearchHit) {
    clear();
    onPick(toPick(item));
  }

  function submitCode(value: string) {
    const code = value.trim();
    clear();
    if (code) onCode(code);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    (event.nativeEvent as DownshiftEvent).preventDownshiftDefault = true;
    event.preventDefault();
    const highlighted = open ? items[combo.highlightedIndex] : undefined;
    if (highlighted) choose(highlighted);
    else submitCode(event.currentTarget.value);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submitCode(combo.inputValue);
    inputRef?.current?.focus();
  }

  const { ref: comboRef, ...inputProps } = combo.getInputProps({
    onKeyDown,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': `${id}-hint`,
  });
  // Both downshift and the page (to give focus back after a sale) hold the input.
  const setInput = (node: HTMLInputElement | null) => {
    setRef(comboRef, node);
    setRef(inputRef, node);
  };

  const hint = busy
    ? 'Looking up…'
    : search.isError && combo.inputValue.trim()
      ? 'Suggestions need a connection. Scanned codes of products seen today still work.'
      : open
        ? `${network !== 'online' ? 'Offline, from the copy on this device: ' : ''}${noneOfSupplier ? 'No item of this supplier matches; from all products: ' : ''}${formatCount(items.length, 'suggestion')}: arrow keys to choose, Enter to add.`
        : supplierId
          ? "Type to see this supplier's items, or scan any product. Enter adds a scanned code."
          : 'Type a name, brand, SKU or barcode, or scan. Enter adds a scanned code.';

  return (
    <form onSubmit={onSubmit} className="scan picker" role="search" aria-label={formLabel}>
      <div className={error ? 'field field--invalid scan__field' : 'field scan__field'}>
        <label {...combo.getLabelProps()}>{label}</label>
        <div className="picker__anchor">
          <input
            {...inputProps}
            ref={setInput}
            type="text"
            autoComplete="off"
            autoCorrect="off"
            autoCapitalize="off"
            spellCheck={false}
            enterKeyHint="enter"
            autoFocus={autoFocus}
          />
          <ul
            {...combo.getMenuProps({ 'aria-label': 'Product suggestions' })}
            className={open ? 'picker__menu' : 'picker__menu is-closed'}
          >
            {open &&
              items.map((item, index) => (
                <li
                  key={item.id}
                  {...combo.getItemProps({
                    item,
                    index,
                    onClick: (event) => {
                      (event.nativeEvent as DownshiftEvent).preventDownshiftDefault = true;
                      choose(item);
                    },
                  })}
                  className={
                    index === combo.highlightedIndex ? 'picker__item is-active' : 'picker__item'
                  }
                >
                  <ProductThumb storeId={storeId} product={item} className="picker__thumb" />
                  <span className="picker__name">{item.name}</span>
                  <span className="picker__price">{money(item.price)}</span>
                  <span className="picker__meta">
                    {[item.brand, `SKU ${item.sku}`].filter(Boolean).join(' · ')}
                  </span>
                  <span
                    className={
                      item.quantity <= 0 || item.lowStock
                        ? 'picker__stock picker__stock--low'
                        : 'picker__stock'
                    }
                  >
                    {stock(item)}
                  </span>
                </li>
              ))}
          </ul>
        </div>
        {error ? (
          <p className="field__error" id={`${id}-hint`} role="alert">
            {error}
          </p>
        ) : (
          <p className="field__hint" id={`${id}-hint`} aria-live="polite">
            {hint}
          </p>
        )}
      </div>
      <Button type="submit" variant="secondary" className="scan__button">
        Add item
      </Button>
      <CameraScan
        onCode={(code) => {
          clear();
          onCode(code);
        }}
      />
    </form>
  );
}
