"""How teikit runs work: the one Saxon processor of a process (``saxon``), which stylesheet
modules it may load (``modules``), the worker processes of a batch (``pool``), and
fewer garbage collections while a text converts (``collector``). Validation,
publishing and the build all run through these; none of them imports another."""
