# Sourced by the bench scripts that run promptfoo: installs promptfoo 0.118.0 into bench/.promptfoo (gitignored) when
# it is missing or another version. Needs PROMPTFOO_DIR, PROMPTFOO, LOG and a fail function from the caller.
if [ ! -x "$PROMPTFOO" ] || ! "$PROMPTFOO" --version 2>/dev/null | grep -qx '0.118.0'; then
    command -v npm >/dev/null || fail "npm is needed (apt-get install nodejs npm)"
    echo "== installing promptfoo 0.118.0 into bench/.promptfoo (a few minutes)"
    mkdir -p "$PROMPTFOO_DIR"
    [ -f "$PROMPTFOO_DIR/package.json" ] || echo '{"name":"workbench-bench-promptfoo","private":true}' > "$PROMPTFOO_DIR/package.json"
    (cd "$PROMPTFOO_DIR" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --ignore-scripts --no-audit --no-fund \
        promptfoo@0.118.0 && npm rebuild better-sqlite3) >> "$LOG" 2>&1 || fail "npm install failed; see $LOG"
fi
