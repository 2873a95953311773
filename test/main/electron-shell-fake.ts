// A small stand-in for the 'electron' module (vi.mock('electron', () => import('./electron-shell-fake'))):
// it records what the shell does and answers dialogs from a queue the test fills. Only what
// main/*.ts uses is here; a missing member fails the test loudly.

type Listener = (...args: unknown[]) => void;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
}

export class WebContents extends Emitter {
  readonly sent: { channel: string; payload: unknown }[] = [];
  readonly printCalls: Record<string, unknown>[] = [];
  readonly pdfCalls: Record<string, unknown>[] = [];
  /** What the next print job reports: success, or the failure reason. */
  printOutcome: { success: boolean; reason: string } = { success: true, reason: '' };
  readonly pdfBytes = Buffer.from('%PDF-1.4\n% fake page\n%%EOF\n');
  openHandler: ((details: { url: string }) => { action: string }) | null = null;

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  print(options: Record<string, unknown>, callback: (success: boolean, reason: string) => void): void {
    this.printCalls.push(options);
    callback(this.printOutcome.success, this.printOutcome.reason);
  }
  printToPDF(options: Record<string, unknown>): Promise<Buffer> {
    this.pdfCalls.push(options);
    return Promise.resolve(this.pdfBytes);
  }
}

export class BrowserWindow extends Emitter {
  static readonly all: BrowserWindow[] = [];
  readonly webContents = new WebContents();
  readonly calls: string[] = [];
  minimized = false;
  maximized = false;
  normalBounds = { x: 10, y: 20, width: 1366, height: 768 };

  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.all.push(this);
  }
  static fromWebContents(contents: unknown): BrowserWindow | null {
    return BrowserWindow.all.find((window) => window.webContents === contents) ?? null;
  }
  show(): void {
    this.calls.push('show');
  }
  maximize(): void {
    this.calls.push('maximize');
  }
  restore(): void {
    this.calls.push('restore');
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isDestroyed(): boolean {
    return false;
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return this.normalBounds;
  }
  /** The addresses the window loaded. */
  readonly loaded: string[] = [];
  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    return Promise.resolve();
  }
}

/** Everything the shell did, and the answers its dialogs will get. */
export const recorded = {
  ipcHandlers: new Map<string, (...args: unknown[]) => unknown>(),
  permissionHandler: null as ((contents: unknown, permission: string, callback: (allowed: boolean) => void) => void) | null,
  externalLinks: [] as string[],
  openedPaths: [] as string[],
  /** What shell.openPath answers: '' for success, else Windows' error text. */
  openPathFailure: '',
  shownItems: [] as string[],
  clipboard: '',
  menu: null as unknown,
  saveDialogs: [] as Record<string, unknown>[],
  openDialogs: [] as Record<string, unknown>[],
  messageBoxes: [] as Record<string, unknown>[],
  /** Answers for the next dialogs, taken in order: a path (or null = cancelled), or a button index. */
  answers: [] as (string | null | number)[],
};

export function resetFake(): void {
  BrowserWindow.all.length = 0;
  recorded.ipcHandlers.clear();
  recorded.permissionHandler = null;
  for (const list of [
    recorded.externalLinks,
    recorded.openedPaths,
    recorded.shownItems,
    recorded.saveDialogs,
    recorded.openDialogs,
    recorded.messageBoxes,
    recorded.answers,
  ])
    list.length = 0;
  recorded.openPathFailure = '';
  recorded.clipboard = '';
  recorded.menu = null;
}

function nextAnswer(): string | null | number {
  if (recorded.answers.length === 0) throw new Error('the test gave no answer for this dialog');
  return recorded.answers.shift() ?? null;
}

/** showMessageBox(window, options) or showMessageBox(options). */
function messageBoxOptions(args: unknown[]): Record<string, unknown> {
  return (args.length > 1 ? args[1] : args[0]) as Record<string, unknown>;
}

export const dialog = {
  showSaveDialog: async (_window: unknown, options: Record<string, unknown>) => {
    recorded.saveDialogs.push(options);
    const answer = nextAnswer();
    return typeof answer === 'string' ? { canceled: false, filePath: answer } : { canceled: true, filePath: '' };
  },
  showOpenDialog: async (_window: unknown, options: Record<string, unknown>) => {
    recorded.openDialogs.push(options);
    const answer = nextAnswer();
    return typeof answer === 'string' ? { canceled: false, filePaths: [answer] } : { canceled: true, filePaths: [] };
  },
  showMessageBox: async (...args: unknown[]) => {
    recorded.messageBoxes.push(messageBoxOptions(args));
    // Information boxes need no scripted answer: they are closed with their only button.
    const answer = recorded.answers.length > 0 && typeof recorded.answers[0] === 'number' ? nextAnswer() : 0;
    return { response: answer, checkboxChecked: false };
  },
  showErrorBox: (title: string, content: string) => recorded.messageBoxes.push({ title, message: content }),
};

export const shell = {
  openExternal: async (url: string) => void recorded.externalLinks.push(url),
  openPath: async (fullPath: string) => {
    recorded.openedPaths.push(fullPath);
    return recorded.openPathFailure;
  },
  showItemInFolder: (fullPath: string) => void recorded.shownItems.push(fullPath),
};

export const clipboard = {
  writeText: (text: string) => {
    recorded.clipboard = text;
  },
};

export const ipcMain = {
  handle: (channel: string, handler: (...args: unknown[]) => unknown) => void recorded.ipcHandlers.set(channel, handler),
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: (handler: typeof recorded.permissionHandler) => {
      recorded.permissionHandler = handler;
    },
  },
};

export const Menu = {
  buildFromTemplate: (template: unknown) => ({ template }),
  setApplicationMenu: (menu: unknown) => {
    recorded.menu = menu;
  },
};
