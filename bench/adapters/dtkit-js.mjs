import { dtkitAdapter } from './dtkit-shared.mjs';

export default dtkitAdapter('dtkit js', ['js']);
