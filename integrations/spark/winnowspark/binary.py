"""Running the `winnow` binary inside Spark tasks.

The driver ships the binary (and the rule folder) with `SparkContext.addFile`; a task finds its
copy with `SparkFiles.get` and runs it on files in a private temporary folder. Nothing here
talks to Spark's JVM: these functions run in executors' Python workers.
"""
import os
import shutil
import stat
import subprocess
import tempfile

# Reading inputs, the binary exits 2 when it skipped bad records (and still writes its output):
# not a failure for the reading commands. Every other command must exit 0.
READING_COMMANDS = ("line-keys", "analyze")


def executable(path):
    """A runnable copy of the shipped binary (fetched files may lose their execute bit)."""
    mode = os.stat(path).st_mode
    if mode & stat.S_IXUSR:
        return path
    copy = os.path.join(tempfile.gettempdir(), "winnow-%d" % os.getpid())
    if not os.path.exists(copy):
        shutil.copyfile(path, copy + ".tmp")
        os.chmod(copy + ".tmp", 0o755)
        os.replace(copy + ".tmp", copy)
    return copy


class Winnow:
    """The shipped binary, its rule options and its match options, as a task sees them."""

    def __init__(self, binary_name, rules_name=None, no_rules=False, match_args=()):
        self.binary_name = binary_name
        self.rules_name = rules_name
        self.no_rules = no_rules
        self.match_args = list(match_args)

    def path(self):
        from pyspark import SparkFiles
        return executable(SparkFiles.get(self.binary_name))

    def rule_args(self):
        """`--rules DIR` for the shipped rule folder, `--no-rules`, or nothing."""
        if self.no_rules:
            return ["--no-rules"]
        if self.rules_name:
            from pyspark import SparkFiles
            return ["--rules", SparkFiles.get(self.rules_name)]
        return []

    def run(self, args, workdir, stdin_path=None, capture=True):
        """Runs `winnow ARGS` in `workdir`; returns (stdout bytes, stderr text). Raises on a real failure."""
        cmd = [self.path()] + list(args)
        stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
        try:
            done = subprocess.run(cmd, cwd=workdir, stdin=stdin, stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, env=dict(os.environ, WINNOW_CACHE_DIR=cache_dir()))
        finally:
            if stdin_path:
                stdin.close()
        err = done.stderr.decode("utf-8", "replace")
        accepted = (0, 2) if args[0] in READING_COMMANDS else (0,)
        if done.returncode not in accepted:
            raise RuntimeError("winnow %s failed (exit %d): %s" % (args[0], done.returncode, err[-2000:]))
        return done.stdout or b"", err


def cache_dir():
    """Where the binary caches its Traditional->Simplified table (one per executor host)."""
    path = os.path.join(tempfile.gettempdir(), "winnow-cache")
    os.makedirs(path, exist_ok=True)
    return path


class Workdir:
    """A private temporary folder for one task, removed afterwards."""

    def __enter__(self):
        self.path = tempfile.mkdtemp(prefix="winnow-task-")
        return self.path

    def __exit__(self, *exc):
        shutil.rmtree(self.path, ignore_errors=True)
        return False


def skipped_records(stderr_text):
    """The `skipped record` warnings the binary printed (bad JSON, no text, duplicate ids)."""
    return [line for line in stderr_text.splitlines() if "skipped record" in line]
