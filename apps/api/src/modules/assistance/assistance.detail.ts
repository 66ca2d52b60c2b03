import type { Db } from '../../db/client.js';
import { listAttachmentsOf } from '../attachments/index.js';
import { hardshipRepo } from '../hardship/index.js';
import { chinaToday } from '../members/index.js';
import { findOrgById } from '../orgs/index.js';
import { presentDetail } from './assistance.presenter.js';
import * as repo from './assistance.repository.js';
import { OWNER } from './assistance.service.js';

/**
 * Everything the detail shows: the household as on the file, the steps with their unions, the trail,
 * the files, and a closed file of the member still watched (the household may have fallen back).
 */
export async function loadDetail(db: Db, row: repo.ApplicationView, actions: string[], now: Date) {
  const [household, file, watched, events, files, orgs] = await Promise.all([
    hardshipRepo.listHousehold(db, row.fileId),
    hardshipRepo.findFileView(db, row.fileId),
    hardshipRepo.findWatchedFileOfMember(db, row.memberId, chinaToday(now)),
    repo.listEvents(db, row.id),
    listAttachmentsOf(db, OWNER, [row.id]),
    Promise.all(row.steps.map((s) => findOrgById(db, s.orgId))),
  ]);
  const orgNames = new Map(orgs.filter((o) => o !== null).map((o) => [o.id, o.name]));
  return presentDetail(
    row,
    {
      household,
      file: { incomePerPersonFen: file!.incomePerPersonFen, causes: file!.causes },
      watchedFile:
        watched?.closedAt && watched.watchUntil
          ? { id: watched.id, closedOn: chinaToday(watched.closedAt), watchUntil: watched.watchUntil }
          : null,
      events,
      files,
      orgNames,
      actions,
    },
    now,
  );
}
