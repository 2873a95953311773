export * from './days';
export * from './calendar';
export { noticeYearRange } from './official';
export { readHolidayNotice, type EnteredNotice, type NoticeEntry, type NoticeReading } from './notice-text';
