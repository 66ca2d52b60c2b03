import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../lib/errors';

/**
 * An API error as an antd alert: the translated message, then each field problem. `messages`
 * rewords a code for the form at hand (a wrong password on the profile page is the current one).
 */
export function ErrorAlert({
  error,
  className,
  messages,
}: {
  error: unknown;
  className?: string;
  messages?: Partial<Record<string, string>>;
}) {
  const { t } = useTranslation();
  if (!error) return null;
  const described = describeError(error, t);
  const { details, requestId } = described;
  const message = messages?.[described.code] ?? described.message;
  const description =
    details.length > 0 || requestId ? (
      <>
        {details.length > 0 && (
          <ul className="uh-error-details">
            {details.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
        {requestId && <div className="uh-error-request">{t('errors.requestId', { id: requestId })}</div>}
      </>
    ) : undefined;
  return (
    <Alert
      className={className}
      type="error"
      showIcon
      title={message}
      description={description}
      role="alert"
    />
  );
}
