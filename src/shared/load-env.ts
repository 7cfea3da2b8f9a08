/**
 * Imported first by the entry points (npm start, npm run deploy, the command line), so that
 * `.env` is read before anything else — the logger included, which takes LOG_LEVEL and
 * LOG_FORMAT from it. Real environment variables win over the file.
 */
export function loadDotEnv(path = '.env'): void {
  try {
    process.loadEnvFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

// Tests set their own environment; a developer's .env must not leak into them.
if (!process.env.VITEST) loadDotEnv();
