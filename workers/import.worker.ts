// The import worker reads seed files and pasted text and saves the seed tasks, so an import of
// 100,000 lines never holds up the page.
import { expose } from 'comlink';
import { createImportService } from '../src/lib/seeds';
import { releasingCallbacks } from './releasing-callbacks';

expose(releasingCallbacks(createImportService()));
