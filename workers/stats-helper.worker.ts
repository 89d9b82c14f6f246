// A stats helper computes, for the stats worker, the statistics that read only the instructions
// (ROUGE-L to the seeds, the compression ratio, the verb–noun pairs), on a core of its own.
import { expose } from 'comlink';
import { installFailureHandler } from '../src/lib/failure';
import { createStatsHelperService } from '../src/lib/stats';

installFailureHandler();
expose(createStatsHelperService());
