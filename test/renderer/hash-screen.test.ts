import { App } from 'antd';
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { useHashScreen } from '../../renderer/hooks/useHashScreen';
import type { ScreenKey } from '../../renderer/navigation/screens';
import { useUnsavedChanges } from '../../renderer/navigation/unsaved';
import { settle } from './render-hook';

let unmount = (): void => undefined;
afterEach(() => {
  unmount();
  document.body.innerHTML = '';
});

/** The shell's screen switching, with 设置 holding an unsaved change while it is the screen shown. */
async function shellOnSettings(
  onOpening?: (next: ScreenKey) => void,
): Promise<{ readonly navigate: (next: ScreenKey) => void; readonly shown: () => ScreenKey }> {
  window.history.replaceState(null, '', '#/settings');
  let navigate: (next: ScreenKey) => void = () => undefined;
  let shown: ScreenKey = 'settings';
  function Settings() {
    useUnsavedChanges(true);
    return null;
  }
  function Shell() {
    const [screen, openScreenKey] = useHashScreen(onOpening);
    navigate = openScreenKey;
    shown = screen;
    return screen === 'settings' ? createElement(Settings) : null;
  }
  const root = createRoot(document.createElement('div'));
  await act(async () => root.render(createElement(App, null, createElement(Shell))));
  unmount = () => act(() => root.unmount());
  return { navigate: (next) => navigate(next), shown: () => shown };
}

describe('useHashScreen', () => {
  it('the hashchange of a navigation already agreed to (放弃 answered) does not ask again, even before React has drawn the next screen', async () => {
    const shell = await shellOnSettings();
    // What 放弃 runs; the address's hashchange can be handled before React commits the next screen.
    act(() => {
      shell.navigate('cadres');
      window.dispatchEvent(
        new HashChangeEvent('hashchange', { oldURL: `${location.origin}/#/settings`, newURL: `${location.origin}/#/cadres` }),
      );
    });
    await settle();
    expect(location.hash).toBe('#/cadres');
    expect(shell.shown()).toBe('cadres');
    expect(document.body.textContent).not.toContain('放弃修改？');
  });

  it('a screen being opened is told before React renders it (the shell asks for its chunk and first reads then), once per opening', async () => {
    const opened: string[] = [];
    const shell = await shellOnSettings((next) => opened.push(`${next} while ${shell.shown()} shows`));
    act(() => shell.navigate('visits'));
    // The agreed navigation's hashchange names the screen already opened.
    await act(async () => {
      window.dispatchEvent(
        new HashChangeEvent('hashchange', { oldURL: `${location.origin}/#/settings`, newURL: `${location.origin}/#/visits` }),
      );
    });
    await settle();
    expect(shell.shown()).toBe('visits');
    expect(opened).toEqual(['visits while settings shows']);
  });

  it('Back to another screen while 设置 holds changes still asks first and keeps the address', async () => {
    const shell = await shellOnSettings();
    window.history.pushState(null, '', '#/entities');
    await act(async () => {
      window.dispatchEvent(
        new HashChangeEvent('hashchange', { oldURL: `${location.origin}/#/settings`, newURL: `${location.origin}/#/entities` }),
      );
    });
    await settle();
    expect(location.hash).toBe('#/settings');
    expect(shell.shown()).toBe('settings');
    expect(document.body.textContent).toContain('放弃修改？');
  });
});
