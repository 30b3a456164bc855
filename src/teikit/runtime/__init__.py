"""How teikit runs work: the one Saxon processor of a process (``saxon``), which stylesheet
modules it may load (``modules``), and the worker processes of a batch (``pool``). Validation,
publishing and the build all run through these; none of them imports another."""
