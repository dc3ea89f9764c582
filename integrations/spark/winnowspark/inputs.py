"""Inputs as `winnow scan` reads them, cut into units of work.

A *unit* is what one `winnow` process reads: a run of consecutive lines of a JSONL file, or one
whole file (WARC/WET crawl, HTML, text, Markdown). Every article gets a *position*, a 64-bit
number ordering the batch exactly as `scan` orders its input (files in the order given, folders
walked in path order, then line or record number):

    position = file_number << 40 | line      (JSONL line, WARC record number, 0 for a page)

Positions are the document numbers of every later stage; sorting by them gives input order.
"""
import os
import posixpath

LINE_BITS = 40
FILE_EXTENSIONS = {
    "jsonl": "jsonl", "ndjson": "jsonl",
    "warc": "file", "wet": "file",
    "txt": "file", "md": "file", "markdown": "file", "text": "file", "html": "file", "htm": "file", "xhtml": "file",
}
# A folder's whole-file pages: only these (as scan's folder reader).
FOLDER_PAGE_EXTENSIONS = {"txt", "md", "html", "htm"}


def position(file_number, line):
    """The batch-order number of an article."""
    return (file_number << LINE_BITS) | line


def extension(path):
    """The format-bearing extension of a file name (`.gz` dropped), lower case."""
    name = posixpath.basename(path)
    if name.lower().endswith(".gz"):
        name = name[:-3]
    dot = name.rfind(".")
    return name[dot + 1:].lower() if dot > 0 else ""


class InputFile:
    """One input file: its number (batch order), URI, the name `scan` would report and its kind."""

    def __init__(self, number, uri, origin, relative, kind):
        self.number = number
        self.uri = uri
        self.origin = origin
        self.relative = relative
        self.kind = kind


def list_inputs(spark, paths):
    """Every input file, numbered in scan's order, through Hadoop's file system API (so HDFS, S3
    and local paths alike). A folder is walked recursively in path order; a file is taken as it is
    named (a name without a known extension is read as JSONL, as scan sniffs it)."""
    jvm = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    out = []
    for given in paths:
        path = jvm.org.apache.hadoop.fs.Path(given)
        fs = path.getFileSystem(conf)
        status = fs.getFileStatus(path)
        if status.isDirectory():
            root = status.getPath().toString().rstrip("/")
            found = []
            walker = fs.listFiles(status.getPath(), True)
            while walker.hasNext():
                uri = walker.next().getPath().toString()
                ext = extension(uri)
                kind = FILE_EXTENSIONS.get(ext)
                if kind == "file" and ext not in ("warc", "wet") and ext not in FOLDER_PAGE_EXTENSIONS:
                    continue
                if kind:
                    found.append(uri)
            for uri in sorted(found):
                relative = uri[len(root) + 1:]
                out.append(InputFile(len(out), uri, local_name(uri), relative, FILE_EXTENSIONS[extension(uri)]))
        else:
            kind = FILE_EXTENSIONS.get(extension(given), "jsonl")
            out.append(InputFile(len(out), status.getPath().toString(), given, posixpath.basename(given), kind))
    return out


def local_name(uri):
    """A URI as scan would print a local path."""
    return uri[len("file:"):] if uri.startswith("file:") else uri


def jsonl_units(sc, f, unit_lines):
    """RDD of JSONL units of one file: runs of at most `unit_lines` consecutive lines, cut inside
    Spark's own input splits (no shuffle). Lines are split on `\\n` only, as Winnow splits them."""
    lines = sc.newAPIHadoopFile(
        f.uri, "org.apache.hadoop.mapreduce.lib.input.TextInputFormat",
        "org.apache.hadoop.io.LongWritable", "org.apache.hadoop.io.Text",
        conf={"textinputformat.record.delimiter": "\n"}).values()
    number, origin = f.number, f.origin

    def cut(rows):
        batch, first = [], None
        for text, index in rows:
            if first is None:
                first = index + 1
            batch.append(text)
            if len(batch) >= unit_lines:
                yield unit_of(batch, first)
                batch, first = [], None
        if batch:
            yield unit_of(batch, first)

    def unit_of(batch, first):
        return {"unit": position(number, first), "file_number": number, "kind": "jsonl", "origin": origin,
                "first_line": first, "lines": batch}

    return lines.zipWithIndex().mapPartitions(cut)


def file_units(sc, files):
    """RDD of whole-file units (crawls, pages): one file each, its bytes and its name."""
    if not files:
        return sc.emptyRDD()
    by_uri = {f.uri: f for f in files}
    raw = sc.binaryFiles(",".join(f.uri for f in files))

    def unit(pair):
        uri, data = pair
        f = by_uri.get(uri) or by_uri.get(uri.replace("file:/", "file:///", 1)) or by_uri.get(uri.replace("file:///", "file:/", 1))
        if f is None:
            raise RuntimeError("unlisted input file %s" % uri)
        return {"unit": position(f.number, 0), "file_number": f.number, "kind": "file", "origin": f.origin,
                "relative": f.relative, "first_line": 0, "data": bytes(data)}

    return raw.map(unit)


def units(spark, files, unit_lines):
    """All units of all input files, keyed by unit id."""
    sc = spark.sparkContext
    parts = [jsonl_units(sc, f, unit_lines) for f in files if f.kind == "jsonl"]
    parts.append(file_units(sc, [f for f in files if f.kind == "file"]))
    return sc.union(parts).map(lambda u: (u["unit"], u))


def write_unit(unit, workdir):
    """Writes a unit where the binary reads it; returns the argument naming it. A JSONL unit is one
    file; a whole file keeps its relative path inside a folder, so its id is that path (as scan
    gives the files of a folder)."""
    if unit["kind"] == "jsonl":
        path = os.path.join(workdir, "unit.jsonl")
        with open(path, "w", encoding="utf-8", newline="\n") as out:
            for line in unit["lines"]:
                out.write(line)
                out.write("\n")
        return path
    folder = os.path.join(workdir, "input")
    target = os.path.join(folder, unit["relative"])
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "wb") as out:
        out.write(unit["data"])
    return folder


def article_position(unit, line):
    """The position of the article the binary reported at `line` of a unit (its origin line)."""
    if unit["kind"] == "jsonl":
        return position(unit["file_number"], unit["first_line"] + line - 1)
    return position(unit["file_number"], line)


def article_origin(unit, line):
    """The origin `scan` reports for that article: (file as named, line or record number)."""
    if unit["kind"] == "jsonl":
        return unit["origin"], unit["first_line"] + line - 1
    return unit["origin"], line
