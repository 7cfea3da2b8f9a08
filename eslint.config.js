import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/', '.cache/', 'data/', 'coverage/', 'dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
    },
  },
  {
    // The command line's own output and the benchmark's report are the only places that print.
    files: ['src/cli.ts', 'src/cli/**', 'bench/**', 'src/discord/deploy-commands.ts', 'test/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // discord.js stays at the edge: only src/discord/ and commands/ may import it.
    files: ['src/**/*.ts'],
    ignores: ['src/discord/**', 'src/main.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['discord.js', '@discordjs/*'], message: 'Only src/discord/ and commands/ import discord.js.' }] }],
    },
  },
);
