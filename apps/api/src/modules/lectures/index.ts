export { checkInToLecture, registerForLecture } from './lectures.member.js';
export { lectureRoutes } from './lectures.routes.js';
export { lectureRegistrations, lectures } from './lectures.schema.js';
export { changeLectureStatus, createLecture, issueCheckinToken } from './lectures.service.js';
