import { Button, ErrorBlock, NavBar, SpinLoading } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { describeError } from '../../../lib/errors';
import { CardQr } from '../components/card-qr';
import { useMyCard } from '../hooks/use-my-card';
import '../member-card.css';

/** 4101 0526 0000 0017: as printed on the card. */
const grouped = (cardNo: string) => cardNo.replace(/(\d{4})(?=\d)/g, '$1 ');

export function MemberCardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { state, refresh } = useMyCard();

  return (
    <div className="uhm-cardpage">
      <NavBar className="uhm-cardpage-nav" onBack={() => navigate('/m')}>
        {t('memberCard.title')}
      </NavBar>
      {state.kind === 'loading' && (
        <div className="uhm-cardpage-center">
          <SpinLoading color="primary" />
        </div>
      )}
      {state.kind === 'error' && (
        <ErrorBlock
          status="default"
          title={t('common.loadFailed')}
          description={describeError(state.error, t).message}
        >
          <Button color="primary" onClick={refresh}>
            {t('common.retry')}
          </Button>
        </ErrorBlock>
      )}
      {state.kind === 'none' && (
        <ErrorBlock
          className="uhm-cardpage-empty"
          status="empty"
          title={t('memberCard.emptyTitle')}
          description={t('memberCard.emptyText')}
        >
          <Button color="primary" shape="rounded" onClick={() => navigate('/m/join')}>
            {t('memberCard.emptyAction')}
          </Button>
        </ErrorBlock>
      )}
      {state.kind === 'card' && (
        <>
          <section className="uhm-membercard" aria-label={t('memberCard.header')}>
            <div className="uhm-membercard-head">
              <span className="uhm-membercard-emblem" aria-hidden="true">
                工
              </span>
              <span>
                <span className="uhm-membercard-title">{t('memberCard.header')}</span>
                <span className="uhm-membercard-sub">{t('memberCard.headerSub')}</span>
              </span>
            </div>
            <dl className="uhm-membercard-fields">
              <div>
                <dt>{t('memberCard.name')}</dt>
                <dd className="uhm-membercard-name">{state.card.memberName}</dd>
              </div>
              <div>
                <dt>{t('memberCard.union')}</dt>
                <dd>{state.card.orgName}</dd>
              </div>
            </dl>
            <div className="uhm-membercard-no" data-testid="card-no">
              {grouped(state.card.cardNo)}
            </div>
            <span className={`uhm-membercard-status uhm-membercard-status-${state.card.status}`}>
              {t(`memberCard.statuses.${state.card.status}`)}
            </span>
          </section>
          {state.card.status === 'active' ? (
            <section className="uhm-card uhm-cardqr">
              <h2 className="uhm-cardqr-title">{t('memberCard.qrTitle')}</h2>
              <CardQr token={state.card.token} alt={t('memberCard.qrAlt')} />
              <div className="uhm-cardqr-countdown" aria-live="polite">
                {state.refreshing
                  ? t('memberCard.refreshing')
                  : t('memberCard.refreshIn', { seconds: state.secondsLeft })}
              </div>
              <Button size="small" fill="none" color="primary" onClick={refresh}>
                {t('memberCard.refresh')}
              </Button>
              <p className="uhm-cardqr-note">{t('memberCard.note')}</p>
            </section>
          ) : (
            <section className="uhm-card uhm-cardqr">
              <p className="uhm-cardqr-note">{t('memberCard.suspendedNote')}</p>
            </section>
          )}
        </>
      )}
    </div>
  );
}
