import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// ARCHITECTURE.md's dependency rule lives in eslint.config.js. These lint made-up files at paths
// in each layer, so a rule that stops matching (a folder renamed, a pattern typed wrong) fails
// here. Type information is switched off: the files do not exist for the TypeScript project.
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({
    cwd: import.meta.dirname + '/../..',
    overrideConfig: tseslint.configs.disableTypeChecked as Linter.Config,
  });
});

async function problems(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}
const importing = (what: string, from: string) =>
  `import { ${what} } from '${from}';\nexport const used = ${what};\n`;
const restricted = (found: string[]) => found.filter((p) => p.startsWith('no-restricted-imports'));

describe('the dependency rule', () => {
  it('core imports only core', async () => {
    const file = 'src/core/help/layering-probe.ts';
    expect(
      restricted(await problems(file, importing('askForHelp', '../../services/help/ask-for-help'))),
    ).toHaveLength(1);
    expect(
      restricted(await problems(file, importing('TableClient', '@azure/data-tables'))),
    ).toHaveLength(1);
    expect(await problems(file, importing('conflict', '../errors'))).toEqual([]);
  });

  it('services import core, not the store or the API', async () => {
    const file = 'src/services/help/layering-probe.ts';
    expect(
      restricted(
        await problems(
          file,
          importing('createTableHelpStore', '../../store/help/table-help-store'),
        ),
      ),
    ).toHaveLength(1);
    expect(
      restricted(await problems(file, importing('helpRoutes', '../../api/routes/help'))),
    ).toHaveLength(1);
    expect(await problems(file, importing('helpActionsFor', '../../core/help/policy'))).toEqual([]);
  });

  it('the API, the jobs and the bot do not wire the store; botbuilder stays in bot/', async () => {
    expect(
      restricted(
        await problems(
          'src/api/routes/layering-probe.ts',
          importing('createTablePorts', '../../store'),
        ),
      ),
    ).toHaveLength(1);
    expect(
      restricted(
        await problems(
          'src/jobs/notify/layering-probe.ts',
          importing('createTablePorts', '../../store'),
        ),
      ),
    ).toHaveLength(1);
    expect(
      restricted(
        await problems(
          'bot/cards/help/layering-probe.ts',
          importing('createTablePorts', '../../../src/store'),
        ),
      ),
    ).toHaveLength(1);
    expect(
      restricted(
        await problems('src/api/routes/layering-probe.ts', importing('CloudAdapter', 'botbuilder')),
      ),
    ).toHaveLength(1);
    expect(
      await problems(
        'bot/cards/help/layering-probe.ts',
        importing('helpActionsFor', '../../../src/core/help/policy'),
      ),
    ).toEqual([]);
  });

  it('the tab imports only the contract’s index, at any depth', async () => {
    const file = 'src/tab/features/help/deep/layering-probe.tsx';
    expect(
      await problems(file, importing('HelpRequestSchema', '../../../../api/contract')),
    ).toEqual([]);
    expect(
      restricted(
        await problems(file, importing('HelpRequestSchema', '../../../../api/contract/help')),
      ),
    ).toHaveLength(1);
    expect(
      restricted(await problems(file, importing('helpActionsFor', '../../../../core/help/policy'))),
    ).toHaveLength(1);
    expect(
      restricted(
        await problems(file, importing('presentHelpRequest', '../../../../api/presenters/help')),
      ),
    ).toHaveLength(1);
  });

  it('time comes from the injected clock', async () => {
    const found = await problems(
      'src/core/help/layering-probe.ts',
      'export const at = Date.now();\n',
    );
    expect(found.filter((p) => p.startsWith('no-restricted-syntax'))).toHaveLength(1);
  });
});
