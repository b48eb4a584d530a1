"""NumPy column of the dtkit benchmark: a persistent worker speaking JSON lines.

Requests (one JSON object per line on stdin), each answered by one line on stdout:
  {"id": 1, "cmd": "setup", "key": "k", "case": {...}}       -> {"id": 1, "ok": true, "supported": bool}
  {"id": 2, "cmd": "measure", "key": "k", "targetNs": 3e7}  -> {"id": 2, "ok": true, "nsPerCall": float}
  {"id": 3, "cmd": "dispose", "key": "k"}                   -> {"id": 3, "ok": true}
The first measure of a key calibrates the loop count (timeit-style autorange) and warms up;
later measures reuse it, so the JS side can interleave rounds with its own columns.
"""

import gc
import json
import sys
import time

import numpy as np


def input_array(dtype: str, n: int, which: int) -> np.ndarray:
    # Mirrors inputValue() in bench/lib/data.mjs.
    i = np.arange(n, dtype=np.int64)
    values = ((i * 7 + which * 13) % 1000) * 0.25 + 1
    if dtype.startswith("int"):
        values = np.floor(values)
    return values.astype(dtype)


def make_callable(case: dict):
    op, dtype, n = case["op"], case["dtype"], case["n"]
    if op == "add":
        a, b = input_array(dtype, n, 0), input_array(dtype, n, 1)
        if case["out"]:
            out = np.empty(n, dtype=dtype)
            return lambda: np.add(a, b, out=out)
        return lambda: np.add(a, b)
    if op == "addTransposed":
        shape = (case["side"], case["side"])
        a, b = input_array(dtype, n, 0).reshape(shape), input_array(dtype, n, 1).reshape(shape)
        return lambda: np.add(a.T, b)
    if op == "copyTransposed":
        a = input_array(dtype, n, 0).reshape((case["side"], case["side"]))
        return lambda: a.T.copy()
    if op == "sum":
        a = input_array(dtype, n, 0)
        return lambda: a.sum()
    if op == "cast":
        a = input_array(dtype, n, 0)
        # numpyTo: a peer dtype when numpy has no such type (bfloat16 -> float16).
        target = np.dtype(case.get("numpyTo") or case["to"])
        return lambda: a.astype(target)
    return None


def time_batch(fn, iterations: int) -> int:
    start = time.perf_counter_ns()
    for _ in range(iterations):
        fn()
    return time.perf_counter_ns() - start


def calibrate(fn, target_ns: float) -> int:
    iterations = 1
    while True:
        elapsed = time_batch(fn, iterations)
        if elapsed >= target_ns or iterations >= 2**30:
            return iterations
        scale = min(target_ns / elapsed, 100) if elapsed > 1e5 else 2
        iterations = max(iterations * 2, int(iterations * scale * 1.1) + 1)


class Worker:
    def __init__(self):
        self.callables = {}
        self.iterations = {}

    def handle(self, request: dict) -> dict:
        cmd, key = request["cmd"], request.get("key")
        if cmd == "setup":
            fn = make_callable(request["case"])
            if fn is not None:
                self.callables[key] = fn
            return {"supported": fn is not None}
        if cmd == "measure":
            fn = self.callables[key]
            if key not in self.iterations:
                self.iterations[key] = calibrate(fn, request["targetNs"])
            iterations = self.iterations[key]
            gc.collect()  # like the JS side: do not bill earlier garbage to this batch
            return {"nsPerCall": time_batch(fn, iterations) / iterations}
        if cmd == "dispose":
            self.callables.pop(key, None)
            self.iterations.pop(key, None)
            return {}
        if cmd == "version":
            return {"numpy": np.__version__, "python": sys.version.split()[0]}
        raise ValueError(f"unknown command {cmd}")


def main() -> None:
    worker = Worker()
    for line in sys.stdin:
        request = json.loads(line)
        try:
            reply = {"id": request["id"], "ok": True, **worker.handle(request)}
        except Exception as error:  # report, keep serving
            reply = {"id": request["id"], "ok": False, "error": f"{type(error).__name__}: {error}"}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
