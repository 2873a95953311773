export * from './days';
export * from './calendar';
export { noticeYearRange } from './official';
