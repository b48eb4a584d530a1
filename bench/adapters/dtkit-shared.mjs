// Shared body of the dtkit columns; only the backend preference differs between them.
// Written against the public contract (/work/shared/DESIGN.md §2 and §4).
import { makeInput } from '../lib/data.mjs';

// BENCH_DTKIT points at another build of the package (a path or file: URL), e.g. a local dist.
const DTKIT_SPECIFIER = process.env.BENCH_DTKIT ?? 'dtkit';

// Plugins registered with dt.use() once, for the bfloat16 cases and the float128 section.
const PLUGINS = { bfloat16: '@dtkit/bfloat16', float128: '@dtkit/float128' };
let loading = null;

/** @returns {Promise<{ dt: object | null, reason: string, plugins: Record<string, object>, pluginNotes: string[] }>} */
export function loadDtkit() {
  loading ??= importDtkit();
  return loading;
}

async function importDtkit() {
  let dt;
  try {
    dt = await import(DTKIT_SPECIFIER);
  } catch (error) {
    return { dt: null, reason: `import('${DTKIT_SPECIFIER}') failed: ${error.message.split('\n')[0]}`, plugins: {}, pluginNotes: [] };
  }
  if (typeof dt.setBackendPreference !== 'function') return { dt: null, reason: 'dtkit has no setBackendPreference', plugins: {}, pluginNotes: [] };
  const plugins = {};
  const pluginNotes = [];
  for (const [key, specifier] of Object.entries(PLUGINS)) {
    try {
      const module = await import(specifier);
      dt.use(module.plugin);
      plugins[key] = module;
    } catch (error) {
      pluginNotes.push(`${specifier} not loaded (${key} cases n/a): ${error.message.split('\n')[0]}`);
    }
  }
  return { dt, reason: '', plugins, pluginNotes };
}

function toDtkitArray(dt, typed, dtype) {
  // Plain JS array input: the documented constructor form, converted once at setup.
  // Plugin dtypes (bfloat16) are built from the float32 inputs with one astype at setup.
  if (dtype === 'bfloat16') return dt.array(Array.from(typed), { dtype: 'float32' }).astype('bfloat16');
  return dt.array(Array.from(typed), { dtype });
}

function inputFor(dtype, n, which) {
  return makeInput(dtype === 'bfloat16' ? 'float32' : dtype, n, which);
}

function setupCase(dt, spec) {
  switch (spec.op) {
    case 'add': {
      const a = toDtkitArray(dt, inputFor(spec.dtype, spec.n, 0), spec.dtype);
      const b = toDtkitArray(dt, inputFor(spec.dtype, spec.n, 1), spec.dtype);
      if (!spec.out) return { run: () => dt.add(a, b) };
      const out = dt.zeros([spec.n], { dtype: spec.dtype });
      return { run: () => dt.add(a, b, { out }) };
    }
    case 'addTransposed': {
      const shape = [spec.side, spec.side];
      const a = toDtkitArray(dt, makeInput('float64', spec.n, 0), 'float64').reshape(shape);
      const b = toDtkitArray(dt, makeInput('float64', spec.n, 1), 'float64').reshape(shape);
      return { run: () => dt.add(a.transpose(), b) };
    }
    case 'copyTransposed': {
      const a = toDtkitArray(dt, makeInput('float64', spec.n, 0), 'float64').reshape([spec.side, spec.side]);
      return { run: () => a.transpose().copy() };
    }
    case 'sum': {
      const a = toDtkitArray(dt, makeInput('float64', spec.n, 0), 'float64');
      return { run: () => dt.sum(a) };
    }
    case 'cast': {
      const a = toDtkitArray(dt, makeInput(spec.dtype, spec.n, 0), spec.dtype);
      return { run: () => a.astype(spec.to) };
    }
    default:
      return null;
  }
}

/**
 * @param {string} name column title  @param {string[]} preference backend order for dt.setBackendPreference
 * @param {number} [threads] kernel threads (dt.setThreads) while this column runs; 1 = single-threaded
 */
export function dtkitAdapter(name, preference, threads = 1) {
  let loaded = null;
  const adapter = {
    name,
    reason: '',
    versionNote: '',
    async available() {
      loaded = await loadDtkit();
      adapter.reason = loaded.reason;
      adapter.versionNote = loaded.pluginNotes.join('; ');
      if (!loaded.dt) return false;
      try {
        loaded.dt.setBackendPreference(preference);
        if (threads > 1) {
          if (typeof loaded.dt.setThreads !== 'function') throw new Error('dtkit has no setThreads');
          const got = await loaded.dt.setThreads(threads);
          await loaded.dt.setThreads(1);
          if (got !== threads) throw new Error(`setThreads(${threads}) gave ${got} threads here`);
        }
        return true;
      } catch (error) {
        adapter.reason = `setBackendPreference(${JSON.stringify(preference)}) failed: ${error.message}`;
        return false;
      }
    },
    async setup(spec) {
      const { dt } = loaded;
      // Preference and thread count are global: set them before building arrays and before every
      // timed batch (starting or stopping workers happens here, outside the timed region).
      const enter = async () => {
        dt.setBackendPreference(preference);
        if (typeof dt.threads === 'function' && dt.threads() !== threads) await dt.setThreads(threads);
      };
      await enter();
      const instance = setupCase(dt, spec);
      return instance && { ...instance, enter };
    },
  };
  return adapter;
}
