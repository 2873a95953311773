import dayjs, { type Dayjs } from 'dayjs';

/** The stored form of a calendar date: 'YYYY-MM-DD', or '' when none was given. */
export function toIsoDate(value: Dayjs | null | undefined): string {
  return value ? value.format('YYYY-MM-DD') : '';
}

export function fromIsoDate(value: string): Dayjs | null {
  if (value === '') return null;
  const parsed = dayjs(value, 'YYYY-MM-DD');
  return parsed.isValid() ? parsed : null;
}

/** A stored ISO time in local time, as the lists show it: 'YYYY-MM-DD HH:mm:ss'. */
export function timeText(at: string): string {
  const time = dayjs(at);
  return time.isValid() ? time.format('YYYY-MM-DD HH:mm:ss') : at;
}
