# The eval runner's Python worker: one process per run answers every python assertion and transform.
# Requests and answers are JSON lines: {"id", "code", "file", "folder", "function", "args"} in,
# {"id", "ok", "value"} or {"id", "ok": false, "error", "trace"} out. Only the standard library is used.
import dataclasses
import json
import sys
import traceback

_answers = sys.stdout
# Whatever the user's code prints goes to stderr, so it cannot break the answers.
sys.stdout = sys.stderr
_modules = {}


def _namespace(request):
    key = (request.get("file"), request["code"])
    namespace = _modules.get(key)
    if namespace is None:
        folder = request.get("folder")
        if folder and folder not in sys.path:
            sys.path.insert(0, folder)
        name = request.get("file") or "<inline>"
        namespace = {"__name__": "__assertion__", "__file__": name}
        exec(compile(request["code"], name, "exec"), namespace)
        if len(_modules) > 256:
            _modules.clear()
        _modules[key] = namespace
    return namespace


def _plain(value):
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    if hasattr(value, "__dict__"):
        return vars(value)
    return str(value)


def _answer(request):
    namespace = _namespace(request)
    name = request["function"]
    function = namespace.get(name)
    if not callable(function):
        raise LookupError("%s has no function %s" % (request.get("file") or "the code", name))
    return {"id": request["id"], "ok": True, "value": function(*request["args"])}


# Ready: the runner starts each call's time limit only now, so a slow interpreter start is not held against it.
_answers.write('{"ready": true}\n')
_answers.flush()

for line in sys.stdin:
    if not line.strip():
        continue
    request = json.loads(line)
    try:
        answer = json.dumps(_answer(request), default=_plain)
    except BaseException as error:  # the user's code may raise anything, SystemExit included
        trace = traceback.format_exc(limit=-3)
        answer = json.dumps({"id": request["id"], "ok": False, "trace": trace,
                             "error": "%s: %s" % (type(error).__name__, error)})
    _answers.write(answer + "\n")
    _answers.flush()
