"""RELAX NG with jing (Java), safely, one JVM for all the documents of a job.

jing reads more than teikit allows: Debian's ``jing`` script turns XInclude on (it sets Xerces's
XIncludeParserConfiguration), and jing itself fetches any DTD a document or a schema names, over
the network too. So teikit never runs a ``jing`` script: it starts ``java`` on jing's jar itself,
with Xerces's plain configuration (no XInclude), none of the Java options an environment may inject
(``JAVA_TOOL_OPTIONS`` and friends), and gives jing only files teikit has looked at first:

- each document as teikit's safe parser accepted it, with its DOCTYPE blanked out (line breaks
  kept, so jing's lines and columns are the file's own): nothing left to fetch or expand. A
  document teikit cannot read never reaches jing; it is reported by the runner like any other;
- a schema whose ``include``/``externalRef`` files are all local and have no DOCTYPE (checked
  before jing starts; anything else is refused as a schema error).

jing stops at the first document its own parser rejects ("fatal": an XML 1.0 fifth-edition name
that Xerces does not know, say) and says nothing of the documents after it, which then look valid.
teikit reports that document as unreadable by jing and starts jing again on the ones after it, so
every document gets a verdict; if jing stops without naming a document, the documents it said
nothing about are reported as not validated, never as valid.

``find``: Java and jing's jar; ``inputs``: what jing may read; ``engine``: running jing on a job's batch.
"""
