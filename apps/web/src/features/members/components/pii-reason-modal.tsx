import type { MemberPii } from '@unionhub/contracts';
import { useTranslation } from 'react-i18next';
import { ReasonModal } from '../../../components/reason-modal';
import { readMemberPii } from '../api';

/** 查看完整信息: asks why first, because each full read is written to the audit log by name. */
export function PiiReasonModal({
  memberId,
  onClose,
  onRead,
}: {
  memberId: number | null;
  onClose: () => void;
  onRead: (pii: MemberPii) => void;
}) {
  const { t } = useTranslation();
  return (
    <ReasonModal
      open={memberId !== null}
      title={t('members.pii.title')}
      label={t('members.pii.prompt')}
      required={t('members.pii.required')}
      placeholder={t('members.pii.placeholder')}
      onClose={onClose}
      onSubmit={async ({ reason }) => {
        if (memberId === null) return;
        onRead(await readMemberPii(memberId, reason));
      }}
    />
  );
}
