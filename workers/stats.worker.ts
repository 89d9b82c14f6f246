// The stats worker computes a project's dataset statistics from its own connection to IndexedDB,
// so the seconds they take on a large pool never hold up the page. Two helper workers, started
// with it, take the statistics that read only the instructions, so three cores share the work.
import { expose } from 'comlink';
import { connectWorker } from '../src/lib/clients';
import { installFailureHandler } from '../src/lib/failure';
import { createStatsService, inThreadHelper, type StatsHelper, type StatsHelperApi } from '../src/lib/stats';
import { releasingCallbacks } from './releasing-callbacks';

/** Two: ROUGE-L and the compression ratio each take about as long as what the stats worker keeps. */
const HELPERS = 2;

function startHelper(index: number): StatsHelper {
  const { remote, guard } = connectWorker<StatsHelperApi>(new Worker(new URL('./stats-helper.worker.ts', import.meta.url), { type: 'module', name: `stats helper ${index + 1}` }), 'stats helper');
  return {
    seedScores: (...args) => guard(remote.seedScores(...args)),
    compressionRatio: (...args) => guard(remote.compressionRatio(...args)),
    compressionAdd: (...args) => guard(remote.compressionAdd(...args)),
    compressionEnd: (...args) => guard(remote.compressionEnd(...args)),
    verbNouns: (...args) => guard(remote.verbNouns(...args)),
  };
}

installFailureHandler();
// A browser without workers inside workers (Safari before 15.5) computes everything here.
const helpers = typeof Worker === 'function' ? Array.from({ length: HELPERS }, (_, index) => startHelper(index)) : [inThreadHelper()];
expose(releasingCallbacks(createStatsService(undefined, helpers)));
