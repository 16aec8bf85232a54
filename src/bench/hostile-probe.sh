#!/usr/bin/env bash
# Re-measures the hostile-input probe of docs/security.md against the packaged service:
#   src/bench/hostile-probe.sh        (PORT=8091 METHODS=20000 to override)
# 1. the worst bodies under the 256 KiB limit (the probe's 100,000 unreadable registries,
#    45,000 null registries, 700 valid registries, 20,000 unknown fields): status, answer size,
#    median time and the service's CPU per request (from /proc), beside a normal decision; then
#    the p99 of liveness and of honest decisions, alone and while two callers send the probe's
#    body without pause;
# 2. invented HTTP methods, paths, content types: http_server_requests series before and after;
# 3. encodings: BOM, UTF-16, overlong and surrogate UTF-8: every one a 400 problem.
# Embedded store in target/probe-data; one server on 127.0.0.1:$PORT, stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-8091}
METHODS=${METHODS:-20000}
MANAGEMENT=$((PORT + 1000))
BASE="http://127.0.0.1:$PORT"
WORK=target/probe
APPLICATION=src/main/resources/examples/cyber-healthcare-application.json
REGISTRY=src/main/resources/examples/medical-registry-application.json
command -v python3 >/dev/null || { echo "python3 is needed" >&2; exit 2; }

./mvnw -B -q package -DskipTests
rm -rf target/probe-data "$WORK"; mkdir -p "$WORK"
export UNDERWRITING_DATA_DIR=target/probe-data
TOKEN=$(./mvnw -q exec:exec@mint-token -Droles=decisions:write,decisions:read)
java -Xmx512m -Dquarkus.http.port="$PORT" -Dquarkus.http.host=127.0.0.1 -Dquarkus.management.port=$MANAGEMENT \
  -Dunderwriting.rules.watch=false -jar target/quarkus-app/quarkus-run.jar > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf -o /dev/null "http://127.0.0.1:$MANAGEMENT/q/health/ready" && break; sleep 1; done

python3 - "$BASE" "$MANAGEMENT" "$TOKEN" "$APPLICATION" "$REGISTRY" "$METHODS" "$WORK" "$SERVER" <<'PY'
import http.client, json, os, socket, sys, threading, time
base, management, token, application, registry, methods, work, server = sys.argv[1:9]
host, port = base.replace("http://", "").split(":"); port = int(port); management = int(management); methods = int(methods)
normal = open(application, "rb").read()
reg = json.load(open(registry))

def post(body, content_type="application/json", path="/decisions", method="POST", timeout=600):
    c = http.client.HTTPConnection(host, port, timeout=timeout)
    started = time.perf_counter()
    c.request(method, path, body=body, headers={"Authorization": "Bearer " + token, "Content-Type": content_type})
    r = c.getresponse(); data = r.read(); c.close()
    return r.status, len(data), (time.perf_counter() - started) * 1000, data

def registries(items):
    body = dict(reg); body["registries"] = items
    return json.dumps(body, separators=(",", ":")).encode()

def unknown_fields(n):
    body = json.loads(normal); body["controls"].update({"f%d" % i: 0 for i in range(n)})
    return json.dumps(body, separators=(",", ":")).encode()

hostile = {
    "100,000 registries of 0 (the probe's body)": registries([0] * 100000),
    "45,000 registries of null": registries([None] * 45000),
    "700 valid registries": registries([reg["registries"][0]] * 700),
    "20,000 unknown fields in controls": unknown_fields(20000),
}

def cpu_seconds():
    # utime + stime of the server process, in clock ticks: what a request cost the service, whatever else runs
    fields = open("/proc/%s/stat" % server).read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

def measure(body, count):
    before = cpu_seconds(); results = [post(body) for _ in range(count)]; spent = cpu_seconds() - before
    times = sorted(r[2] for r in results)
    return results[-1][0], results[-1][1], times[len(times) // 2], spent * 1000 / count

for _ in range(200): post(normal)  # warm-up
status, size, median, cpu = measure(normal, 400)
normal_cpu, normal_median = cpu, median
print("| body | bytes | status | answer bytes | median ms | service CPU ms per request | CPU ÷ normal |")
print("|---|---|---|---|---|---|---|")
print("| normal application, decided and recorded | %d | %d | %d | %.2f | %.3f | 1 |" % (len(normal), status, size, median, cpu))
for name, body in hostile.items():
    for _ in range(5): post(body)  # warm-up
    status, size, median, cpu = measure(body, 40)
    print("| %s | %d | %d | %d | %.2f | %.3f | %.1f |" % (name, len(body), status, size, median, cpu, cpu / normal_cpu))

# An honest caller and a health probe, alone and then while two hostile callers send the probe's body without pause.
def honest_and_probe(seconds, hostile_callers):
    stop = time.time() + seconds
    def hammer():
        body = hostile["100,000 registries of 0 (the probe's body)"]
        while time.time() < stop: post(body)
    threads = [threading.Thread(target=hammer) for _ in range(hostile_callers)]
    for t in threads: t.start()
    health, decisions = [], []
    while time.time() < stop:
        c = http.client.HTTPConnection(host, management, timeout=60); s = time.perf_counter()
        c.request("GET", "/q/health/live"); c.getresponse().read(); c.close()
        health.append((time.perf_counter() - s) * 1000)
        decisions.append(post(normal)[2])
    for t in threads: t.join()
    return health, decisions
def p99(values): values = sorted(values); return values[int(len(values) * 0.99) - 1]
print()
print("| 15 s of an honest caller and a liveness probe | liveness p99 ms | decision p99 ms | decisions |")
print("|---|---|---|---|")
for callers in (0, 2):
    health, decisions = honest_and_probe(15, callers)
    print("| %s | %.1f | %.1f | %d |" % ("alone" if callers == 0 else "while 2 callers send the probe's body without pause", p99(health), p99(decisions), len(decisions)))

def series():
    c = http.client.HTTPConnection(host, management, timeout=60); c.request("GET", "/q/metrics")
    text = c.getresponse().read().decode(); c.close()
    return sum(1 for line in text.splitlines() if line.startswith("http_server_requests_seconds_count"))

def raw(request):
    s = socket.create_connection((host, port), timeout=10); s.sendall(request)
    data = b""
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk: break
            data += chunk
    except socket.timeout: pass
    s.close(); return data

counts = [series()]
for half in (0, 1):
    for i in range(half * methods // 2, (half + 1) * methods // 2):
        raw(("M%06dX /decisions/%d?x=%d HTTP/1.1\r\nHost: x\r\nContent-Type: text/x-%d\r\nConnection: close\r\n\r\n" % (i, i, i, i)).encode())
    counts.append(series())
print()
print("%d invented methods, paths and content types: http_server_requests series %d before, %d after half of them, %d after all"
      % (methods, counts[0], counts[1], counts[2]))

print()
print("| encoding | status | content type |")
print("|---|---|---|")
for name, body in {
    "UTF-8 with BOM": b"\xef\xbb\xbf" + normal,
    "UTF-16LE": normal.decode().encode("utf-16-le"),
    "UTF-32BE": normal.decode().encode("utf-32-be"),
    "overlong '/' (C0 AF) in a string": normal.replace(b"Riverside", b"River\xc0\xafside"),
    "CESU surrogate (ED A0 80) in a string": normal.replace(b"Riverside", b"River\xed\xa0\x80side"),
    "escaped lone surrogate in applicationId": normal.replace(b'"APP-1001"', b'"APP-\\ud800"'),
    "escaped NUL in applicationId": normal.replace(b'"APP-1001"', b'"APP-\\u0000"'),
}.items():
    c = http.client.HTTPConnection(host, port, timeout=60)
    c.request("POST", "/decisions", body=body, headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    r = c.getresponse(); r.read(); c.close()
    print("| %s | %d | %s |" % (name, r.status, r.getheader("Content-Type")))
PY
