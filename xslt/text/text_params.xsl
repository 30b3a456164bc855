<?xml version="1.0" encoding="UTF-8"?>
<!--
  Every parameter of tei-to-text.xsl, typed and documented (tkd:doc before each xsl:param;
  @values lists the allowed values of an enumerated string). The shared parameter reading is in
  ../common/common_params.xsl.

  The plain text is the reading text of the document: the text elements in order, with white
  space added between blocks and nothing else, unless a parameter asks for more. So with
  reading=sic, notes=omit and header=omit the output is exactly the reading text that
  teikit.reading.reading_text defines (up to white space; with apparatus=in-place for a
  critical apparatus): notes that came with the source are
  source text and stay where they stand; only the edition's additions (corr, reg, supplied,
  note[@subtype='added']) and whatever the stylesheet would supply (quotation marks, gap
  marks, note numbers, the title block) are left out. reading=corr (the default) adds the
  edited readings and the quotation marks a text does not carry.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.invalid/ns/xslt"
    xmlns:tkd="https://teikit.invalid/ns/doc"
    exclude-result-prefixes="#all">

  <xsl:include href="../common/common_params.xsl"/>

  <tkd:doc param="notes" values="endnotes inline omit">The edition's own notes
    (note[@subtype='added'], not source text). endnotes: a number [1] where the note stands and
    the note after its text. inline: the note in square brackets where it stands. omit: left out.</tkd:doc>
  <xsl:param name="notes" as="xs:string" select="'endnotes'"/>

  <tkd:doc param="source-notes" values="in-place endnotes">Notes that came with the source (source
    text). in-place: read where they stand, like any other text (a note inside a paragraph is read
    inside it). endnotes: a note standing inside running text becomes a number [1] there and is
    printed after its text; notes standing as blocks (the back's notes) stay where they are.</tkd:doc>
  <xsl:param name="source-notes" as="xs:string" select="'in-place'"/>

  <tkd:doc param="apparatus" values="endnotes in-place">A critical apparatus (app: a lemma and
    its variant readings). endnotes: the lemma where the app stands, with a letter [a], and after
    the text each app's other readings with their witnesses. in-place: every reading where the
    app stands, one after the other (only white space added: the reading text).</tkd:doc>
  <xsl:param name="apparatus" as="xs:string" select="'endnotes'"/>

  <tkd:doc param="header" values="block omit">block: a title block from the teiHeader (title,
    author, date, first publication, source, responsibilities, licence) before each text.
    omit: the text only.</tkd:doc>
  <xsl:param name="header" as="xs:string" select="'block'"/>

  <tkd:doc param="width">Wrap lines at this many characters (at spaces; a longer word stays
    whole). 0: no wrapping, one line per paragraph.</tkd:doc>
  <xsl:param name="width" as="xs:nonNegativeInteger" select="xs:nonNegativeInteger(72)"/>

</xsl:stylesheet>
