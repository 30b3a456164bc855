"""``teikit build``: a project's texts to TEI to a published site, incremental and parallel.

- ``tasks``: one document's build (convert, validate, publish), a picklable task for any worker;
- ``summary`` and ``records``: what a built document tells the corpus pages and the report;
- ``state``: content hashes of every input, to rebuild only what changed;
- ``executors``: local worker processes, or a Dask cluster;
- ``site``: the corpus pages (the works, the indexes of persons, places and organisations);
- ``report``: the progress bar, the summary table and the JSON report;
- ``runner``: the whole build.

The project's folders, authority lists and schemas are ``teikit.project.Project``'s, as for every
command.
"""

from teikit.build.runner import BuildOptions, build_project

__all__ = ["BuildOptions", "build_project"]
