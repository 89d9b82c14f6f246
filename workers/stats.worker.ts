// The stats worker computes a project's dataset statistics from its own connection to IndexedDB,
// so the seconds they take on a large pool never hold up the page.
import { expose } from 'comlink';
import { installFailureHandler } from '../src/lib/failure';
import { createStatsService } from '../src/lib/stats';
import { releasingCallbacks } from './releasing-callbacks';

installFailureHandler();
expose(releasingCallbacks(createStatsService()));
