// Webhooks: subscriptions of receivers to story events (the secret is shown once, at creation), their delivery
// log, and stopping one.
import { useEffect, useState } from 'preact/hooks';
import { ErrorMessage, Loading } from '../components';
import { formatDate, t } from '../i18n';
import { useServerList } from './use_server_list';
import { adminApi, kWebhookEvents, type Delivery, type Webhook } from './admin_api';
import { FieldError, OtherProblems, problemsOf, type FieldProblems } from './form_problems';

function Deliveries({ webhook }: { webhook: Webhook }) {
  const [deliveries, setDeliveries] = useState<Delivery[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    adminApi.deliveries(webhook.id).then((list) => setDeliveries(list.deliveries), setError);
  }, [webhook.id]);
  if (error) return <ErrorMessage error={error} />;
  if (!deliveries) return <Loading />;
  return deliveries.length ? (
    <ul class="deliveries">
      {deliveries.map((delivery) => (
        <li data-user-content>
          {formatDate(delivery.created_at)} · {delivery.event} · {delivery.state} · {delivery.attempts}
          {delivery.last_status ? ` · HTTP ${delivery.last_status}` : ''}
          {delivery.last_error ? ` · ${delivery.last_error}` : ''}
        </li>
      ))}
    </ul>
  ) : (
    <p class="muted">{t('app-admin-webhook-no-delivery')}</p>
  );
}

export function WebhooksAdmin() {
  const { items: webhooks, error, setError, reload } = useServerList(() => adminApi.webhooks().then((list) => list.webhooks));
  const [problems, setProblems] = useState<FieldProblems>({});
  const [secret, setSecret] = useState('');
  const [open, setOpen] = useState<number | null>(null);


  async function add(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    setProblems({});
    setSecret('');
    try {
      const created = await adminApi.addWebhook(String(data.get('url') ?? ''), data.getAll('events').map(String));
      setSecret(created.secret);
      form.reset();
      await reload();
    } catch (failure) {
      setProblems(problemsOf(failure));
    }
  }

  async function disable(webhook: Webhook) {
    try {
      await adminApi.disableWebhook(webhook.id);
      await reload();
    } catch (failure) {
      setError(failure);
    }
  }

  if (error) return <ErrorMessage error={error} />;
  if (!webhooks) return <Loading />;
  return (
    <>
      {webhooks.length ? (
        <ul class="cards admin-list">
          {webhooks.map((webhook) => (
            <li class="card">
              <div class="card-head">
                <h3 class="webhook-url" data-user-content>
                  {webhook.url}
                </h3>
                <span class="badge">{webhook.active ? t('app-admin-webhook-active') : t('app-admin-webhook-disabled')}</span>
              </div>
              <p class="muted" data-user-content>
                {webhook.events.join(', ')} · {formatDate(webhook.created_at)}
              </p>
              <div class="buttons">
                <button type="button" aria-expanded={open === webhook.id} onClick={() => setOpen(open === webhook.id ? null : webhook.id)}>
                  {t('app-admin-webhook-deliveries')}
                </button>
                {webhook.active ? (
                  <button type="button" onClick={() => disable(webhook)}>
                    {t('app-admin-webhook-disable')}
                  </button>
                ) : null}
              </div>
              {open === webhook.id ? <Deliveries webhook={webhook} /> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('app-admin-webhooks-none')}</p>
      )}
      <form class="panel stack" onSubmit={add} aria-labelledby="webhook-add-title">
        <h2 id="webhook-add-title">{t('app-admin-webhook-add')}</h2>
        <label>
          {t('app-admin-webhook-url')}
          <input name="url" type="url" required />
          <FieldError problems={problems} field="url" />
        </label>
        <fieldset class="tag-choices">
          <legend>{t('app-admin-webhook-events')}</legend>
          {kWebhookEvents.map((name) => (
            <label class="check">
              <input type="checkbox" name="events" value={name} defaultChecked />
              <code data-user-content>{name}</code>
            </label>
          ))}
          <FieldError problems={problems} field="events" />
        </fieldset>
        <OtherProblems problems={problems} shown={['url', 'events']} />
        <button type="submit" class="primary">
          {t('app-admin-webhook-submit')}
        </button>
      </form>
      {secret ? (
        <section class="panel" role="status" aria-labelledby="secret-title">
          <h2 id="secret-title">{t('app-admin-webhook-secret-title')}</h2>
          <p>{t('app-admin-webhook-secret-once')}</p>
          <p>
            <code class="secret" data-user-content>
              {secret}
            </code>
          </p>
        </section>
      ) : null}
    </>
  );
}
