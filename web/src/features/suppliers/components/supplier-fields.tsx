import { SelectField, TextAreaField, TextField } from '@/components/form-field';
import type { Supplier } from '../api/types';
import { COUNTRY_OPTIONS } from './country-options';
import { SUPPLIER_STATUS_OPTIONS } from './supplier-status-options';

interface SupplierFieldsProps {
  initial?: Supplier;
  error: (name: string) => string | undefined;
}

export function SupplierFields({ initial, error }: SupplierFieldsProps) {
  const text = (name: keyof Supplier) => (initial?.[name] as string | null | undefined) ?? '';
  return (
    <>
      <div className="form__grid">
        <TextField
          label="Supplier name"
          name="name"
          maxLength={100}
          defaultValue={text('name')}
          error={error('name')}
        />
        <SelectField
          label="Status"
          name="status"
          defaultValue={initial?.status ?? 'active'}
          options={SUPPLIER_STATUS_OPTIONS}
          error={error('status')}
        />
        <TextField
          label="Contact person"
          name="contactPerson"
          defaultValue={text('contactPerson')}
          error={error('contactPerson')}
        />
      </div>
      <div className="form__grid">
        <TextField
          label="Email"
          name="email"
          type="email"
          defaultValue={text('email')}
          error={error('email')}
        />
        <TextField
          label="Phone"
          name="phone"
          type="tel"
          defaultValue={text('phone')}
          error={error('phone')}
        />
        <TextField
          label="Website"
          name="website"
          type="url"
          placeholder="https://"
          defaultValue={text('website')}
          error={error('website')}
        />
      </div>
      <TextField
        label="Address"
        name="address"
        defaultValue={text('address')}
        error={error('address')}
      />
      <div className="form__grid">
        <TextField label="City" name="city" defaultValue={text('city')} error={error('city')} />
        <TextField label="State" name="state" defaultValue={text('state')} error={error('state')} />
        <TextField
          label="ZIP / postal code"
          name="zip"
          defaultValue={text('zip')}
          error={error('zip')}
        />
        <SelectField
          label="Country"
          name="country"
          defaultValue={initial?.country ?? ''}
          options={COUNTRY_OPTIONS}
          error={error('country')}
        />
      </div>
      <div className="form__grid">
        <TextField
          label="Payment terms"
          name="paymentTerms"
          placeholder="Net 30"
          defaultValue={text('paymentTerms')}
          error={error('paymentTerms')}
        />
        <TextField
          label="Lead time (days)"
          name="leadTimeDays"
          type="number"
          inputMode="numeric"
          min={0}
          max={365}
          defaultValue={initial?.leadTimeDays ?? ''}
          error={error('leadTimeDays')}
        />
        <TextField
          label="Tax ID"
          name="taxId"
          autoComplete="off"
          hint={
            initial?.taxIdLast4
              ? `Stored encrypted, ends in ${initial.taxIdLast4}. Leave empty to keep it.`
              : 'Stored encrypted; only the last 4 characters are shown afterwards.'
          }
          error={error('taxId')}
        />
      </div>
      <TextAreaField
        label="Notes"
        name="notes"
        defaultValue={text('notes')}
        error={error('notes')}
      />
    </>
  );
}
