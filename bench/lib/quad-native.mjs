// The C __float128 column: compiles bench/native/quad_ops.c with gcc (when present) and drives it as
// a persistent worker over stdin/stdout (protocol at the top of the C file).
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const SOURCE = fileURLToPath(new URL('../native/quad_ops.c', import.meta.url));
const BINARY = fileURLToPath(new URL('../native/quad_ops.bin', import.meta.url)); // git-ignored

/** @returns {{ ok: boolean, reason: string, version: string }} */
export function compileQuadOps() {
  const cc = process.env.CC ?? 'gcc';
  const version = spawnSync(cc, ['--version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) return { ok: false, reason: `${cc} not found`, version: '' };
  const build = spawnSync(cc, ['-O2', '-o', BINARY, SOURCE, '-lquadmath'], { encoding: 'utf8' });
  if (build.status !== 0) return { ok: false, reason: `${cc} -lquadmath failed: ${(build.stderr || '').split('\n')[0]}`, version: '' };
  return { ok: true, reason: '', version: version.stdout.split('\n')[0] };
}

export class QuadOpsWorker {
  /** @param {string[]} aStrings @param {string[]} bStrings same decimal inputs as the JS columns */
  constructor(aStrings, bStrings) {
    this.child = spawn(BINARY, [], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.waiting = [];
    this.child.once('close', (code) => {
      for (const waiter of this.waiting.splice(0)) waiter.reject(new Error(`quad_ops exited with code ${code}`));
    });
    createInterface({ input: this.child.stdout }).on('line', (line) => this.waiting.shift()?.resolve(line));
    this.child.stdin.write(`${aStrings.length}\n${aStrings.join('\n')}\n${bStrings.join('\n')}\n`);
  }

  /** @returns {Promise<{ elapsedNs: number, checksum: bigint }>} */
  async run(op, iterations) {
    const line = await new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.child.stdin.write(`${op} ${iterations}\n`);
    });
    const [elapsed, checksum] = line.trim().split(' ');
    return { elapsedNs: Number(elapsed), checksum: BigInt(`0x${checksum}`) };
  }

  /** Iterations so that one batch takes at least targetNs (first calls also warm up). */
  async calibrate(op, targetNs) {
    let iterations = 1;
    for (;;) {
      const { elapsedNs } = await this.run(op, iterations);
      if (elapsedNs >= targetNs) return iterations;
      const scale = elapsedNs > 1e5 ? Math.min(targetNs / elapsedNs, 100) : 2;
      iterations = Math.max(iterations * 2, Math.ceil(iterations * scale * 1.1));
    }
  }

  async close() {
    this.child.stdin.end();
    await new Promise((resolve) => (this.child.exitCode !== null ? resolve() : this.child.once('close', resolve)));
  }
}
