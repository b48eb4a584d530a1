// NumPy column: a persistent python3 worker (numpy_worker.py) that times each case on request,
// so its rounds interleave with the JS columns in this process.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const WORKER_PATH = fileURLToPath(new URL('./numpy_worker.py', import.meta.url));

function workerEnv() {
  // These OpenBLAS overrides are set machine-wide here and slow numpy down; drop them for the worker only.
  const env = { ...process.env };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  return env;
}

class JsonLineWorker {
  constructor() {
    this.child = spawn(process.env.BENCH_PYTHON ?? 'python3', [WORKER_PATH], {
      env: workerEnv(),
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    this.nextId = 1;
    this.pending = new Map();
    this.exited = new Promise((resolve) => this.child.once('close', resolve));
    this.child.once('error', (error) => this.failAll(error));
    // A worker that dies at start-up closes its stdin; report that through close, not a crash.
    this.child.stdin.on('error', () => {});
    this.child.once('close', (code) => this.failAll(new Error(`numpy worker exited with code ${code}`)));
    createInterface({ input: this.child.stdout }).on('line', (line) => this.receive(line));
    this.child.unref(); // never keep node alive just for the worker
  }

  request(cmd, fields = {}) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.stdin.write(JSON.stringify({ id, cmd, ...fields }) + '\n');
    });
  }

  receive(line) {
    const reply = JSON.parse(line);
    const waiter = this.pending.get(reply.id);
    if (!waiter) return;
    this.pending.delete(reply.id);
    if (reply.ok) waiter.resolve(reply);
    else waiter.reject(new Error(reply.error));
  }

  failAll(error) {
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }

  async close() {
    this.child.stdin.end();
    await this.exited;
  }
}

let worker = null;
let nextKey = 1;

const adapter = {
  name: 'numpy',
  reason: '',
  versionNote: '',
  async available() {
    try {
      worker = new JsonLineWorker();
      const { numpy, python } = await worker.request('version');
      adapter.versionNote = `numpy ${numpy} (python ${python})`;
      return true;
    } catch (error) {
      adapter.reason = `python3 with numpy not usable: ${error.message.split('\n')[0]}`;
      worker = null;
      return false;
    }
  },
  async setup(spec) {
    const key = String(nextKey++);
    const { supported } = await worker.request('setup', { key, case: spec });
    if (!supported) return null;
    return {
      // Timed inside the worker; the harness awaits the result instead of calling run().
      measure: async (targetNs) => (await worker.request('measure', { key, targetNs })).nsPerCall,
      dispose: () => worker.request('dispose', { key }),
    };
  },
  async close() {
    if (worker) await worker.close();
  },
};
export default adapter;
