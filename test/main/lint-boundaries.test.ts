import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The runtime boundaries of eslint.config.js refuse a bad import where it would be written. */
const ROOT = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

async function refusals(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => m.message);
}

describe('runtime boundaries', () => {
  it('shared/ loads no Node module, Electron, workbook, storage or UI library, and touches no DOM', async () => {
    for (const bad of [
      "import { readFileSync } from 'node:fs';",
      "import { app } from 'electron';",
      "import ExcelJS from 'exceljs';",
      "import { Low } from 'lowdb';",
      "import { useState } from 'react';",
      "import { x } from '../../main/server/jobs';",
    ]) {
      expect(await refusals('shared/rules/example.ts', `${bad}\nexport const y = 1;\n`), bad).toHaveLength(1);
    }
    expect(await refusals('shared/rules/example.ts', 'export const title = document.title;\n')).toHaveLength(1);
    expect(await refusals('shared/rules/example.ts', "import { z } from 'zod';\nexport const y = z.string();\n")).toEqual([]);
  });

  it('the Node services never load Electron; only main/electron/ does', async () => {
    expect(
      await refusals('main/server/handlers/example.ts', "import { dialog } from 'electron';\nexport const d = dialog;\n"),
    ).toHaveLength(1);
    expect(
      await refusals(
        'main/server/handlers/example.ts',
        "import { createMenu } from '../../electron/menu';\nexport const m = createMenu;\n",
      ),
    ).toHaveLength(1);
    expect(await refusals('main/electron/example.ts', "import { dialog } from 'electron';\nexport const d = dialog;\n")).toEqual([]);
  });

  it('the renderer reaches main only through the contract', async () => {
    expect(
      await refusals(
        'renderer/pages/Example.tsx',
        "import { dispatch } from '../../main/server/api/dispatch';\nexport const d = dispatch;\n",
      ),
    ).toHaveLength(1);
    expect(
      await refusals('renderer/pages/Example.tsx', "import { readFile } from 'node:fs/promises';\nexport const r = readFile;\n"),
    ).toHaveLength(1);
    expect(
      await refusals('renderer/pages/Example.tsx', "import { ApiError } from '@shared/api/result';\nexport const e = ApiError;\n"),
    ).toEqual([]);
  });
});
