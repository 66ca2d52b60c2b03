import type { JobCard } from '@unionhub/contracts';
import { useTranslation } from 'react-i18next';

/** One job in a list: title and pay on top, employer, place and openings below. */
export function JobCardItem({ job, onOpen }: { job: JobCard; onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="uhm-job" onClick={onOpen}>
      <span className="uhm-job-top">
        <span className="uhm-job-title">{job.title}</span>
        <span className="uhm-job-pay">
          {t('jobBoard.salaryRange', {
            min: job.salaryMin.toLocaleString('zh-CN'),
            max: job.salaryMax.toLocaleString('zh-CN'),
          })}
        </span>
      </span>
      <span className="uhm-job-tags">
        <span className="uhm-job-tag">{t(`jobs.categories.${job.category}`)}</span>
        <span className="uhm-job-tag">{job.regionName}</span>
        <span className="uhm-job-tag">{t('jobBoard.headcount', { n: job.headcount })}</span>
      </span>
      <span className="uhm-job-enterprise">{job.enterpriseName}</span>
    </button>
  );
}
