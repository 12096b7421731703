# Shared by deploy/local/up and deploy/local/down. Sourced, not run.
# Everything the local stack keeps (state, logs, pid files) lives under $UNDERSTUDY_HOME (default .local/).

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
state="${UNDERSTUDY_HOME:-$root/.local}"
run="$state/run"
logs="$state/logs"

vacancy_port="${UNDERSTUDY_VACANCY_PORT:-8081}"
candidate_port="${UNDERSTUDY_CANDIDATE_PORT:-8082}"
succession_port="${UNDERSTUDY_SUCCESSION_PORT:-8083}"
kafka_port="${UNDERSTUDY_KAFKA_PORT:-9092}"
kafka_controller_port="${UNDERSTUDY_KAFKA_CONTROLLER_PORT:-9093}"
pg_host="${UNDERSTUDY_PG_HOST:-127.0.0.1}"
pg_port="${UNDERSTUDY_PG_PORT:-5432}"
pg_user="${UNDERSTUDY_PG_USER:-postgres}"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"

services=(vacancy-service candidate-service succession-service)

service_port() {
  case "$1" in
    vacancy-service) echo "$vacancy_port" ;;
    candidate-service) echo "$candidate_port" ;;
    succession-service) echo "$succession_port" ;;
  esac
}

# The pid of a component we started, if that process still runs (checked by a marker on its
# command line, so that a recycled pid is never taken for ours).
component_pid() {
  local file="$run/$1.pid" pid
  [ -f "$file" ] || return 1
  pid=$(cat "$file")
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q -- "-Dunderstudy.component=$1 " || return 1
  echo "$pid"
}

# HTTP status of GET http://127.0.0.1:$1$2, using bash alone (no curl needed); empty if no answer.
http_status() (
  exec 2>/dev/null 3<>"/dev/tcp/127.0.0.1/$1" || exit 0
  printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$2" >&3
  read -r -t 5 line <&3 || true
  echo "$line" | awk '{print $2}'
)

port_answers() {
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

# $2: the signal to stop it with (default TERM; after 20 s it is killed).
stop_component() {
  local name=$1 pid
  pid=$(component_pid "$name") || { rm -f "$run/$name.pid"; return 0; }
  kill -"${2:-TERM}" "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "  $name did not stop in 20 s; killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$run/$name.pid"
  echo "  stopped $name (pid $pid)"
}

stop_all() {
  # A training run of deploy/local/up (step 4a) still going is killed, so that it writes no archive.
  for name in "${services[@]}"; do stop_component "$name-training" KILL; stop_component "$name"; done
  stop_component kafka
  stop_component postgres
}

# Token signing keys of the local stack: generated on first use, never committed (.local/ is ignored).
keys="$state/keys"
public_key_location="file:$keys/jwt-public.pem"

# Prints a token for the local stack: mint_token <role> [ods-code ...]. Needs local-infra built.
mint_token() {
  local classes="$root/local-infra/target/classes"
  if [ ! -f "$classes/org/understudy/infra/security/TokenMain.class" ]; then
    (cd "$root" && ./mvnw -B -q install -DskipTests -pl local-infra -am) >&2
  fi
  "$java_bin" -Dunderstudy.keys="$keys" -cp "$classes" org.understudy.infra.security.TokenMain "$@"
}
