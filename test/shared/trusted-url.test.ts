import { describe, expect, it } from 'vitest';
import { isInternalUrl } from '@shared/security/trusted-url';

const DEV = 'http://localhost:5173';

describe('isInternalUrl', () => {
  it.each([
    ['file:///C:/Program%20Files/app/resources/app.asar/out/renderer/index.html', null],
    ['file:///opt/app/out/renderer/index.html#/entities', null],
    ['http://localhost:5173/', DEV],
    ['http://localhost:5173/#/cadres', DEV],
  ])('trusts %s', (url, dev) => {
    expect(isInternalUrl(url, dev)).toBe(true);
  });

  it.each([
    ['http://localhost:5173/', null],
    ['https://evil.example/', DEV],
    ['http://localhost:5174/', DEV],
    ['http://localhost.evil.example:5173/', DEV],
    ['http://user:pass@localhost:5173/', DEV],
    ['https://localhost:5173/', DEV],
    ['file://remote-host/share/index.html', null],
    ['javascript:alert(1)', DEV],
    ['data:text/html,<script>1</script>', DEV],
    ['not a url', DEV],
    ['', DEV],
    ['http://evil.example/', 'http://evil.example/'],
  ])('refuses %s (dev server %s)', (url, dev) => {
    expect(isInternalUrl(url, dev)).toBe(false);
  });
});
