/**
 * npm run bench [-- --quick]         list, filter, sort and search over the S4 volume, encrypted
 *                                    register against plain SQLite (bench/registers.ts)
 * npm run bench -- sync [--quick]    sync against PostgreSQL's raw COPY (bench/sync.ts)
 */
if (process.argv.slice(2).includes('sync')) {
  const { runSyncBench } = await import('./sync');
  await runSyncBench();
} else {
  await import('./registers');
}

export {};
