"""Winnow's stages on Apache Spark: the job `winnow_spark.py` runs (see README.md beside it).

Modules, in the order the job uses them:
  inputs      input files -> units of work, batch positions
  binary      running the shipped `winnow` binary in tasks
  wnls        writing line-statistics files
  analysis    pass 1 (line keys, exact statistics) and pass 2 (analysis records)
  candidates  exact copies, document frequencies, SimHash and containment joins
  verify      `winnow verify` on candidate pairs; the links clustering uses
  components  link components, `winnow resolve` per task of whole components
  metrics     shuffle bytes and timings for the cost model
"""
