import type { ConsultationDetail } from '@unionhub/contracts';
import { Button, DotLoading, ErrorBlock, NavBar, Rate, Steps, Tag, TextArea, Toast } from 'antd-mobile';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { describeError } from '../../../lib/errors';
import { RequestFiles } from '../../service-hall/components/request-files';
import { downloadConsultationFile, followUp, getMyConsultation, rateConsultation } from '../api';
import { MOBILE_STATE_COLORS, shortTime } from '../format';

/** One consultation: the question, the conversation with the lawyer, a follow-up box, the rating. */
export function ConsultationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const [detail, setDetail] = useState<ConsultationDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState('');
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => getMyConsultation(id).then(setDetail, setError), [id]);
  useEffect(() => {
    void load();
  }, [load]);

  const run = async (work: () => Promise<ConsultationDetail>, done?: string) => {
    setBusy(true);
    try {
      setDetail(await work());
      if (done) Toast.show({ icon: 'success', content: done });
      return true;
    } catch (err) {
      Toast.show({ content: describeError(err, t).message });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const back = () => navigate('/m/legal/consultations');
  if (error)
    return (
      <div className="uhm-page">
        <NavBar onBack={back}>{t('memberLegal.mine')}</NavBar>
        <ErrorBlock status="default" title={describeError(error, t).message} description="" />
      </div>
    );
  if (!detail)
    return (
      <div className="uhm-page">
        <NavBar onBack={back}>{t('memberLegal.mine')}</NavBar>
        <DotLoading />
      </div>
    );
  const can = (a: string) => detail.allowedActions.includes(a);
  const open = (a: { id: number }) => downloadConsultationFile(detail.id, a.id);

  return (
    <div className="uhm-page">
      <NavBar onBack={back}>{t('memberLegal.title')}</NavBar>
      <section className="uhm-card">
        <div className="uhm-request-head">
          <h1 className="uhm-page-title">{t(`legalConsult.fields.${detail.field}`)}</h1>
          <Tag color={MOBILE_STATE_COLORS[detail.state]} data-testid="consultation-state">
            {t(`legalConsult.states.${detail.state}`)}
          </Tag>
        </div>
        <p className="uhm-muted">
          {t('memberLegal.askedAt', { time: shortTime(detail.askedAt) })} ·{' '}
          {detail.lawyer
            ? t('memberLegal.lawyer', { name: detail.lawyer.name })
            : t('memberLegal.waitingLawyer')}
        </p>
      </section>

      <section className="uhm-card">
        <h2 className="uhm-card-title">{t('memberLegal.thread')}</h2>
        <ul className="uhm-messages" data-testid="thread">
          <li className="uhm-message-mine">
            <div className="uhm-muted">
              {t('memberLegal.question')} · {shortTime(detail.askedAt)}
            </div>
            <div className="uhm-prewrap">{detail.text}</div>
            <RequestFiles files={detail.attachments} open={open} />
          </li>
          {detail.messages.map((m) => (
            <li key={m.id} className={m.authorType === 'member' ? 'uhm-message-mine' : 'uhm-message-union'}>
              <div className="uhm-muted">
                {m.authorType === 'member' ? t('memberLegal.me') : m.authorName} · {shortTime(m.createdAt)}
              </div>
              <div className="uhm-prewrap">{m.text}</div>
              <RequestFiles files={m.attachments} open={open} />
            </li>
          ))}
        </ul>
        {can('follow_up') ? (
          <div className="uhm-message-box">
            <TextArea
              placeholder={t('memberLegal.followUpPlaceholder')}
              value={message}
              onChange={setMessage}
              rows={2}
              maxLength={2000}
            />
            <Button
              size="small"
              color="primary"
              disabled={!message.trim()}
              loading={busy}
              onClick={async () => {
                if (await run(() => followUp(detail.id, message.trim()))) setMessage('');
              }}
            >
              {t('memberLegal.send')}
            </Button>
          </div>
        ) : (
          detail.state === 'closed' && <p className="uhm-muted">{t('memberLegal.closedNote')}</p>
        )}
      </section>

      {detail.firstAnsweredAt && (
        <section className="uhm-card">
          <p className="uhm-muted">{t('legalAid.applyHint')}</p>
          <Button
            block
            color="primary"
            fill="outline"
            data-testid="apply-legal-aid"
            onClick={() => navigate(`/m/legal/consultations/${detail.id}/legal-aid`)}
          >
            {t('legalAid.apply')}
          </Button>
        </section>
      )}

      {can('rate') && (
        <section className="uhm-card" data-testid="rate-card">
          <h2 className="uhm-card-title">{t('memberLegal.rateTitle')}</h2>
          <p className="uhm-muted">{t('memberLegal.ratePrompt')}</p>
          <fieldset className="uhm-stars" aria-label={t('memberLegal.ratePrompt')}>
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
            placeholder={t('memberLegal.rateComment')}
            value={comment}
            onChange={setComment}
            rows={2}
            maxLength={500}
          />
          <Button
            block
            color="primary"
            disabled={rating === 0}
            loading={busy}
            onClick={() => {
              void run(
                () => rateConsultation(detail.id, rating, comment.trim() || undefined),
                t('memberLegal.rateDone'),
              );
            }}
          >
            {t('memberLegal.rate')}
          </Button>
        </section>
      )}
      {detail.rating !== null && (
        <section className="uhm-card">
          <h2 className="uhm-card-title">{t('memberLegal.rateTitle')}</h2>
          <Rate readOnly value={detail.rating} />
          <p className="uhm-muted">
            {t('memberLegal.rated', { rating: detail.rating })}
            {detail.ratingComment ? `：${detail.ratingComment}` : ''}
          </p>
        </section>
      )}

      <section className="uhm-card">
        <h2 className="uhm-card-title">{t('memberLegal.steps')}</h2>
        <Steps direction="vertical" current={detail.events.length - 1}>
          {[...detail.events].reverse().map((e) => (
            <Steps.Step
              key={e.id}
              status="finish"
              title={t(`legalConsult.events.${e.action}`, { defaultValue: e.action })}
              description={
                <div className="uhm-event">
                  <div className="uhm-muted">
                    {shortTime(e.createdAt)}
                    {e.orgName ? ` · ${e.orgName}` : ''}
                  </div>
                  {e.comment && <div className="uhm-prewrap">{e.comment}</div>}
                </div>
              }
            />
          ))}
        </Steps>
      </section>
    </div>
  );
}
