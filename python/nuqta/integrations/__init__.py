"""Running nuqta inside other tools (optional extras).

- ``nuqta.integrations.dask``: analyze a dask bag or dataframe partition by partition
  (``pip install 'nuqta[dask]'``).
- ``nuqta.integrations.datatrove``: a datatrove ``PipelineStep`` that cleans and annotates
  documents; datatrove's local, Slurm and Ray executors then run it unchanged
  (``pip install 'nuqta[datatrove]'``).
- ``nuqta.integrations.spacy``: a spaCy pipeline component (``nlp.add_pipe("nuqta")``) that
  sets ``doc.ents`` and a span group of number mentions with their values
  (``pip install 'nuqta[spacy]'``).
"""
