import { dtkitAdapter } from './dtkit-shared.mjs';

// The wasm column with large kernel calls split across 2 threads (dt.setThreads(2)): this one
// plus one worker on the same memory. numpy's column is single-threaded.
export default dtkitAdapter('dtkit wasm×2', ['wasm', 'js'], 2);
