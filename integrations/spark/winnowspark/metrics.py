"""Figures for the cost model: wall time per stage and bytes shuffled, read from Spark itself."""
import time


class Clock:
    """Wall-clock seconds and shuffle bytes written per named stage of the job (each stage ends
    with an action, so both are real)."""

    def __init__(self, spark):
        self.spark = spark
        self.seconds = {}
        self.shuffle = {}
        self._last = time.monotonic()
        self._start = self._last
        self._written = shuffle_bytes(spark)[0]

    def lap(self, stage):
        now = time.monotonic()
        written = shuffle_bytes(self.spark)[0]
        self.seconds[stage] = round(now - self._last, 3)
        self.shuffle[stage] = written - self._written
        self._last, self._written = now, written

    def total(self):
        return round(time.monotonic() - self._start, 3)


def shuffle_bytes(spark):
    """Shuffle bytes written and read by every stage so far (the application status store;
    a stage retried counts again, as it costs again)."""
    sc = spark.sparkContext
    no_quantiles = sc._gateway.new_array(sc._jvm.double, 0)
    stages = sc._jsc.sc().statusStore().stageList(None, False, False, no_quantiles, None)
    written = read = 0
    for i in range(stages.size()):
        s = stages.apply(i)
        written += s.shuffleWriteBytes()
        read += s.shuffleLocalBytesRead() + s.shuffleRemoteBytesRead()
    return written, read
