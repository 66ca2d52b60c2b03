import {
  CreateJoinApplicationBody,
  checkCreditCode,
  checkIdNumber,
  type JoinApplication,
  normalizeCreditCode,
  normalizeIdNumber,
} from '@unionhub/contracts';
import { dateParts } from '../../lib/dates';

export interface JoinFormValues {
  name: string;
  idNumber: string;
  employerName: string;
  employerCreditCode: string;
  orgId: number | null;
}

export type JoinFormField = keyof JoinFormValues;

/** Translation keys (under memberJoin.errors) of what is wrong, per field; empty when the form may be sent. */
export type JoinFormErrors = Partial<Record<JoinFormField, string>>;

/** The API's own name rule, so the browser and the server agree. */
const NAME_PATTERN = new RegExp(
  (CreateJoinApplicationBody.properties.name as unknown as { pattern: string }).pattern,
);

const idRuleErrors: Record<string, string> = {
  'id_number.format': 'idFormat',
  'id_number.birth_date': 'idBirthDate',
  'id_number.check_digit': 'idCheckDigit',
};

/** Checks the form as the API will, with the same validators, before anything is sent. */
export function checkJoinForm(values: JoinFormValues, today: Date = new Date()): JoinFormErrors {
  const errors: JoinFormErrors = {};
  const name = values.name.trim();
  if (!name) errors.name = 'nameRequired';
  else if (name.length < 2 || name.length > 30 || !NAME_PATTERN.test(name)) errors.name = 'nameInvalid';

  const id = normalizeIdNumber(values.idNumber);
  if (!id) errors.idNumber = 'idRequired';
  else {
    const broken = checkIdNumber(id, today);
    if (broken) errors.idNumber = idRuleErrors[broken.rule] ?? 'idCheckDigit';
  }

  if (values.employerName.trim().length > 100) errors.employerName = 'employerTooLong';
  const code = normalizeCreditCode(values.employerCreditCode);
  if (code && checkCreditCode(code)) errors.employerCreditCode = 'creditCodeInvalid';

  if (values.orgId === null) errors.orgId = 'unionRequired';
  return errors;
}

/** The request body for a form that passed `checkJoinForm`. */
export function toJoinBody(values: JoinFormValues): CreateJoinApplicationBody {
  const employerName = values.employerName.trim();
  const code = normalizeCreditCode(values.employerCreditCode);
  return {
    orgId: values.orgId as number,
    name: values.name.trim(),
    idNumber: normalizeIdNumber(values.idNumber),
    ...(employerName ? { employerName } : {}),
    ...(code ? { employerCreditCode: code } : {}),
  };
}

/**
 * What the worker is told about an application, as a translation key under memberJoin.status and
 * its parameters: the promised contact date while pending (or that it has passed), else the outcome.
 */
export function joinStatusMessage(
  application: Pick<JoinApplication, 'status' | 'contactDeadline'>,
  today: string,
): { key: string; params: Record<string, string> } {
  if (application.status === 'accepted') return { key: 'acceptedText', params: {} };
  if (application.status === 'rejected') return { key: 'rejectedText', params: {} };
  const params = dateParts(application.contactDeadline);
  return { key: application.contactDeadline < today ? 'pendingOverdue' : 'pendingText', params };
}
