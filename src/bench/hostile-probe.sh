#!/usr/bin/env bash
# Re-measures the hostile-input probe of docs/security.md against the packaged service:
#   src/bench/hostile-probe.sh        (PORT=8091 METHODS=20000 to override)
# 1. the worst bodies under the 256 KiB limit (100,000 unreadable registries, 60,000 unknown
#    fields, 2,000 registries, 100,000 nulls): status, answer size and time, against a normal
#    decision; and the p99 of health and of normal decisions while two such bodies are sent
#    over and over;
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

python3 - "$BASE" "$MANAGEMENT" "$TOKEN" "$APPLICATION" "$REGISTRY" "$METHODS" "$WORK" <<'PY'
import http.client, json, socket, sys, threading, time
base, management, token, application, registry, methods, work = sys.argv[1:8]
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
    "100,000 registries of 0": registries([0] * 100000),
    "100,000 registries of null": registries([None] * 100000),
    "2,000 valid registries": registries([reg["registries"][0]] * 2000),
    "unknown fields in controls": unknown_fields(20000),
}
for _ in range(20): post(normal)  # warm-up
times = sorted(post(normal)[2] for _ in range(200))
print("| body | bytes | status | answer bytes | ms |")
print("|---|---|---|---|---|")
print("| normal application (median of 200) | %d | 200 | - | %.2f |" % (len(normal), times[100]))
for name, body in hostile.items():
    post(body)  # warm-up
    status, size, ms, _ = min((post(body) for _ in range(5)), key=lambda r: r[2])
    print("| %s | %d | %d | %d | %.2f |" % (name, len(body), status, size, ms))

# Two hostile callers hammering while an honest one decides and a probe asks for health.
stop = time.time() + 20
def hammer():
    body = hostile["100,000 registries of 0"]
    while time.time() < stop: post(body)
threads = [threading.Thread(target=hammer) for _ in range(2)]
for t in threads: t.start()
health, decisions = [], []
while time.time() < stop:
    c = http.client.HTTPConnection(host, management, timeout=60); s = time.perf_counter()
    c.request("GET", "/q/health/live"); c.getresponse().read(); c.close()
    health.append((time.perf_counter() - s) * 1000)
    decisions.append(post(normal)[2])
for t in threads: t.join()
def p99(values): values = sorted(values); return values[int(len(values) * 0.99) - 1]
print()
print("while two callers send 100,000 unreadable registries for 20 s: liveness p99 %.1f ms (%d probes), decision p99 %.1f ms (%d decisions)"
      % (p99(health), len(health), p99(decisions), len(decisions)))

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

before = series()
for i in range(methods):
    raw(("M%06dX /decisions/%d?x=%d HTTP/1.1\r\nHost: x\r\nContent-Type: text/x-%d\r\nConnection: close\r\n\r\n" % (i, i, i, i)).encode())
print()
print("%d invented methods, paths and content types: http_server_requests series %d before, %d after" % (methods, before, series()))

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
