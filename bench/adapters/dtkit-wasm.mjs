import { dtkitAdapter } from './dtkit-shared.mjs';

// Falls back to 'js' per loop where no wasm kernel exists, as an application would configure it.
export default dtkitAdapter('dtkit wasm', ['wasm', 'js']);
