import { useState, type FormEvent } from 'react';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { ErrorBanner, StatusMessage } from '@/components/messages';
import { QueryState } from '@/components/query-state';
import { notificationKinds, type NotificationKind } from '@/lib/alert-kinds';
import { toApiError } from '@/lib/api-error';
import { useNotificationPreferences, useSavePreferences } from '../api/notifications';
import { PushDeviceControl } from './push-device-control';

type Channel = 'inApp' | 'email' | 'push';
const channels: { key: Channel; label: string }[] = [
  { key: 'inApp', label: 'In the app' },
  { key: 'email', label: 'By e-mail' },
  { key: 'push', label: 'By push' },
];

const toChoice = (v: boolean | null | undefined) => (v === true ? 'on' : v === false ? 'off' : '');
const fromChoice = (v: FormDataEntryValue | null) =>
  v === 'on' ? true : v === 'off' ? false : null;

/** Per kind and channel: the role's default (per store), always, or never. */
export function PreferencesCard() {
  const preferences = useNotificationPreferences();
  const save = useSavePreferences();
  const [saved, setSaved] = useState(false);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const kinds: Record<
      string,
      { inApp: boolean | null; email: boolean | null; push: boolean | null }
    > = {};
    for (const kind of Object.keys(notificationKinds)) {
      kinds[kind] = {
        inApp: fromChoice(form.get(`${kind}.inApp`)),
        email: fromChoice(form.get(`${kind}.email`)),
        push: fromChoice(form.get(`${kind}.push`)),
      };
    }
    const delivery = form.get('emailDelivery');
    const weekly = form.get('weeklySummary');
    setSaved(false);
    save.mutate(
      {
        kinds,
        emailDelivery: delivery === 'immediate' || delivery === 'digest' ? delivery : null,
        weeklySummary: fromChoice(weekly),
      },
      { onSuccess: () => setSaved(true) },
    );
  }

  return (
    <Card
      title="How you hear of alerts"
      description="“Role default” follows your role in each store: admins and managers hear of everything, employees of stock and expiry, viewers of nothing. Push shows on each device where you turn it on below."
    >
      <QueryState query={preferences} loading="Loading your choices…">
        {(current) => (
          <form onSubmit={onSubmit} className="form" key={JSON.stringify(current)}>
            <table className="table" aria-label="Notification choices">
              <thead>
                <tr>
                  <th scope="col">Alert</th>
                  {channels.map((c) => (
                    <th scope="col" key={c.key}>
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {(Object.keys(notificationKinds) as NotificationKind[]).map((kind) => (
                  <tr key={kind}>
                    <th scope="row">{notificationKinds[kind]}</th>
                    {channels.map((c) => (
                      <td key={c.key}>
                        <select
                          name={`${kind}.${c.key}`}
                          aria-label={`${notificationKinds[kind]}: ${c.label.toLowerCase()}`}
                          defaultValue={toChoice(current.kinds[kind]?.[c.key])}
                        >
                          <option value="">Role default</option>
                          <option value="on">Always</option>
                          <option value="off">Never</option>
                        </select>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="field">
              <label htmlFor="email-delivery">E-mails</label>
              <select
                id="email-delivery"
                name="emailDelivery"
                defaultValue={current.emailDelivery ?? ''}
              >
                <option value="">Role default (a daily digest for admins and managers)</option>
                <option value="immediate">One e-mail per alert, at once</option>
                <option value="digest">One e-mail a day (07:00 store time)</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor="weekly-summary">Weekly summary e-mail (Mondays 09:00)</label>
              <select
                id="weekly-summary"
                name="weeklySummary"
                defaultValue={toChoice(current.weeklySummary)}
              >
                <option value="">Role default (on for admins and managers)</option>
                <option value="on">Always</option>
                <option value="off">Never</option>
              </select>
            </div>
            {saved && !save.isPending && <StatusMessage>Your choices are saved.</StatusMessage>}
            <ErrorBanner>{save.error ? toApiError(save.error).message : undefined}</ErrorBanner>
            <div className="form__actions">
              <Button type="submit" busy={save.isPending} busyLabel="Saving…">
                Save choices
              </Button>
            </div>
          </form>
        )}
      </QueryState>
      <PushDeviceControl />
    </Card>
  );
}
