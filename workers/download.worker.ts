// The download worker reads a project from IndexedDB and writes its dataset files, so a download
// of 100k rows never holds up the page.
import { expose } from 'comlink';
import { installFailureHandler } from '../src/lib/failure';
import { createDownloadService } from '../src/lib/download';
import { releasingCallbacks } from './releasing-callbacks';

installFailureHandler();
expose(releasingCallbacks(createDownloadService()));
