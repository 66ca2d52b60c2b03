import type { ServiceRequestDetail } from '@unionhub/contracts';
import { formatFormValue } from '@unionhub/contracts';
import {
  Button,
  Dialog,
  DotLoading,
  ErrorBlock,
  List,
  NavBar,
  Rate,
  Steps,
  Tag,
  TextArea,
  Toast,
} from 'antd-mobile';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { describeError } from '../../../lib/errors';
import { MemberCaseSection } from '../../legal-aid/components/member-case-section';
import { downloadMyFile, getMyRequest, rateRequest, sendMessage, withdrawRequest } from '../api';
import { RequestFiles } from '../components/request-files';
import { deadlineInfo } from '../form-values';
import { currentStep, REQUEST_STEPS, STATE_COLORS } from '../request-steps';

const time = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', {
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });

export function RequestPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const [request, setRequest] = useState<ServiceRequestDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [rating, setRating] = useState(0);
  const [ratingComment, setRatingComment] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => getMyRequest(id).then(setRequest, setError), [id]);
  useEffect(() => {
    void load();
  }, [load]);

  const run = async (work: () => Promise<ServiceRequestDetail>, done?: string) => {
    setBusy(true);
    try {
      setRequest(await work());
      if (done) Toast.show({ icon: 'success', content: done });
    } catch (err) {
      Toast.show({ content: describeError(err, t).message });
    } finally {
      setBusy(false);
    }
  };

  if (error)
    return (
      <div className="uhm-page">
        <NavBar onBack={() => navigate(-1)}>{t('hall.myRequests')}</NavBar>
        <ErrorBlock status="default" title={describeError(error, t).message} description="" />
      </div>
    );
  if (!request)
    return (
      <div className="uhm-page">
        <NavBar onBack={() => navigate(-1)}>{t('hall.myRequests')}</NavBar>
        <DotLoading />
      </div>
    );

  const step = currentStep(request.state);
  const can = (action: string) => request.allowedActions.includes(action);
  const due = request.state === 'submitted' ? request.acceptDueAt : request.completeDueAt;
  const deadline = ['submitted', 'accepted', 'in_progress'].includes(request.state)
    ? deadlineInfo(due)
    : null;

  return (
    <div className="uhm-page">
      <NavBar onBack={() => navigate('/m/requests')}>{request.serviceName}</NavBar>
      <section className="uhm-card">
        <div className="uhm-request-head">
          <h1 className="uhm-page-title">{request.serviceName}</h1>
          <Tag color={STATE_COLORS[request.state]} data-testid="request-state">
            {t(`hall.states.${request.state}`)}
          </Tag>
        </div>
        <p className="uhm-muted">
          {t('hall.requestNo', { id: request.id })} · {t('hall.handlingUnion')}：{request.org.name}
        </p>
        {deadline && due && (
          <p className={deadline.overdue ? 'uhm-ff-error' : 'uhm-muted'}>
            {request.state === 'submitted'
              ? t('hall.acceptBy', { date: new Date(due).toLocaleDateString('zh-CN') })
              : t('hall.completeBy', { date: new Date(due).toLocaleDateString('zh-CN') })}
            {deadline.overdue ? ` · ${t('hall.overdue')}` : ''}
          </p>
        )}
        <Steps current={step.index}>
          {REQUEST_STEPS.map((s, i) => (
            <Steps.Step
              key={s}
              title={t(`hall.steps.${s}`)}
              status={i < step.index ? 'finish' : i === step.index ? step.status : 'wait'}
            />
          ))}
        </Steps>
      </section>

      {request.requestType === 'legal_aid' && (
        <MemberCaseSection requestId={request.id} version={request.updatedAt} />
      )}

      {can('rate') && (
        <section className="uhm-card" data-testid="rate-card">
          <h2 className="uhm-card-title">{t('hall.rateTitle')}</h2>
          <p className="uhm-muted">{t('hall.ratePrompt')}</p>
          <fieldset className="uhm-stars" aria-label={t('hall.ratePrompt')}>
            {[1, 2, 3, 4, 5].map((n) => (
              <button
                key={n}
                type="button"
                aria-pressed={rating === n}
                aria-label={t('hall.stars', { count: n })}
                className={n <= rating ? 'uhm-star uhm-star-on' : 'uhm-star'}
                onClick={() => setRating(n)}
              >
                ★
              </button>
            ))}
            {rating > 0 && <span className="uhm-star-text">{t(`hall.ratingWords.r${rating}`)}</span>}
          </fieldset>
          <TextArea
            placeholder={t('hall.rateComment')}
            value={ratingComment}
            onChange={setRatingComment}
            rows={2}
            maxLength={500}
          />
          <Button
            block
            color="primary"
            disabled={rating === 0}
            loading={busy}
            onClick={() =>
              run(
                () => rateRequest(request.id, rating, ratingComment.trim() || undefined),
                t('hall.rateDone'),
              )
            }
          >
            {t('hall.actions.rate')}
          </Button>
        </section>
      )}
      {request.rating !== null && (
        <section className="uhm-card">
          <h2 className="uhm-card-title">{t('hall.rateTitle')}</h2>
          <Rate readOnly value={request.rating} />
          <p className="uhm-muted">
            {t('hall.rated', { rating: request.rating })}
            {request.ratingComment ? `：${request.ratingComment}` : ''}
          </p>
        </section>
      )}

      {(can('withdraw') || can('resubmit')) && (
        <div className="uhm-page-actions uhm-row">
          {can('resubmit') && (
            <Button color="primary" onClick={() => navigate(`/m/requests/${request.id}/resubmit`)}>
              {t('hall.resubmitTitle')}
            </Button>
          )}
          {can('withdraw') && (
            <Button
              color="danger"
              fill="outline"
              loading={busy}
              onClick={async () => {
                const ok = await Dialog.confirm({
                  content: t('hall.withdrawConfirm'),
                  confirmText: t('hall.actions.withdraw'),
                  cancelText: t('common.cancel'),
                });
                if (ok) await run(() => withdrawRequest(request.id));
              }}
            >
              {t('hall.actions.withdraw')}
            </Button>
          )}
        </div>
      )}

      <section className="uhm-card">
        <h2 className="uhm-card-title">{t('hall.timeline')}</h2>
        <Steps direction="vertical" current={request.events.length - 1} data-testid="timeline">
          {[...request.events].reverse().map((e) => (
            <Steps.Step
              key={e.id}
              status="finish"
              title={`${t(`hall.actions.${e.action}`, { defaultValue: e.action })} · ${e.actorName}`}
              description={
                <div className="uhm-event">
                  <div className="uhm-muted">
                    {time(e.createdAt)}
                    {e.orgName ? ` · ${e.orgName}` : ''}
                  </div>
                  {e.comment && <div className="uhm-prewrap">{e.comment}</div>}
                  <RequestFiles files={e.attachments} open={(a) => downloadMyFile(request.id, a.id)} />
                </div>
              }
            />
          ))}
        </Steps>
      </section>

      <section className="uhm-card">
        <h2 className="uhm-card-title">{t('hall.formData')}</h2>
        <List>
          {request.form.fields.map((f) => (
            <List.Item key={f.key} extra={formatFormValue(f, request.data[f.key]) || t('common.empty')}>
              {f.label}
            </List.Item>
          ))}
        </List>
        {request.attachments.length > 0 && (
          <>
            <h3 className="uhm-card-subtitle">{t('hall.files')}</h3>
            <RequestFiles files={request.attachments} open={(a) => downloadMyFile(request.id, a.id)} />
          </>
        )}
      </section>

      <section className="uhm-card">
        <h2 className="uhm-card-title">{t('hall.messages')}</h2>
        {request.messages.length === 0 && <p className="uhm-muted">{t('hall.noMessages')}</p>}
        <ul className="uhm-messages">
          {request.messages.map((m) => (
            <li key={m.id} className={m.authorType === 'member' ? 'uhm-message-mine' : 'uhm-message-union'}>
              <div className="uhm-muted">
                {m.authorType === 'member' ? t('hall.me') : m.authorName} · {time(m.createdAt)}
              </div>
              <div className="uhm-prewrap">{m.text}</div>
            </li>
          ))}
        </ul>
        {can('message') && (
          <div className="uhm-message-box">
            <TextArea
              placeholder={t('hall.messagePlaceholder')}
              value={message}
              onChange={setMessage}
              rows={2}
              maxLength={1000}
            />
            <Button
              size="small"
              color="primary"
              disabled={!message.trim()}
              loading={busy}
              onClick={() =>
                run(async () => {
                  const saved = await sendMessage(request.id, message.trim());
                  setMessage('');
                  return saved;
                })
              }
            >
              {t('hall.send')}
            </Button>
          </div>
        )}
      </section>
    </div>
  );
}
