"""Running nuqta on distributed engines (optional extras).

- ``nuqta.integrations.dask``: analyze a dask bag or dataframe partition by partition
  (``pip install 'nuqta[dask]'``).
- ``nuqta.integrations.datatrove``: a datatrove ``PipelineStep`` that cleans and annotates
  documents; datatrove's local, Slurm and Ray executors then run it unchanged
  (``pip install 'nuqta[datatrove]'``).
"""
