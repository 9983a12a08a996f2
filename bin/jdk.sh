# Sourced by bin/run, bin/test and .ci/run: selects a JDK 21 or newer for Maven and the engine.
# Order: $JAVA_HOME if it is 21+, the `java` on PATH if it is 21+, else the newest 21+ JDK under /usr/lib/jvm.

java_major() {
    "$1/bin/java" -XshowSettings:properties -version 2>&1 \
        | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

select_jdk() {
    local candidate major best="" best_major=0
    local candidates=()
    [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
    if command -v java >/dev/null 2>&1; then
        candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
    fi
    for candidate in /usr/lib/jvm/* /opt/java/* "$HOME"/.sdkman/candidates/java/*; do
        [ -d "$candidate" ] && candidates+=("$candidate")
    done
    for candidate in "${candidates[@]}"; do
        [ -x "$candidate/bin/java" ] || continue
        major=$(java_major "$candidate")
        [ -n "$major" ] && [ "$major" -ge 21 ] || continue
        if [ "$candidate" = "${candidates[0]}" ]; then best=$candidate; break; fi
        if [ "$major" -gt "$best_major" ]; then best=$candidate; best_major=$major; fi
    done
    if [ -z "$best" ]; then
        echo "No JDK 21 or newer found: install one or point JAVA_HOME at it." >&2
        return 1
    fi
    export JAVA_HOME="$best"
    export PATH="$JAVA_HOME/bin:$PATH"
}

select_jdk
