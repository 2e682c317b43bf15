"""live_latency.py: how long a line written into a command's standard input takes to come out of
its standard output, line by line, as a feed would write them (bench/live.sh).

usage: live_latency.py LINES PAUSE_MS JSONL_FILE COMMAND...
Writes the first LINES lines of JSONL_FILE one at a time, PAUSE_MS apart, each after the line
before came out; prints the median, 90th percentile and largest wait in milliseconds."""
import subprocess, sys, time


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    count, pause = int(sys.argv[1]), float(sys.argv[2]) / 1000
    with open(sys.argv[3], "rb") as f:
        lines = [l for l in f if l.strip()][:count]
    proc = subprocess.Popen(sys.argv[4:], stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0)
    waits = []
    for line in lines:
        start = time.monotonic()
        proc.stdin.write(line)
        if not proc.stdout.readline():
            sys.exit("the command ended before its output came")
        waits.append(1000 * (time.monotonic() - start))
        time.sleep(pause)
    proc.stdin.close()
    if proc.wait() != 0:
        sys.exit("the command failed")
    waits.sort()
    print(f"{len(waits)} lines: median {waits[len(waits) // 2]:.2f} ms, "
          f"90th percentile {waits[len(waits) * 9 // 10]:.2f} ms, largest {waits[-1]:.2f} ms")


if __name__ == "__main__":
    main()
