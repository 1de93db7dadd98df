#!/usr/bin/env bash
# A local Elasticsearch node for development and CI.
#
#   scripts/elasticsearch.sh start    fetch (once), build the analysis plugin, start, wait for health
#   scripts/elasticsearch.sh stop     stop the node started here
#   scripts/elasticsearch.sh status   URL, pid, health and plugins; exit 0 if running, 3 if not
#   scripts/elasticsearch.sh log      the end of the node's log (ES_LOG_LINES=80 by default)
#   scripts/elasticsearch.sh url      the URL to put in ELASTICSEARCH_URL
#
# The node is Elastic's integration-test distribution from Maven Central, because no Debian or
# PyPI package ships Elasticsearch and Elastic's download host is out of reach here. It lacks
# analysis-common, so es-analysis-plugin supplies the parts our indices use.
#
# Environment: ELASTICSEARCH_PORT (9200), ES_HEAP (512m), ES_JAVA_HOME, ES_START_TIMEOUT (120),
# ES_USER (enabled-es, used only when run as root, because Elasticsearch refuses root).
set -euo pipefail

readonly ES_VERSION=8.19.21
readonly ES_ARTIFACT="org.elasticsearch.distribution.integ-test-zip:elasticsearch:${ES_VERSION}:zip"
readonly DEPENDENCY_PLUGIN="org.apache.maven.plugins:maven-dependency-plugin:3.6.1"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly ROOT
readonly STATE="$ROOT/.es"
readonly ES_HOME="$STATE/elasticsearch-$ES_VERSION"
readonly DATA_DIR="$STATE/data"
readonly LOG_DIR="$STATE/logs"
readonly RUN_DIR="$STATE/run"
readonly PID_FILE="$RUN_DIR/es.pid"
readonly BUILD_DIR="$STATE/build/analysis-plugin"
readonly PLUGIN_SRC="$ROOT/es-analysis-plugin"
readonly PLUGIN_NAME=enabled-analysis
readonly CLUSTER_NAME=enabled-dev
readonly NODE_LOG="$LOG_DIR/$CLUSTER_NAME.log"
readonly LAUNCH_LOG="$LOG_DIR/launcher.out"

readonly PORT="${ELASTICSEARCH_PORT:-9200}"
readonly URL="http://127.0.0.1:$PORT"
readonly HEAP="${ES_HEAP:-512m}"
readonly START_TIMEOUT="${ES_START_TIMEOUT:-120}"
readonly ES_USER="${ES_USER:-enabled-es}"

say() { printf 'elasticsearch: %s\n' "$*"; }
fail() {
    printf 'elasticsearch: error: %s\n' "$*" >&2
    exit 1
}

usage() {
    sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

# --- the process -------------------------------------------------------------------------------

# The pid of our node, if it runs. The pid file is the record; a live process is only ours when
# its command line names our ES_HOME, so a recycled pid is never mistaken for the node.
node_pid() {
    local pid
    [[ -f "$PID_FILE" ]] || return 1
    pid="$(tr -d '[:space:]' <"$PID_FILE")"
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    [[ -r "/proc/$pid/cmdline" ]] || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "-Des.path.home=$ES_HOME" || return 1
    printf '%s\n' "$pid"
}

# Every process of this checkout's node, with or without a pid file: the launcher and the server
# both carry our ES_HOME on their command line.
node_processes() {
    pgrep -f -- "-Des.path.home=$ES_HOME( |$)" || true
}

# Sends SIGTERM and waits; returns non-zero if any process outlives the wait.
terminate() {
    local seconds="$1" pid
    shift
    kill -TERM "$@" 2>/dev/null || true
    for pid in "$@"; do
        wait_until_gone "$pid" "$seconds" || return 1
    done
}

# The port the running node was configured with, which may differ from ELASTICSEARCH_PORT now.
running_port() {
    sed -n 's/^http\.port: *//p' "$ES_HOME/config/elasticsearch.yml" 2>/dev/null
}

http_get() {
    curl --silent --show-error --fail --max-time 5 "$URL$1"
}

# Anything listening on the port, whoever it belongs to.
port_taken() {
    (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null
}

health_status() {
    http_get "/_cluster/health" 2>/dev/null | sed -n 's/.*"status":"\([a-z]*\)".*/\1/p'
}

wait_until_gone() {
    local pid="$1" seconds="$2" i
    for ((i = 0; i < seconds * 4; i++)); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.25
    done
    ! kill -0 "$pid" 2>/dev/null
}

# The last lines of the launcher's output and of the node's log; with a line number, only the
# node log's lines after it, so an error shows this start's log rather than an earlier one's.
print_log_tail() {
    local lines="${1:-40}" from="${2:-0}"
    if [[ -s "$LAUNCH_LOG" ]]; then
        printf -- '--- %s (last %s lines) ---\n' "$LAUNCH_LOG" "$lines"
        tail -n "$lines" "$LAUNCH_LOG"
    fi
    if [[ ! -f "$NODE_LOG" ]]; then
        printf -- '--- no node log at %s yet ---\n' "$NODE_LOG"
    elif (($(log_length) <= from)); then
        printf -- '--- the node wrote nothing to %s ---\n' "$NODE_LOG"
    else
        printf -- '--- %s (last %s lines) ---\n' "$NODE_LOG" "$lines"
        tail -n "+$((from + 1))" "$NODE_LOG" | tail -n "$lines"
    fi
}

log_length() {
    if [[ -f "$NODE_LOG" ]]; then
        wc -l <"$NODE_LOG"
    else
        echo 0
    fi
}

# --- preparing ---------------------------------------------------------------------------------

find_java_home() {
    if [[ -n "${ES_JAVA_HOME:-}" ]]; then
        [[ -x "$ES_JAVA_HOME/bin/java" ]] || fail "ES_JAVA_HOME=$ES_JAVA_HOME has no bin/java"
        printf '%s\n' "$ES_JAVA_HOME"
        return
    fi
    local default=/usr/lib/jvm/java-17-openjdk-amd64
    if [[ -x "$default/bin/java" && -x "$default/bin/javac" ]]; then
        printf '%s\n' "$default"
        return
    fi
    local java
    java="$(command -v java || true)"
    [[ -n "$java" ]] \
        || fail "Java 17 or newer is needed and none was found:" \
            "install openjdk-17-jdk-headless or set ES_JAVA_HOME"
    dirname "$(dirname "$(readlink -f "$java")")"
}

check_java() {
    local home="$1" version
    [[ -x "$home/bin/javac" && -x "$home/bin/jar" ]] \
        || fail "$home has no javac/jar, needed to build the analysis plugin: install openjdk-17-jdk-headless"
    version="$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1)"
    [[ "$version" =~ ^[0-9]+$ && "$version" -ge 17 ]] \
        || fail "Java 17 or newer is needed, $home/bin/java is version ${version:-unknown}"
}

# Downloads through Maven (cached in ~/.m2) and unpacks once; a marker says unpacking finished.
fetch_distribution() {
    if [[ -f "$ES_HOME/.unpacked" ]]; then
        return
    fi
    command -v mvn >/dev/null \
        || fail "Maven (mvn) is needed to fetch Elasticsearch from Maven Central: apt-get install maven"
    command -v unzip >/dev/null || fail "unzip is needed to unpack Elasticsearch: apt-get install unzip"
    local download="$STATE/download"
    mkdir -p "$download" "$LOG_DIR"
    say "fetching $ES_ARTIFACT through Maven (cached in ~/.m2 after the first time)"
    if ! mvn -B -ntp "$DEPENDENCY_PLUGIN:copy" -Dartifact="$ES_ARTIFACT" -DoutputDirectory="$download" \
        >"$LOG_DIR/maven.log" 2>&1; then
        tail -n 30 "$LOG_DIR/maven.log" >&2
        fail "Maven could not fetch $ES_ARTIFACT (full output in $LOG_DIR/maven.log)"
    fi
    say "unpacking into ${ES_HOME#"$ROOT"/}"
    rm -rf "$ES_HOME" "$STATE/unpack"
    mkdir -p "$STATE/unpack"
    unzip -q "$download/elasticsearch-$ES_VERSION.zip" -d "$STATE/unpack"
    mv "$STATE/unpack/elasticsearch-$ES_VERSION" "$ES_HOME"
    rm -rf "$STATE/unpack" "$download"
    touch "$ES_HOME/.unpacked"
}

# Compiles the plugin against the distribution's own jars, again only when a source changed.
build_plugin() {
    local java_home="$1" stamp sources descriptor_version
    local descriptor="$PLUGIN_SRC/stable-plugin-descriptor.properties"
    descriptor_version="$(sed -n 's/^elasticsearch\.version=//p' "$descriptor")"
    [[ "$descriptor_version" == "$ES_VERSION" ]] \
        || fail "$descriptor says elasticsearch.version=$descriptor_version but the node is $ES_VERSION"
    mapfile -t sources < <(find "$PLUGIN_SRC/src/main/java" -name '*.java' | sort)
    [[ ${#sources[@]} -gt 0 ]] || fail "no Java sources under $PLUGIN_SRC/src/main/java"
    stamp="$(cat "${sources[@]}" "$descriptor" "$PLUGIN_SRC/named_components.json" \
        | sha256sum | cut -d' ' -f1)-$ES_VERSION"
    if [[ -f "$BUILD_DIR/stamp" && "$(cat "$BUILD_DIR/stamp")" == "$stamp" \
        && -f "$ES_HOME/plugins/$PLUGIN_NAME/$PLUGIN_NAME.jar" ]]; then
        return
    fi
    say "building the $PLUGIN_NAME plugin"
    rm -rf "$BUILD_DIR"
    mkdir -p "$BUILD_DIR/classes"
    "$java_home/bin/javac" --release 17 -encoding UTF-8 -Xlint:all,-processing,-serial,-path \
        -cp "$ES_HOME/lib/*" -d "$BUILD_DIR/classes" "${sources[@]}" \
        || fail "the analysis plugin does not compile (sources in ${PLUGIN_SRC#"$ROOT"/})"
    "$java_home/bin/jar" --create --file "$BUILD_DIR/$PLUGIN_NAME.jar" -C "$BUILD_DIR/classes" .
    rm -rf "$ES_HOME/plugins/$PLUGIN_NAME"
    mkdir -p "$ES_HOME/plugins/$PLUGIN_NAME"
    cp "$BUILD_DIR/$PLUGIN_NAME.jar" "$descriptor" "$PLUGIN_SRC/named_components.json" \
        "$ES_HOME/plugins/$PLUGIN_NAME/"
    printf '%s\n' "$stamp" >"$BUILD_DIR/stamp"
}

write_config() {
    cat >"$ES_HOME/config/elasticsearch.yml" <<EOF
# Written by scripts/elasticsearch.sh on every start; edit the script, not this file.
cluster.name: $CLUSTER_NAME
node.name: ${CLUSTER_NAME}-1
discovery.type: single-node
xpack.security.enabled: false
network.host: 127.0.0.1
http.port: $PORT
path.data: $DATA_DIR
path.logs: $LOG_DIR
# A development disk is often fuller than the defaults (85/90/95 %) allow.
cluster.routing.allocation.disk.watermark.low: 97%
cluster.routing.allocation.disk.watermark.high: 98%
cluster.routing.allocation.disk.watermark.flood_stage: 99%
EOF
}

# Elasticsearch will not run as root; as root, it runs as a system user owning its folders.
prepare_user() {
    if [[ $EUID -ne 0 ]]; then
        return
    fi
    if ! id -u "$ES_USER" >/dev/null 2>&1; then
        say "creating system user $ES_USER to run the node"
        useradd --system --user-group --no-create-home --home-dir /nonexistent \
            --shell /usr/sbin/nologin "$ES_USER"
    fi
    chown -R "$ES_USER:$ES_USER" "$ES_HOME" "$DATA_DIR" "$LOG_DIR" "$RUN_DIR"
    runuser -u "$ES_USER" -- test -x "$ES_HOME/bin/elasticsearch" \
        || fail "user $ES_USER cannot reach $ES_HOME: every folder above it must be world-executable"
}

# --- commands ----------------------------------------------------------------------------------

cmd_start() {
    local started pid java_home
    started=$SECONDS
    command -v curl >/dev/null || fail "curl is needed to talk to the node: apt-get install curl"

    if pid="$(node_pid)"; then
        if [[ "$(running_port)" != "$PORT" ]]; then
            fail "this checkout's node already runs on port $(running_port) (pid $pid):" \
                "stop it first to move it to port $PORT"
        fi
        # Perhaps still starting (the pid file comes before HTTP): wait for it as for our own start.
        local waited=0
        until [[ "$(health_status || true)" =~ ^(green|yellow)$ ]]; do
            ((waited++ < START_TIMEOUT)) \
                || fail "pid $pid runs but $URL is not healthy after ${START_TIMEOUT}s:" \
                    "see scripts/elasticsearch.sh log"
            sleep 1
        done
        say "already running at $URL (pid $pid)"
        return 0
    fi
    local -a strays
    mapfile -t strays < <(node_processes)
    if ((${#strays[@]})); then
        fail "processes of this node (${strays[*]}) run without a pid file: another start is under way," \
            "or run 'scripts/elasticsearch.sh stop'"
    fi
    if port_taken; then
        fail "port $PORT is taken by something that is not this project's node:" \
            "stop it or choose another ELASTICSEARCH_PORT"
    fi

    java_home="$(find_java_home)"
    check_java "$java_home"
    mkdir -p "$DATA_DIR" "$LOG_DIR" "$RUN_DIR"
    fetch_distribution
    build_plugin "$java_home"
    write_config
    rm -f "$PID_FILE"
    : >"$LAUNCH_LOG"
    prepare_user
    local log_start
    log_start="$(log_length)"

    local -a launch=(env "ES_JAVA_HOME=$java_home" "ES_JAVA_OPTS=-Xms$HEAP -Xmx$HEAP ${ES_JAVA_OPTS:-}"
        "$ES_HOME/bin/elasticsearch" -d -p "$PID_FILE")
    if [[ $EUID -eq 0 ]]; then
        launch=(runuser -u "$ES_USER" -- "${launch[@]}")
    fi
    say "starting on $URL (heap $HEAP, Java $java_home)"
    # The launcher returns once the node runs in the background, or fails; run it aside so a
    # launcher that hangs still meets the timeout below.
    "${launch[@]}" >>"$LAUNCH_LOG" 2>&1 &
    local launcher=$!

    local status="" deadline=$((SECONDS + START_TIMEOUT))
    while ((SECONDS < deadline)); do
        status="$(health_status || true)"
        if [[ "$status" == green || "$status" == yellow ]]; then
            break
        fi
        if ! kill -0 "$launcher" 2>/dev/null && ! node_pid >/dev/null; then
            wait "$launcher" || true
            print_log_tail 40 "$log_start" >&2
            fail "the node died while starting (log above; more with: scripts/elasticsearch.sh log)"
        fi
        sleep 1
    done
    if [[ "$status" != green && "$status" != yellow ]]; then
        print_log_tail 40 "$log_start" >&2
        # Leave nothing behind: the launcher may still wait for a server that has no pid file yet.
        mapfile -t strays < <(node_processes)
        terminate 30 "$launcher" "${strays[@]}" || true
        rm -f "$PID_FILE"
        fail "the node did not report healthy within ${START_TIMEOUT}s (ES_START_TIMEOUT)"
    fi
    wait "$launcher" 2>/dev/null || true
    say "running at $URL (pid $(node_pid || echo '?'), health $status) after $((SECONDS - started))s"
}

cmd_stop() {
    local -a pids
    mapfile -t pids < <({ node_pid || true; node_processes; } | sort -un)
    if ((${#pids[@]} == 0)); then
        rm -f "$PID_FILE"
        say "not running"
        return 0
    fi
    say "stopping pid ${pids[*]}"
    if ! terminate 60 "${pids[@]}"; then
        fail "still running 60s after SIGTERM: $(node_processes | xargs)." \
            "Look at 'scripts/elasticsearch.sh log', then kill -KILL them"
    fi
    rm -f "$PID_FILE"
    say "stopped"
}

cmd_status() {
    local pid health plugins strays
    if ! pid="$(node_pid)"; then
        strays="$(node_processes | xargs)"
        if [[ -n "$strays" ]]; then
            say "not running: processes of this node (${strays}) run without a pid file, starting or lost"
        elif port_taken; then
            say "not running (but something else listens on port $PORT)"
        else
            say "not running"
        fi
        return 3
    fi
    if [[ "$(running_port)" != "$PORT" ]]; then
        say "running at http://127.0.0.1:$(running_port) (pid $pid), not on ELASTICSEARCH_PORT=$PORT"
        return 0
    fi
    say "running at $URL (pid $pid, home ${ES_HOME#"$ROOT"/})"
    if health="$(http_get '/_cluster/health' 2>&1)"; then
        say "health: $(sed -n 's/.*"status":"\([a-z]*\)".*/\1/p' <<<"$health")"
        plugins="$(http_get '/_cat/plugins?h=component,version' 2>/dev/null | xargs || true)"
        say "plugins: ${plugins:-none}"
    else
        say "the process runs but HTTP does not answer yet: $health"
    fi
}

cmd_log() {
    print_log_tail "${ES_LOG_LINES:-80}"
}

main() {
    case "${1:-}" in
        start) cmd_start ;;
        stop) cmd_stop ;;
        status) cmd_status ;;
        log) cmd_log ;;
        url) printf '%s\n' "$URL" ;;
        -h | --help | help) usage ;;
        *)
            usage >&2
            exit 2
            ;;
    esac
}

main "$@"
