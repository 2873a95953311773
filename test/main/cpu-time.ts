import { readFileSync } from 'node:fs';

/**
 * The CPU seconds (user + system) this process spends on `work`, its worker threads included, with
 * the wall seconds beside it for a log line. A test bounds the CPU time, never the wall time: other
 * work on a shared machine stretches the wall clock several times over but hardly the CPU time
 * (the speed targets themselves are the benchmark's, docs/performance.md).
 */
export async function timed<T>(work: () => T | Promise<T>): Promise<{ value: T; cpuSeconds: number; wallSeconds: number }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const value = await work();
  const { user, system } = process.cpuUsage(cpu);
  return { value, cpuSeconds: round((user + system) / 1e6), wallSeconds: round((performance.now() - started) / 1000) };
}

/**
 * The CPU seconds of the child processes this process has waited for so far (Linux: cutime and
 * cstime in /proc/self/stat): the difference around a synchronous run of a program is that
 * program's CPU time, e.g. LibreOffice printing.
 */
export function childrenCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // The fields after the command's closing parenthesis start at the third (state); cutime and cstime are the 16th and 17th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS;
}

/** USER_HZ, the unit of /proc/self/stat's times: 100 on every Linux this runs on. */
const CLOCK_TICKS = 100;

const round = (seconds: number): number => Math.round(seconds * 10) / 10;
